// Search attributes that make plans listable in the CLI, the portal and Temporal's UI. The dev server harness and
// the embedded launcher register them; a real cluster needs them registered once (README).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const PLAN_NUMBER = defineSearchAttributeKey('PlanflowNumber', SearchAttributeType.KEYWORD);
export const PLAN_ISSUER = defineSearchAttributeKey('PlanflowIssuer', SearchAttributeType.KEYWORD);
export const PLAN_STAGE = defineSearchAttributeKey('PlanflowStage', SearchAttributeType.KEYWORD);
export const PLAN_OVERDUE = defineSearchAttributeKey('PlanflowOverdue', SearchAttributeType.INT);

// Each assignment, so an inbox lists an agency's open work from visibility without loading any plan's state.
export const ASSIGNMENT_PLAN = defineSearchAttributeKey('PlanflowPlan', SearchAttributeType.KEYWORD);
export const ASSIGNMENT_ASSIGNEE = defineSearchAttributeKey('PlanflowAssignee', SearchAttributeType.KEYWORD);
export const ASSIGNMENT_STATUS = defineSearchAttributeKey('PlanflowStatus', SearchAttributeType.KEYWORD);
export const ASSIGNMENT_LAST_DAY = defineSearchAttributeKey('PlanflowLastDay', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTES = [
  PLAN_NUMBER, PLAN_ISSUER, PLAN_STAGE, PLAN_OVERDUE, ASSIGNMENT_PLAN, ASSIGNMENT_ASSIGNEE, ASSIGNMENT_STATUS, ASSIGNMENT_LAST_DAY,
];
