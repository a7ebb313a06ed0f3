// Messages of the planflow workflows, shared by workflows and clients: Updates for human actions (validated
// synchronously before they enter history), Queries for snapshots, Signals for children reporting to parents and
// for what parents and operators tell running work (amendments, official days off).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Amend, Approve, Cancel, Consolidate, ConsolidationQuery, Extend, PlanQuery, Review, SubmitReport } from '../model/actions';
import type { OfficialBreak } from '../model/calendar';
import type { StepAmendment } from './amendments';
import type { AssignmentSummary, AssignmentView, ConsolidationDetail, ConsolidationSummary, Incident, PlanView, SentNotices } from './state';

// Plan lifecycle.
export const approveUpdate = defineUpdate<PlanView, [Approve]>('approve');
export const cancelUpdate = defineUpdate<PlanView, [Cancel]>('cancel');
/** Answers with summaries of the consolidations it triggered (their texts: consolidationQuery). */
export const consolidateUpdate = defineUpdate<ConsolidationSummary[], [Consolidate]>('consolidate');
export const amendUpdate = defineUpdate<PlanView, [Amend]>('amend');
/** One page of assignments (default 500), with counts over all of them. */
export const planStatusQuery = defineQuery<PlanView, [PlanQuery?]>('planStatus');
/** One consolidation record whole (its text names every missing agency): null when there is none. */
export const consolidationQuery = defineQuery<ConsolidationDetail | null, [ConsolidationQuery?]>('consolidation');

// One agency's assignment.
export const submitReportUpdate = defineUpdate<AssignmentView, [SubmitReport]>('submitReport');
export const reviewUpdate = defineUpdate<AssignmentView, [Review]>('review');
export const extendUpdate = defineUpdate<AssignmentView, [Extend]>('extend');
export const assignmentStatusQuery = defineQuery<AssignmentView>('assignmentStatus');
/**
 * From a page that sends an assignment's notices (its view's `noticedBy`): the reminders and escalation step sent for
 * it so far (the assignment itself wakes only when its status moves) and the mail that could not be delivered; null
 * for work it does not follow.
 */
export const sentNoticesQuery = defineQuery<SentNotices | null, [string]>('sentNotices');

/** From an assignment, page or step to its parent: the latest summaries of assignments that changed. */
export const assignmentsChangedSignal = defineSignal<[AssignmentSummary[]]>('assignmentsChanged');
/** From a step or page to its plan: a child that failed or was terminated (its siblings go on). */
export const incidentSignal = defineSignal<[Incident]>('incident');
/** From the plan to a step (and a step to its pages) or a step to an assignment: an amendment a leader made. */
export const amendStepSignal = defineSignal<[StepAmendment]>('amendStep');
/** From an operator (`planflow calendar official add`): the official days off announced since planflow shipped. */
export const officialCalendarSignal = defineSignal<[OfficialBreak[]]>('officialCalendarChanged');
