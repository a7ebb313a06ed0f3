// The worker's cache size rule (worker/cache-size.ts): 0.8 MiB per workflow within the smallest of 512 MiB, a quarter
// of the machine's memory and half of V8's heap limit, never below 16.
import { maxCachedWorkflows } from '../../worker/cache-size';
import { cacheSplit } from '../../worker/workers';

const GIB = 1024 ** 3;

test.each([
  ['a 24 GiB machine with the default 4 GiB heap: the 512 MiB ceiling', { totalMemoryBytes: 24 * GIB, heapLimitBytes: 4 * GIB }, 640],
  ['a 1 GiB container: a quarter of its memory', { totalMemoryBytes: 1 * GIB, heapLimitBytes: 4 * GIB }, 320],
  ['a 512 MiB heap: half of it', { totalMemoryBytes: 24 * GIB, heapLimitBytes: 0.5 * GIB }, 320],
  ['a tiny machine: a quarter of 64 MiB', { totalMemoryBytes: 64 * 1024 ** 2, heapLimitBytes: 0.1 * GIB }, 20],
  ['a machine too small for the rule: still 16', { totalMemoryBytes: 16 * 1024 ** 2, heapLimitBytes: 0.1 * GIB }, 16],
])('%s', (_name, machine, expected) => {
  expect(maxCachedWorkflows(machine)).toBe(expected);
});

test('this machine gets a cache between 16 and 640 workflows', () => {
  const size = maxCachedWorkflows();
  expect(size).toBeGreaterThanOrEqual(16);
  expect(size).toBeLessThanOrEqual(640);
});

// worker/workers.ts: the plans' trees keep a fifth of the cache on their own queue, the assignments the rest.
test.each([
  [640, { tree: 128, work: 512 }],
  [16, { tree: 3, work: 13 }],
  [3, { tree: 2, work: 2 }],
  [0, { tree: 0, work: 0 }],
])('a cache of %i is split %j', (total, expected) => {
  expect(cacheSplit(total)).toEqual(expected);
});
