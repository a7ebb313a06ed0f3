// Bundles each side's workflows once, in the benchmark's own process, into a temporary file its worker processes
// load: a worker's peak RSS is then its running workflows' and not webpack's, and no scenario pays for bundling.
// The worker process itself is compiled there too (workerScriptBeside): the workers run JavaScript, as `npm start`
// runs planflow's (dist/), not TypeScript through tsx, whose loader thread and source maps are not production's (with
// source maps on, Node scans every function the SDK's promise hook compiles in a workflow for a source-map comment).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { build } from 'esbuild';
import { planflowBundleOptions } from '../worker/bundle-options';
import { silentLogger } from '../worker/silent-logger';
import type { WorkerKind } from './worker-protocol';

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
    const { code } = await bundleWorkflowCode({ ...OPTIONS[kind], logger: silentLogger });
    paths[kind] = join(dir, `${kind}.js`);
    writeFileSync(paths[kind], code);
  }
  // Node modules stay outside (the worker resolves them through NODE_PATH: bench/workers.ts).
  await build({
    entryPoints: [join(__dirname, 'worker-process.ts')], outfile: workerScriptBeside(paths.planflow), bundle: true, packages: 'external',
    platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
  });
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The compiled worker process, written beside the workflow bundles it loads. */
export const workerScriptBeside = (bundlePath: string) => join(dirname(bundlePath), 'worker-process.js');
