// Determinism: every recorded history replays against today's workflow code. A change that would break running
// plans fails here; guard it with patched() (see README) and record new histories.
import { readdirSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { workflowCode } from '../../worker/workflow-code';
import { HISTORIES_DIR, readHistory } from '../helpers/histories';

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

test('there are recorded histories of plans, steps and assignments, from before plans lived for years (v1) and after (v2)', () => {
  expect(files.length).toBeGreaterThanOrEqual(12);
  for (const kind of ['plan-', 'step-', 'assignment-', 'v2-plan-', 'v2-step-', 'v2-assignment-']) expect(files.some((f) => f.startsWith(kind))).toBe(true);
});

test('every recorded history replays without nondeterminism', async () => {
  const histories = files.map((f) => readHistory(f));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ ...workflowCode(), dataConverter: planflowDataConverter() }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
}, 120_000);
