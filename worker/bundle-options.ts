// How planflow's workflow code is bundled, in one place for the worker, the build, the tests, `simulate` and the
// benchmark: the workflows, and the modules a worker evaluates once and shares between all its workflows.
import { join } from 'node:path';

export interface PlanflowBundleOptions {
  workflowsPath: string;
  preloadModules: string[];
}

/**
 * For the sources under `root` (the repository; the build passes its own): paths webpack resolves to the .ts files.
 * Without preloading, every workflow the worker creates — each assignment, and each one a full cache evicted and
 * replays — evaluates zod and the model again: 12.4 ms and ~70 modules per workflow, against 0.8–2.3 ms and ~30 with
 * them shared (measured on the bundle, 2026-11-26); sharing the workflows' own modules as well saved 0.4 ms more per
 * workflow (session 12, README). `workflows/preload.ts` imports the shared modules and freezes their exports
 * shallowly, so that the SDK's deep freeze leaves what zod computes on first use writable. A module shared this way
 * (or imported by one) must keep no per-workflow state in module variables: the official calendar keeps its decisions
 * on each workflow's own `globalThis` for this reason (model/calendar/holidays.ts).
 */
export function planflowBundleOptions(root = join(__dirname, '..')): PlanflowBundleOptions {
  return {
    workflowsPath: join(root, 'workflows', 'index.ts'),
    preloadModules: ['zod', join(root, 'workflows', 'preload')],
  };
}
