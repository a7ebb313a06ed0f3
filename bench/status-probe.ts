// `npx tsx bench/status-probe.ts [--assignments N] [--runs N] [--hold]`: `planflow status` alone, timed as the
// benchmark times it (bench/cli-status.ts) on a plan of the benchmark's shape, in about a minute instead of the
// quick run's eight. `--hold` keeps the dev server, worker and plan up until stdin closes (printing the address and
// plan id), so variants of the CLI can be timed against the same plan while it stands.
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDevServerEnv } from '../test/helpers/temporal-env';
import { prepareBundles } from './bundles';
import { statusTimes } from './cli-status';
import { basePlan } from './plans';
import { spread } from './stats';
import { planflowRound } from './throughput';
import { startWorker } from './workers';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    assignments: { type: 'string', default: '100' }, runs: { type: 'string', default: '10' }, hold: { type: 'boolean', default: false },
  } });
  const assignments = Math.max(1, Math.min(2_000, Number(values.assignments)));
  const runs = Math.max(1, Math.min(200, Number(values.runs)));
  const bundles = await prepareBundles();
  const env = await createDevServerEnv();
  try {
    const taskQueue = 'bench-planflow';
    const worker = await startWorker({ kind: 'planflow', address: env.address, taskQueue, bundlePath: bundles.paths.planflow });
    try {
      const { planId } = await planflowRound({ client: env.client, taskQueue, worker }, basePlan(ROOT, Date.now()), assignments, 50, Date.now().toString(36));
      const times = await statusTimes(ROOT, env.address, planId, runs);
      const [min, median, max] = spread(times);
      console.log(`planflow status × ${runs} (${assignments} assignments): median ${median.toFixed(0)} ms (${min.toFixed(0)}–${max.toFixed(0)})`);
      if (values.hold) {
        console.log(`TEMPORAL_ADDRESS=${env.address} PLAN=${planId}`);
        process.stdin.resume();
        await once(process.stdin, 'end');
      }
    } finally {
      await worker.stop();
    }
  } finally {
    await env.teardown();
    bundles.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
