// The close's stopWork activity (activities/work.ts) against a real server: work that is busy is asked to cancel, not
// terminated, and work that has ended is left for the page to hear of, unless it was terminated (by an earlier run of
// the activity: the time-skipping server never tells a parent of a termination, so the page must not wait for it).
// (Work at rest is terminated: test/workflows/reports.test.ts, where a worker has run it to rest.)
import { MockActivityEnvironment } from '@temporalio/testing';
import { stopWork } from '../../activities/work';
import { createTimeSkippingEnv, useTestEnv } from '../helpers/temporal-env';

const env = useTestEnv(createTimeSkippingEnv);

test('busy or missing work is waited for; work already terminated is not', async () => {
  const { client } = env();
  // No worker polls this queue: each workflow's first task stays scheduled, so it is busy.
  const start = (workflowId: string) => client.workflow.start('nobody-runs-this', { taskQueue: 'stop-work-no-worker', workflowId });
  const [busy, ended] = await Promise.all([start('stop-work/busy'), start('stop-work/terminated')]);
  await ended.terminate('an earlier run of the activity');
  const activity = new MockActivityEnvironment({}, { client });
  const waitFor: string[] = await activity.run(stopWork, ['stop-work/busy', 'stop-work/missing', 'stop-work/terminated']);
  expect(waitFor.sort()).toEqual(['stop-work/busy', 'stop-work/missing']);
  expect((await busy.describe()).status.name).toBe('RUNNING');
  const events = (await busy.fetchHistory()).events ?? [];
  expect(events.filter((e) => e.workflowExecutionCancelRequestedEventAttributes)).toHaveLength(1);
  // Run again, as a retried page task would: the same answer.
  const again: string[] = await activity.run(stopWork, ['stop-work/busy', 'stop-work/terminated']);
  expect(again).toEqual(['stop-work/busy']);
});
