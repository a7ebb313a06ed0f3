// Official days off as data: read from and added to the namespace's calendar workflow, and broadcast to every
// running plan, step and assignment so their later deadlines and notices follow the government's decision.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { OfficialBreak } from '../model/calendar';
import { officialCalendarSignal } from '../workflows/definitions';
import { addOfficialBreakUpdate, OFFICIAL_CALENDAR_ID, officialBreaksQuery, officialCalendar } from '../workflows/official-calendar';

/** The decisions added so far; none before the first is added. */
export async function officialDecisions(client: Client): Promise<OfficialBreak[]> {
  try {
    return await client.workflow.getHandle(OFFICIAL_CALENDAR_ID).query(officialBreaksQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return [];
    throw error;
  }
}

/** Workflows that compute dates and must hear of a new decision. */
const RUNNING_WORK = `ExecutionStatus = 'Running' AND WorkflowType IN ('planLifecycle', 'planStep', 'assignment')`;

/** Records a decision, then tells every running plan; returns all decisions and how many workflows were told. */
export async function addOfficialDecision(client: Client, decision: OfficialBreak, taskQueue: string): Promise<{ decisions: OfficialBreak[]; told: number }> {
  const handle = await calendarWorkflow(client, taskQueue);
  const decisions = await handle.executeUpdate(addOfficialBreakUpdate, { args: [OfficialBreak.parse(decision)] });
  let told = 0;
  for await (const wf of client.workflow.list({ query: RUNNING_WORK })) {
    await client.workflow.getHandle(wf.workflowId, wf.runId).signal(officialCalendarSignal, decisions);
    told++;
  }
  return { decisions, told };
}

async function calendarWorkflow(client: Client, taskQueue: string) {
  try {
    return await client.workflow.start(officialCalendar, { workflowId: OFFICIAL_CALENDAR_ID, taskQueue, args: [[]] });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(OFFICIAL_CALENDAR_ID);
    throw error;
  }
}
