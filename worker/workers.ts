// planflow's workers in one process: the plans' trees (plans, steps, pages, notice pages, the official calendar) on
// the task queue people name, the agencies' assignments on its work queue (model/ids workTaskQueue), each with its
// own cache. With one cache a national plan's thousands of assignments, all woken at once by a reminder day, pushed
// its pages out of the cache; each page then replayed its whole history (thousands of events, over a megabyte) at
// its next signal: 5–22 s a workflow task. A 2,000-commune plan closed in 163 s with one cache of 1,024 and in 81 s
// with a cache holding everything (bench, 2026-11-26); its own queue keeps the tree cached at any size.
import { setFlagsFromString } from 'node:v8';
import { Worker, type State, type WorkerOptions } from '@temporalio/worker';
import { workTaskQueue } from '../model/ids';
import { maxCachedWorkflows } from './cache-size';

/** Run and stopped together, as one worker: a process serving only one of the queues would look alive and do half. */
export interface PlanflowWorkers {
  /** Resolves once both have stopped; rejects with the first failure (after stopping the other). */
  run(): Promise<void>;
  shutdown(): void;
  /** RUNNING while both run; otherwise the state of one that is not running. */
  getState(): State;
}

/**
 * The tree is a few dozen workflows even for a national plan (plan, steps, cycles, pages of 500, notice pages: 3,321
 * communes × 5 clauses × 2 cycles keep ~60 open), but each holds more than an assignment and replays a long history
 * when evicted: a fifth of the cache is theirs (128 of 640), at least 2 (the SDK's minimum when on).
 */
export function cacheSplit(total: number): { tree: number; work: number } {
  if (total === 0) return { tree: 0, work: 0 }; // the cache turned off (PLANFLOW_MAX_CACHED_WORKFLOWS=0)
  const tree = Math.max(2, Math.round(total / 5));
  return { tree, work: Math.max(2, total - tree) };
}

export type PlanflowWorkerOptions = Omit<WorkerOptions, 'maxCachedWorkflows'>;

/**
 * The old space of each workflow thread's V8 heap, in MiB. The SDK runs each worker's workflows in a thread of their
 * own, whose heap V8 sizes from Node's limit (4 GiB here) and lets grow far past what its workflows hold. On a
 * 2,000-commune plan (bench, 2026-11-26, same code) the worker's peak RSS was 1,333 MiB without this limit and 966 MiB
 * with it, each thread holding 35–55 MiB after a full collection. A full cache (640 workflows at the cache rule's
 * 0.8 MiB) fits with room.
 */
export const WORKFLOW_HEAP_MIB = 640;

/**
 * The young generation of each workflow thread (two semi-spaces of at most this many MiB; V8's default is 16), and
 * how far V8 lets a heap grow past what survived its last full collection (25%: its default factor is up to 4×).
 * Traced on a 2,000-commune plan (`--trace-gc`, 2026-11-26), a thread's heap reached 215 MiB with 31 MiB alive: garbage
 * a full collection would have freed stayed resident. The worker's peak RSS on that plan, the settings given as Node
 * flags: 826–855 MiB in three runs without them, 633 MiB with a growth of 50% (747 MiB with that growth alone, 758–790
 * MiB with the young generation alone). Set here, 50% → 25%: 10,598 communes 1,027.9 → 912.3 MiB (worker CPU 371 → 440 s,
 * wall 321 → 358 s); 3,321 × 5 × 2 1,267.4 → 1,124.5 MiB (CPU 671 → 694 s, wall 719 → 732 s; bench, 2026-11-26).
 */
export const WORKFLOW_SEMI_SPACE_MIB = 4;
export const HEAP_GROWING_PERCENT = 25;

/**
 * Set before the workers start their threads, which read V8's flags as they create their heaps; the main thread's heap
 * (activities, the portal) was made at start-up and keeps Node's limit and young generation. The growth factor is
 * read at each full collection, so it applies to the main thread's heap too.
 */
export function limitWorkflowHeaps(): void {
  setFlagsFromString(`--max-old-space-size=${WORKFLOW_HEAP_MIB}`);
  setFlagsFromString(`--max-semi-space-size=${WORKFLOW_SEMI_SPACE_MIB}`);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export async function createPlanflowWorkers(options: PlanflowWorkerOptions, cached = maxCachedWorkflows()): Promise<PlanflowWorkers> {
  const split = cacheSplit(cached);
  limitWorkflowHeaps();
  const tree = await Worker.create({ ...options, maxCachedWorkflows: split.tree });
  const work = await Worker.create({ ...options, taskQueue: workTaskQueue(options.taskQueue), maxCachedWorkflows: split.work });
  const both = [tree, work];
  const shutdown = () => both.filter((w) => w.getState() === 'RUNNING').forEach((w) => w.shutdown());
  return {
    async run() {
      const outcomes = await Promise.allSettled(both.map((w) => w.run().finally(shutdown)));
      const failure = outcomes.find((o) => o.status === 'rejected');
      if (failure) throw failure.reason;
    },
    shutdown,
    getState: () => (tree.getState() === 'RUNNING' ? work.getState() : tree.getState()),
  };
}
