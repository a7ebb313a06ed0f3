// Messages of the planflow workflows, shared by workflows and clients: Updates for human actions (validated
// synchronously before they enter history), Queries for snapshots, Signals for children reporting to parents.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Approve, Cancel, Consolidate, Extend, Review, SubmitReport } from '../../model/actions';
import type { AssignmentSummary, AssignmentView, PlanView } from './state';

// Plan lifecycle.
export const approveUpdate = defineUpdate<PlanView, [Approve]>('approve');
export const cancelUpdate = defineUpdate<PlanView, [Cancel]>('cancel');
export const consolidateUpdate = defineUpdate<PlanView, [Consolidate]>('consolidate');
export const planStatusQuery = defineQuery<PlanView>('planStatus');

// One agency's assignment.
export const submitReportUpdate = defineUpdate<AssignmentView, [SubmitReport]>('submitReport');
export const reviewUpdate = defineUpdate<AssignmentView, [Review]>('review');
export const extendUpdate = defineUpdate<AssignmentView, [Extend]>('extend');
export const assignmentStatusQuery = defineQuery<AssignmentView>('assignmentStatus');

/** From an assignment, page or step to its parent: the latest summaries of assignments that changed. */
export const assignmentsChangedSignal = defineSignal<[AssignmentSummary[]]>('assignmentsChanged');
