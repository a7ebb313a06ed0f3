// A page's work asked to stop at its plan's close (workflows/plan-step.ts, `close-asks-work-to-stop`): from outside its
// history, so the page records neither a request nor an acknowledgement for each of its 500 assignments (each
// acknowledgement was a workflow task of the page); it still waits for each to end.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';

/** Requests in flight at once: a page's 500 in a second or two, without a burst the server has to queue. */
const AT_ONCE = 25;

/** Asks each workflow (by id, its latest run) to cancel; one that has already ended is left as it is. */
export async function cancelWork(ids: readonly string[]): Promise<void> {
  const { client } = Context.current();
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => client.workflow.getHandle(id).cancel().catch(ignoreEnded)));
  }
}

function ignoreEnded(error: unknown): void {
  if (!(error instanceof WorkflowNotFoundError)) throw error;
}
