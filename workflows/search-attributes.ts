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
/**
 * When work on the clock falls due soon (its first reminder). Work that sleeps through its clock (assignment.ts) keeps
 * the status it last had in PlanflowStatus; with this and PlanflowLastDay a list finds its status now (client/http/clock.ts).
 */
export const ASSIGNMENT_DUE_SOON = defineSearchAttributeKey('PlanflowDueSoon', SearchAttributeType.DATETIME);
/** Who may review the assignment's report: the lead office's *Báo cáo chờ tiếp nhận* from visibility. */
export const ASSIGNMENT_REVIEWERS = defineSearchAttributeKey('PlanflowReviewers', SearchAttributeType.KEYWORD_LIST);

/** The memo each assignment starts with, so lists show the clause as people name it without a query per row. */
export interface AssignmentMemo {
  /** The step's title (the clause as the plan words it). */
  title: string;
  /** The plan's number and title. */
  planNumber: string;
  planTitle: string;
  /** The reporting cycle's label (`năm 2027`), for recurring work. */
  cycle?: string;
}

export const SEARCH_ATTRIBUTES = [
  PLAN_NUMBER, PLAN_ISSUER, PLAN_STAGE, PLAN_OVERDUE, ASSIGNMENT_PLAN, ASSIGNMENT_ASSIGNEE, ASSIGNMENT_STATUS, ASSIGNMENT_LAST_DAY,
  ASSIGNMENT_DUE_SOON, ASSIGNMENT_REVIEWERS,
];
