// A notice a plan owes every commune (its issue, its cancellation) goes out from broadcast children of at most 500
// recipients, with the plan's own keys: each recipient gets it once, and the plan's history holds a few child events
// instead of three events per recipient — what lets a national plan's history stay bounded.
import type { Client } from '@temporalio/client';
import { LEADER, REPORT_STEP, basePlan, scalePlan } from '../../bench/plans';
import { approve, cancelPlan, startPlan } from '../../client/planflow';
import { civilDateAt } from '../../model/calendar';
import { broadcastWorkflowId, pageWorkflowId, stepWorkflowId, workTaskQueue } from '../../model/ids';
import { recipientIds } from '../../model/work';
import { BROADCAST_PAGE } from '../../workflows/broadcast';
import { ROOT } from '../helpers/files';
import { recordHistory } from '../helpers/histories';
import { endedPlan, usePlanflowWorker } from '../helpers/planflow';
import { createTimeSkippingEnv } from '../helpers/temporal-env';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const COMMUNES = 600;

/** How many of the plan's history events schedule an activity, and how many events it has in all. */
async function planHistory(client: Client, workflowId: string): Promise<{ events: number; activities: number }> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  return { events: events.length, activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length };
}

test(`a plan's notice to ${COMMUNES} communes goes out from children, once to each, with the plan's keys`, () =>
  run(async ({ client, taskQueue, sent }) => {
    const now = await env().currentTimeMs();
    const plan = scalePlan(basePlan(ROOT, now), { communes: COMMUNES, clauses: 1, cycles: 1 }, 'broadcast-600', civilDateAt(now));
    const recipients = recipientIds(plan);
    expect(recipients.length).toBeGreaterThan(COMMUNES);
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: LEADER, stage: 'issue' });
    await cancelPlan(client, planId, { by: LEADER, reason: 'Thử gửi thông báo hủy tới mọi xã.' });
    const view = await endedPlan(client, planId);
    expect(view.stage).toBe('cancelled');

    for (const event of ['plan-issued', 'plan-cancelled']) {
      const keys = sent.filter((n) => n.data.event === event).map((n) => n.key);
      expect(new Set(keys).size).toBe(keys.length); // once each
      const expectedTo = event === 'plan-issued' ? recipients : [...new Set([...recipients, ...Object.values(view.assignments).map((a) => a.agencyId)])];
      expect(keys.sort()).toEqual(expectedTo.map((id) => `${planId}/${event}/${id}`).sort());
      const pages = Math.ceil(expectedTo.length / BROADCAST_PAGE);
      for (let page = 1; page <= pages; page++) {
        const child = await client.workflow.getHandle(broadcastWorkflowId(planId, event, page)).describe();
        expect(child.status.name).toBe('COMPLETED');
      }
    }
    // The plan itself scheduled only its own few notices (the approval request), not one per commune.
    const history = await planHistory(client, planId);
    console.log(`broadcast: ${recipients.length} recipients; plan history ${history.events} events, ${history.activities} activities scheduled by the plan`);
    expect(history.activities).toBeGreaterThan(0);
    expect(history.activities).toBeLessThan(20);
    expect(history.events).toBeLessThan(400);
    // Nobody waits on a notice page: its notices went out inside its workflow tasks, a marker each and no activity task.
    const noticePage = broadcastWorkflowId(planId, 'plan-issued', 1);
    expect(await planHistory(client, noticePage)).toMatchObject({ activities: 0 });
    // The agencies' work ran on the plan's work queue, its tree on the queue it was started on (worker/workers.ts).
    const page = pageWorkflowId(stepWorkflowId(planId, REPORT_STEP), 2);
    const work = Object.values(view.assignments)[0]!;
    expect((await client.workflow.getHandle(work.id).describe()).taskQueue).toBe(workTaskQueue(taskQueue));
    expect((await client.workflow.getHandle(page).describe()).taskQueue).toBe(taskQueue);
    await recordHistory(client, planId, 'v3-plan-broadcast-cancelled');
    // Its second page (100 communes) opened its work 50 starts per workflow task.
    await recordHistory(client, page, 'v3-page-batched-starts');
    await recordHistory(client, page, 'v4-page-work-queue-announced');
    await recordHistory(client, noticePage, 'v6-broadcast-page-in-task');
  }), 300_000);
