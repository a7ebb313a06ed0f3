// The bare Temporal baseline of planflow's per-assignment work: a parent with one child per agency, each child
// running one activity, accepting two Updates (submit, review) and signalling the parent. Nothing else: no model,
// no schemas, no reminders; the benchmark compares planflow against this shape (bundled on its own).
import {
  ApplicationFailure, condition, defineSignal, defineUpdate, getExternalWorkflowHandle, proxyActivities, setHandler, startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { BareActivities } from './activities';

export const submitUpdate = defineUpdate<string, [string]>('submit');
export const reviewUpdate = defineUpdate<string, [boolean]>('review');
export const doneSignal = defineSignal<[string]>('done');

const { work } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute' });

export interface BareParentInput {
  agencies: string[];
}

export async function bareParent({ agencies }: BareParentInput): Promise<number> {
  const done = new Set<string>();
  setHandler(doneSignal, (agency) => void done.add(agency));
  const parentId = workflowInfo().workflowId;
  // The children report by signal; the parent only waits for all of them, like a page of planflow's tree.
  await Promise.all(agencies.map((agency) => startChild(bareAssignment, { workflowId: `${parentId}/${agency}`, args: [{ parentId, agency }] })));
  await condition(() => done.size === agencies.length);
  return done.size;
}

export interface BareAssignmentInput {
  parentId: string;
  agency: string;
}

export async function bareAssignment({ parentId, agency }: BareAssignmentInput): Promise<string> {
  let report: string | undefined;
  let accepted = false;
  setHandler(submitUpdate, (text) => {
    report = text;
    return 'submitted';
  });
  setHandler(reviewUpdate, (accept) => {
    if (report === undefined) throw ApplicationFailure.create({ type: 'nothing-to-review', message: 'chưa có báo cáo để duyệt' });
    accepted = accept;
    return accept ? 'done' : 'returned';
  });
  await work(agency); // the assignment notice, as planflow sends one when an assignment opens
  await condition(() => accepted);
  await getExternalWorkflowHandle(parentId).signal(doneSignal, agency);
  return 'done';
}
