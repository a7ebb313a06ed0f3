// A page's work stopped at its plan's close (workflows/plan-step.ts, `close-asks-work-to-stop`): from outside its
// history, so the page records neither a request nor an acknowledgement for each of its 500 assignments (each
// acknowledgement was a workflow task of the page).
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { isGrpcNotFound } from './grpc-status';

/** Requests in flight at once: a page's 500 in a second or two, without a burst the server has to queue. */
const AT_ONCE = 25;

/**
 * Asks each workflow (by id, its latest run) to cancel; one that has already ended is left as it is. Each then runs a
 * workflow task to end, which the worker replays first when it is no longer cached. Pages recorded before
 * `close-terminates-work` call this; the page waits for each to end.
 */
export async function cancelWork(ids: readonly string[]): Promise<void> {
  await eachOf(ids, (handle) => handle.cancel().catch((error: unknown) => {
    if (!notFound(error)) throw error;
  }));
}

/**
 * Ends each workflow (by id, its latest run) that is at rest on the server, with no workflow task of its own: at a
 * national plan's close most assignments are no longer cached, and cancelling each cost the worker a replay
 * (3,321 × 5 × 2: ~460 s of close for 19,926 of them). One busy with something (a workflow task, mail being sent) is
 * asked to cancel instead, so that it ends what it was doing: the time-skipping server also never releases what a
 * terminated workflow's task or activity held, and its clock would stop for good. Returns the ids whose own ends the
 * page still waits for: those asked to cancel, and those that ended otherwise than terminated (the page hears of
 * those ends; the time-skipping server never tells a parent of a termination).
 */
export async function stopWork(ids: readonly string[]): Promise<string[]> {
  const waitFor: string[] = [];
  await eachOf(ids, async (handle) => {
    if (await stopOne(handle)) waitFor.push(handle.workflowId);
  });
  return waitFor;
}

const REASON = 'Kế hoạch đã kết thúc hoặc bị hủy';

/**
 * Ends or cancels one workflow; whether the page is to wait for its end. Safe to run again: a page's workflow task
 * that timed out, or this activity retried, runs it again on work it has already terminated.
 */
async function stopOne(handle: WorkflowHandle): Promise<boolean> {
  const history = async () => (await handle.fetchHistory()).events ?? [];
  try {
    const events = await history();
    if (terminated(events)) return false;
    if (atRest(events)) {
      await handle.terminate(REASON);
      return false;
    }
    await handle.cancel();
    return true;
  } catch (error) {
    if (!notFound(error)) throw error;
    // It ended meanwhile (or never was: then the page has heard its start fail): a termination only by this activity.
    return !terminated(await history().catch(() => []));
  }
}

const terminated = (events: readonly HistoryEvent[]) => Boolean(events.at(-1)?.workflowExecutionTerminatedEventAttributes);

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Whether a running workflow's history has nothing in flight: no workflow task, activity, signal to another workflow
 * or child start awaiting its outcome. False for one that has ended.
 */
export function atRest(events: readonly HistoryEvent[]): boolean {
  let task = false;
  let pending = 0;
  for (const e of events) {
    if (e.workflowTaskScheduledEventAttributes) task = true;
    else if (e.workflowTaskCompletedEventAttributes || e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes) task = false;
    else if (e.activityTaskScheduledEventAttributes || e.signalExternalWorkflowExecutionInitiatedEventAttributes
      || e.startChildWorkflowExecutionInitiatedEventAttributes || e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes) pending++;
    else if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes
      || e.activityTaskCanceledEventAttributes || e.externalWorkflowExecutionSignaledEventAttributes
      || e.signalExternalWorkflowExecutionFailedEventAttributes || e.childWorkflowExecutionStartedEventAttributes
      || e.startChildWorkflowExecutionFailedEventAttributes || e.externalWorkflowExecutionCancelRequestedEventAttributes
      || e.requestCancelExternalWorkflowExecutionFailedEventAttributes) pending--;
  }
  const last = events.at(-1);
  const ended = !last || Boolean(last.workflowExecutionCompletedEventAttributes || last.workflowExecutionFailedEventAttributes
    || last.workflowExecutionTimedOutEventAttributes || last.workflowExecutionCanceledEventAttributes
    || last.workflowExecutionTerminatedEventAttributes || last.workflowExecutionContinuedAsNewEventAttributes);
  return !ended && !task && pending === 0;
}

/** Acts on each workflow, a few at a time. */
async function eachOf(ids: readonly string[], act: (handle: WorkflowHandle) => Promise<unknown>): Promise<void> {
  const { client } = Context.current();
  for (let i = 0; i < ids.length; i += AT_ONCE) await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => act(client.workflow.getHandle(id))));
}

/** The client names a missing workflow for cancel and terminate; reading its history fails with gRPC's own code. */
const notFound = (error: unknown) => error instanceof WorkflowNotFoundError || isGrpcNotFound(error);

/** The activities that stop work, for every worker that runs plans (production, tests, simulation, benchmark). */
export const workActivities = { cancelWork, stopWork };
