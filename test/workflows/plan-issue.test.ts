// The Văn Quan 2021 plan from issue: only its signatory may approve the issue; every recipient is told once;
// every commune gets one assignment due on the plan's reporting date.
import { approve, planStatus, startPlan } from '../../client/planflow';
import { lastDay } from '../../model/calendar';
import { recipientIds } from '../../model/work';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { rehearse, sentBy, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);

test('Văn Quan 2021: the signatory issues it, recipients hear once, each commune reports by the plan date', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await rehearse(env(), 'van-quan-2021-tre-em.yaml');
    const planId = await startPlan(client, plan, taskQueue);

    await expect(approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'issue' })).rejects.toMatchObject({ code: 'not-approver' });
    await expect(startPlan(client, plan, taskQueue)).rejects.toMatchObject({ code: 'already-started' });

    const issued = await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });
    expect(issued.stage).toBe('in-progress');

    const history = await client.workflow.getHandle(planId).fetchHistory();
    const updates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updates).toHaveLength(1); // the refused approval left no trace

    const status = await planStatus(client, planId);
    const notices = sentBy(sent, planId).filter((n) => n.data.event === 'plan-issued');
    expect(notices.map((n) => n.to.id).sort()).toEqual(recipientIds(plan).sort());
    expect(new Set(notices.map((n) => n.key)).size).toBe(notices.length);

    const reportingDate = lastDay(plan.reporting.submissions[0]!.deadline, {});
    const communes = plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members;
    for (const commune of communes) {
      const dated = Object.values(status.assignments).filter((a) => a.agencyId === commune && a.lastDay);
      expect(dated.map((a) => a.lastDay)).toEqual([reportingDate]);
    }
  }));
