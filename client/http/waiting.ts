// What waits on a person, with how long it has waited: reports for their agency to accept (*Báo cáo chờ tiếp nhận*)
// and plans for a leader to approve. Both lists come from Temporal visibility, bounded like the inbox.
import type { Client } from '@temporalio/client';
import type { AuditLog } from '../../store/audit';
import { ASSIGNMENT_ASSIGNEE, ASSIGNMENT_REVIEWERS, ASSIGNMENT_STATUS, PLAN_NUMBER, PLAN_STAGE } from '../../workflows/search-attributes';
import type { PlanView } from '../../workflows/state';
import { assignmentStatus, planStatus } from '../planflow';
import { INBOX_LIMIT, runningAssignments } from './inbox';
import { z } from 'zod';
import { Described, describeAssignment } from './memo';

export const WaitingReview = Described.extend({
  id: z.string(),
  assignee: z.string().optional(),
  /**
   * When the report came in: from the audit log's record of it (one store query per page), else from the
   * assignment's own status query. Visibility holds neither the report's time nor that of the last status change.
   */
  since: z.date().optional(),
});
export type WaitingReview = z.infer<typeof WaitingReview>;

/** Running assignments with a report waiting for one of `reviewers` (the person and their agency). */
export function reviewsQuery(reviewers: readonly string[]): string | undefined {
  const parts = runningAssignments(ASSIGNMENT_REVIEWERS.name, reviewers);
  return parts && [...parts, `${ASSIGNMENT_STATUS.name} = 'submitted'`].join(' AND ');
}

/** When the report of an assignment the audit log does not know came in (submitted before it kept reports). */
async function reportedAt(client: Client, id: string): Promise<Date | undefined> {
  const at = await assignmentStatus(client, id).then((v) => v.report?.submittedAt, () => undefined);
  return at === undefined ? undefined : new Date(at);
}

/** The reports waiting for the reviewers, longest waiting first. */
export async function listWaitingReviews(client: Client, audit: AuditLog, reviewers: readonly string[]): Promise<WaitingReview[]> {
  const query = reviewsQuery(reviewers);
  if (!query) return [];
  const found: Omit<WaitingReview, 'since'>[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    found.push({ id: wf.workflowId, ...describeAssignment(wf), assignee: wf.typedSearchAttributes.get(ASSIGNMENT_ASSIGNEE) });
    if (found.length >= INBOX_LIMIT) break;
  }
  const reported = await audit.lastDone('report', found.map((r) => r.id));
  const rows: WaitingReview[] = [];
  for (const r of found) rows.push({ ...r, since: reported.get(r.id) ?? await reportedAt(client, r.id) });
  return rows.sort((a, b) => (a.since?.getTime() ?? Infinity) - (b.since?.getTime() ?? Infinity));
}

export interface WaitingApproval {
  planId: string;
  number: string | undefined;
  stage: 'awaiting-issue-approval' | 'awaiting-close-approval';
  /** An issue approval waits from the plan's start; a close approval from the change that made the plan ready to close. */
  since: Date;
}

/**
 * When a plan became ready to close: its stage moves on the first change after its last consolidation, its last
 * action or its last assignment's end, so the latest of those. The plan records no time for the stage itself.
 */
export function closeRequestedAt(view: Pick<PlanView, 'actions' | 'consolidations' | 'assignments'>): number | undefined {
  const times = [
    ...view.actions.map((a) => a.at), ...view.consolidations.map((c) => c.at),
    ...Object.values(view.assignments).flatMap((a) => (a.completedAt === undefined ? [] : [a.completedAt])),
  ];
  return times.length ? Math.max(...times) : undefined;
}

/**
 * Plans waiting for a leader's approval, from the plan search attributes; one status query per plan waiting to
 * close (at most INBOX_LIMIT), none for an issue approval.
 */
export async function listWaitingApprovals(client: Client): Promise<WaitingApproval[]> {
  const query = "WorkflowType = 'planLifecycle' AND ExecutionStatus = 'Running' AND PlanflowStage IN ('awaiting-issue-approval', 'awaiting-close-approval')";
  const found: WaitingApproval[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    const stage = wf.typedSearchAttributes.get(PLAN_STAGE);
    if (stage !== 'awaiting-issue-approval' && stage !== 'awaiting-close-approval') continue;
    const closing = stage === 'awaiting-close-approval' ? await planStatus(client, wf.workflowId).then(closeRequestedAt, () => undefined) : undefined;
    found.push({ planId: wf.workflowId, number: wf.typedSearchAttributes.get(PLAN_NUMBER), stage, since: new Date(closing ?? wf.startTime.getTime()) });
    if (found.length >= INBOX_LIMIT) break;
  }
  return found.sort((a, b) => a.since.getTime() - b.since.getTime());
}
