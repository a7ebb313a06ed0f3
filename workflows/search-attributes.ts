// Search attributes that make plans listable in the CLI, the portal and Temporal's UI. The dev server harness and
// the embedded launcher register them; a real cluster needs them registered once (README).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const PLAN_NUMBER = defineSearchAttributeKey('PlanflowNumber', SearchAttributeType.KEYWORD);
export const PLAN_ISSUER = defineSearchAttributeKey('PlanflowIssuer', SearchAttributeType.KEYWORD);
export const PLAN_STAGE = defineSearchAttributeKey('PlanflowStage', SearchAttributeType.KEYWORD);
export const PLAN_OVERDUE = defineSearchAttributeKey('PlanflowOverdue', SearchAttributeType.INT);

export const SEARCH_ATTRIBUTES = [PLAN_NUMBER, PLAN_ISSUER, PLAN_STAGE, PLAN_OVERDUE];
