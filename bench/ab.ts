// `npx tsx bench/ab.ts --base <bundle.js> [--rounds 8] [--assignments 150]`: planflow's workflows as they are now
// beside another build of them (the base), in interleaved rounds of the benchmark's shape on one dev server, each
// with its own worker process. For trying a change: the benchmark's planflow ÷ bare ratio moved by ±20% from one
// round to the next while each side's cost did too (2026-11-27, the same code: 1.4–2.6 in one quick run), so a change
// of a few percent shows only in rounds paired against the code it changes, and only over several of them.
// `npx tsx bench/ab.ts --bundle <out.js>` writes the base: run it in a worktree of the base revision whose packages
// are the same (`git worktree add /tmp/base <rev> && cp -al node_modules /tmp/base/`, then from /tmp/base) — the
// bundle must be made where its sources are, for the shared modules' ids (worker/bundle-options.ts).
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode } from '@temporalio/worker';
import { z } from 'zod';
import { createDevServerEnv } from '../test/helpers/temporal-env';
import { planflowBundleOptions } from '../worker/bundle-options';
import { silentLogger } from '../worker/silent-logger';
import { prepareBundles } from './bundles';
import { basePlan } from './plans';
import { pause } from './pool';
import { median, percentile } from './stats';
import { planflowRound, type Side } from './throughput';
import { startWorker } from './workers';

const Args = z.object({
  bundle: z.string().regex(/\.js$/, 'a .js file to write').optional(),
  base: z.string().regex(/\.js$/, 'a workflow bundle written by --bundle').optional(),
  rounds: z.coerce.number().int().min(2).max(50),
  assignments: z.coerce.number().int().min(10).max(2_000),
}).refine((a) => (a.bundle === undefined) !== (a.base === undefined), '--bundle or --base, one of them');

const SIDES = ['base', 'now'] as const;

async function compare(basePath: string, rounds: number, assignments: number): Promise<void> {
  const bundles = await prepareBundles();
  // Beside the compiled worker, which both sides run: only the workflow code differs.
  const baseBundle = join(dirname(bundles.paths.planflow), 'planflow-base.js');
  copyFileSync(basePath, baseBundle);
  const env = await createDevServerEnv();
  const sides: Partial<Record<(typeof SIDES)[number], Side>> = {};
  try {
    for (const name of SIDES) {
      const taskQueue = `ab-${name}`;
      const bundlePath = name === 'base' ? baseBundle : bundles.paths.planflow;
      sides[name] = { client: env.client, taskQueue, worker: await startWorker({ kind: 'planflow', address: env.address, taskQueue, bundlePath }) };
    }
    const plan = basePlan(join(__dirname, '..'), Date.now());
    const stamp = Date.now().toString(36);
    for (const name of SIDES) await planflowRound(sides[name]!, plan, 20, 50, `${stamp}-warmup-${name}`);
    const cpu = { base: [] as number[], now: [] as number[] };
    const p99 = { base: [] as number[], now: [] as number[] };
    for (let r = 1; r <= rounds; r++) {
      for (const name of r % 2 === 1 ? SIDES : [...SIDES].reverse()) {
        await pause(2_000);
        const result = await planflowRound(sides[name]!, plan, assignments, 50, `${stamp}-${r}-${name}`);
        cpu[name].push(result.cpuMs / assignments);
        p99[name].push(percentile(result.updateMs, 99));
        console.log(`round ${r} ${name}: ${cpu[name].at(-1)!.toFixed(2)} ms CPU per assignment, Update p99 ${p99[name].at(-1)!.toFixed(0)} ms`);
      }
    }
    const ratios = cpu.now.map((v, i) => v / cpu.base[i]!);
    console.log(`CPU ms per assignment, median: base ${median(cpu.base).toFixed(2)}, now ${median(cpu.now).toFixed(2)}`);
    console.log(`now ÷ base by round: ${ratios.map((x) => x.toFixed(2)).join(' ')} (median ${median(ratios).toFixed(2)})`);
    console.log(`Update p99 ms, median of rounds: base ${median(p99.base).toFixed(0)}, now ${median(p99.now).toFixed(0)}`);
  } finally {
    for (const side of Object.values(sides)) await side.worker.stop();
    await env.teardown();
    bundles.remove();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { bundle: { type: 'string' }, base: { type: 'string' }, rounds: { type: 'string', default: '8' }, assignments: { type: 'string', default: '150' } } });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new Error(`usage: ab.ts --bundle <out.js> | --base <bundle.js> [--rounds N] [--assignments N]: ${parsed.error.issues.map((i) => (i.path.length ? `--${i.path.join('.')}: ` : '') + i.message).join('; ')}`);
  const { bundle, base, rounds, assignments } = parsed.data;
  if (base !== undefined) return compare(base, rounds, assignments);
  const { code } = await bundleWorkflowCode({ ...planflowBundleOptions(), logger: silentLogger });
  writeFileSync(bundle!, code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
