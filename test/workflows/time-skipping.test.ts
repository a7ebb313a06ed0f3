// Proves the time-skipping test server is real and skips: a 30-day sleep finishes in seconds of wall time.
import { Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { createTimeSkippingEnv, useTestEnv } from '../helpers/temporal-env';
import { sleepForDays } from '../fixtures/workflows';

const DAY_MS = 24 * 60 * 60 * 1000;
const env = useTestEnv(createTimeSkippingEnv);

test('a workflow that sleeps 30 days completes and the server clock moved 30 days', async () => {
  const testEnv = env();
  const worker = await Worker.create({
    connection: testEnv.nativeConnection,
    dataConverter: planflowDataConverter(),
    taskQueue: 'time-skipping',
    workflowsPath: require.resolve('../fixtures/workflows'),
  });
  const clockBefore = await testEnv.currentTimeMs();
  const wallBefore = Date.now();
  const result = await worker.runUntil(
    testEnv.client.workflow.execute(sleepForDays, { args: [30], taskQueue: 'time-skipping', workflowId: 'sleep-30-days' }),
  );
  const clockAfter = await testEnv.currentTimeMs();

  expect(result.wokeAt - result.startedAt).toBeGreaterThanOrEqual(30 * DAY_MS);
  expect(clockAfter - clockBefore).toBeGreaterThanOrEqual(30 * DAY_MS);
  // Wall time is far below the simulated month; a benchmark, not this test, times it precisely.
  expect(Date.now() - wallBefore).toBeLessThan(DAY_MS);
});
