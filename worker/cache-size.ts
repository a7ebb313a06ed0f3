// How many workflows a worker keeps in its cache, sized for the machine. The SDK's default counts ~1.7 MiB of V8
// heap per workflow (up to 2,300 on a 4 GiB heap); a planflow workflow held ≈2 MiB while each evaluated its own zod
// and model modules (1.7 MiB of them); shared (worker/bundle-options.ts) they hold 0.12 MiB, plus the workflow's
// state in V8 and in the SDK's core. Issue 11 wants a worker within 1 GiB of memory, so the cache gets at most
// 512 MiB of it. At 0.5 MiB a workflow (1,024 here) the 3,321 × 5 × 2 bench plan peaked at 977–1,095 MiB in four runs;
// at 640 (work 560) it peaked at 897.2 MiB and was no slower (317.6 s; bench, 2026-11-27), hence 0.8.
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const MIB = 1024 * 1024;
/** Memory one cached planflow workflow holds (its own modules, state, and the plan part it carries), with room. */
export const MIB_PER_CACHED_WORKFLOW = 0.8;
/** What the cache may use at most, whatever the machine: the worker's goal is 1 GiB in all. */
const CACHE_CEILING_MIB = 512;
/** Below this the worker replays histories constantly; the SDK itself needs at least 2. */
const MIN_CACHED = 16;

export interface Machine {
  totalMemoryBytes: number;
  heapLimitBytes: number;
}

export const thisMachine = (): Machine => ({ totalMemoryBytes: totalmem(), heapLimitBytes: getHeapStatistics().heap_size_limit });

/**
 * The rule: the cache's budget is the smallest of 512 MiB, a quarter of the machine's memory and half of V8's heap
 * limit (the other half is for activities, the portal and the SDK); divided by 0.8 MiB per workflow; at least 16.
 * A 24 GiB machine with Node's default 4 GiB heap gets 640; a 2 GiB container 512 MiB / 0.8 = 640 (if its heap
 * allows); a 1 GiB one 320.
 */
export function maxCachedWorkflows(machine: Machine = thisMachine()): number {
  const budgetMiB = Math.min(CACHE_CEILING_MIB, machine.totalMemoryBytes / 4 / MIB, machine.heapLimitBytes / 2 / MIB);
  return Math.max(MIN_CACHED, Math.floor(budgetMiB / MIB_PER_CACHED_WORKFLOW));
}
