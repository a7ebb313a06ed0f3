// The calendar runs inside the workflow sandbox: a workflow sleeps until each reminder and escalation instant it
// computes, and the time-skipping server wakes it exactly then.
import { Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { addDays, civilDateAt, noticeSchedule } from '../../model/calendar';
import { ReminderPolicy } from '../../model/plan';
import { createTimeSkippingEnv, useTestEnv } from '../helpers/temporal-env';
import { followNoticeSchedule } from '../fixtures/workflows';

const env = useTestEnv(createTimeSkippingEnv);

test('a workflow wakes at every instant of its notice schedule', async () => {
  const testEnv = env();
  const policy = ReminderPolicy.parse({});
  const lastDay = addDays(civilDateAt(await testEnv.currentTimeMs()), 30);
  const worker = await Worker.create({
    connection: testEnv.nativeConnection,
    dataConverter: planflowDataConverter(),
    taskQueue: 'calendar',
    workflowsPath: require.resolve('../fixtures/workflows'),
  });
  const woken = await worker.runUntil(
    testEnv.client.workflow.execute(followNoticeSchedule, { args: [lastDay, policy], taskQueue: 'calendar', workflowId: 'calendar-schedule' }),
  );
  const expected = noticeSchedule(lastDay, policy);
  expect(woken.map((w) => [w.kind, w.planned])).toEqual(expected.map((n) => [n.kind, n.at]));
  for (const w of woken) expect(w.woke).toBeGreaterThanOrEqual(w.planned);
  for (const w of woken) expect(w.woke - w.planned).toBeLessThan(60_000);
});
