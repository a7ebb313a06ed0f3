// One step of a plan (a clause or a report submission) fanned out to its agencies: one assignment child per
// agency, at most PAGE_SIZE children per workflow (larger steps start child pages of the same workflow, a tree),
// forwarding its children's status changes to its parent in batches and completing with their final summaries.
import {
  CancellationScope, condition, getExternalWorkflowHandle, isCancellation, startChild, workflowInfo,
  setHandler, type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { assignmentWorkflowId, pageWorkflowId } from '../../model/ids';
import { assignmentSpec, type StepSpec } from './work';
import { assignment } from './assignment';
import { assignmentsChangedSignal } from './definitions';
import type { AssignmentSummary } from './state';

/** Far below Temporal's 2,000 pending children per run, and keeps each history well under 10,000 events. */
export const PAGE_SIZE = 500;

export async function planStep(step: StepSpec): Promise<AssignmentSummary[]> {
  const changed = new Map<string, AssignmentSummary>();
  setHandler(assignmentsChangedSignal, (summaries) => summaries.forEach((s) => changed.set(s.id, s)));

  const children = await startChildren(step);
  let finished = false;
  const results = Promise.all(children.map((c) => c.result())).finally(() => (finished = true));

  const parent = workflowInfo().parent;
  try {
    while (!finished || changed.size) {
      await condition(() => finished || changed.size > 0);
      if (!changed.size || !parent) continue;
      const batch = [...changed.values()];
      changed.clear();
      await getExternalWorkflowHandle(parent.workflowId).signal(assignmentsChangedSignal, batch);
    }
    return (await results).flat();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelling this workflow cancels its children; wait for them to end so none is left behind.
    return CancellationScope.nonCancellable(async () => (await results).flat());
  }
}

type Child = ChildWorkflowHandle<typeof assignment> | ChildWorkflowHandle<typeof planStep>;

function startChildren(step: StepSpec): Promise<Child[]> {
  const { workflowId } = workflowInfo();
  if (step.assignees.length <= PAGE_SIZE) {
    return Promise.all(
      step.assignees.map((a) =>
        startChild(assignment, {
          workflowId: assignmentWorkflowId(step.common.planId, step.stepId, a.assignee.id),
          args: [{ spec: assignmentSpec(step, a) }],
        }),
      ),
    );
  }
  const pages: StepSpec[] = [];
  for (let i = 0; i < step.assignees.length; i += PAGE_SIZE) pages.push({ ...step, assignees: step.assignees.slice(i, i + PAGE_SIZE) });
  return Promise.all(pages.map((page, n) => startChild(planStep, { workflowId: pageWorkflowId(workflowId, n + 1), args: [page] })));
}
