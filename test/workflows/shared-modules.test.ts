// Workers share the model's modules between workflows (worker/bundle-options.ts: evaluated once, not per workflow).
// What one workflow keeps — the official days off it was given — must stay its own: two workflows on one worker,
// one told that a weekday is an official day off and one not, each answer from their own decisions, in turn.
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { addDays, civilDateAt, isWorkingDay, type OfficialBreak } from '../../model/calendar';
import { planflowBundleOptions } from '../../worker/bundle-options';
import { officialDayProbe, probeDayUpdate } from '../fixtures/workflows';
import { createTimeSkippingEnv, useTestEnv } from '../helpers/temporal-env';
import { silentLogger } from '../../worker/silent-logger';

const env = useTestEnv(createTimeSkippingEnv);

test('two workflows on one worker keep their own official days off, though the calendar module is shared', async () => {
  const testEnv = env();
  const { preloadModules } = planflowBundleOptions();
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../fixtures/workflows'), preloadModules, logger: silentLogger });
  expect(code).toContain('preload.ts');
  let day = addDays(civilDateAt(await testEnv.currentTimeMs()), 10);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  const decisions: OfficialBreak[] = [{ occasions: ['quoc-khanh'], from: day, to: day, source: 'Thông báo thử nghiệm' }];
  const worker = await Worker.create({
    connection: testEnv.nativeConnection, dataConverter: planflowDataConverter(), taskQueue: 'shared-modules', workflowBundle: { code },
  });
  const answers = await worker.runUntil(async () => {
    const start = (id: string, given: OfficialBreak[]) =>
      testEnv.client.workflow.start(officialDayProbe, { args: [given], taskQueue: 'shared-modules', workflowId: id });
    const told = await start('probe-told', decisions);
    const untold = await start('probe-untold', []);
    const asked: boolean[] = [];
    for (const handle of [told, untold, told, untold]) asked.push(await handle.executeUpdate(probeDayUpdate, { args: [day] }));
    await Promise.all([told.terminate(), untold.terminate()]);
    return asked;
  });
  expect(answers).toEqual([false, true, false, true]);
});
