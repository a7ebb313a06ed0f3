// worker/workers.ts: the threads the SDK runs workflows in get a bounded heap, set before they start. Measured in a
// fresh Node process (the compiled worker in dist/): any suite that started planflow workers in this jest process
// has set the limit here already.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKFLOW_HEAP_MIB, WORKFLOW_SEMI_SPACE_MIB } from '../../worker/workers';
import { ROOT } from '../helpers/files';

const MIB = 1024 * 1024;

const PROBE = `
const { Worker } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const threadLimit = () => new Promise((resolve, reject) => {
  const t = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true });
  t.once('message', (limit) => t.terminate().then(() => resolve(limit)));
  t.once('error', reject);
});
(async () => {
  const main = getHeapStatistics().heap_size_limit;
  const before = await threadLimit();
  require(${JSON.stringify(join(ROOT, 'dist', 'worker', 'workers.js'))}).limitWorkflowHeaps();
  const after = await threadLimit();
  console.log(JSON.stringify({ main, before, after, mainAfter: getHeapStatistics().heap_size_limit }));
})();
`;

/** V8's young generation is three semi-spaces' worth (two semi-spaces and the space for large new objects). */
const young = (semiSpaceMiB: number) => 3 * semiSpaceMiB * MIB;
const V8_DEFAULT_SEMI_SPACE_MIB = 16;

test(`a thread started after the limit is set has ${WORKFLOW_HEAP_MIB} MiB of old space and a small young generation; the main thread keeps its own`, () => {
  const { main, before, after, mainAfter } = JSON.parse(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' })) as { main: number; before: number; after: number; mainAfter: number };
  expect(after).toBeGreaterThanOrEqual(WORKFLOW_HEAP_MIB * MIB);
  expect(after).toBeLessThanOrEqual(WORKFLOW_HEAP_MIB * MIB + young(WORKFLOW_SEMI_SPACE_MIB)); // old space plus the young generation
  expect(after).toBeLessThan(WORKFLOW_HEAP_MIB * MIB + young(V8_DEFAULT_SEMI_SPACE_MIB));
  expect(before).toBeGreaterThan(after); // Node's default, from the machine's memory: 4 GiB here
  expect(mainAfter).toBe(main);
});
