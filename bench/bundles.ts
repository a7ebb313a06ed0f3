// Bundles each side's workflows once, in the benchmark's own process, into a temporary file its worker processes
// load: a worker's peak RSS is then its running workflows' and not webpack's, and no scenario pays for bundling.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { planflowBundleOptions } from '../worker/bundle-options';
import type { WorkerKind } from './worker-protocol';

const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const OPTIONS: Record<WorkerKind, { workflowsPath: string; preloadModules?: string[] }> = {
  bare: { workflowsPath: require.resolve('./bare/workflows') },
  planflow: planflowBundleOptions(),
};

export interface Bundles {
  paths: Record<WorkerKind, string>;
  remove(): void;
}

export async function prepareBundles(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'planflow-bench-'));
  const paths = {} as Record<WorkerKind, string>;
  for (const kind of ['bare', 'planflow'] as const) {
    const { code } = await bundleWorkflowCode({ ...OPTIONS[kind], logger: quiet });
    paths[kind] = join(dir, `${kind}.js`);
    writeFileSync(paths[kind], code);
  }
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { quiet };
