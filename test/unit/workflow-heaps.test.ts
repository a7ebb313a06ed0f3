// worker/workers.ts: the threads the SDK runs workflows in get a bounded heap, set before they start.
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { limitWorkflowHeaps, WORKFLOW_HEAP_MIB } from '../../worker/workers';

const MIB = 1024 * 1024;

function threadHeapLimit(): Promise<number> {
  const thread = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true });
  return new Promise((resolve, reject) => {
    thread.once('message', (limit: number) => void thread.terminate().then(() => resolve(limit)));
    thread.once('error', reject);
  });
}

test(`a thread started after the limit is set has ${WORKFLOW_HEAP_MIB} MiB of old space, this one keeps its own`, async () => {
  const before = await threadHeapLimit();
  const main = getHeapStatistics().heap_size_limit;
  limitWorkflowHeaps();
  const after = await threadHeapLimit();
  expect(after).toBeGreaterThanOrEqual(WORKFLOW_HEAP_MIB * MIB);
  expect(before).toBeGreaterThan(after); // Node's default from the machine's memory: 4 GiB here
  expect(after).toBeLessThan((WORKFLOW_HEAP_MIB + 128) * MIB); // old space plus the young generation
  expect(getHeapStatistics().heap_size_limit).toBe(main);
});
