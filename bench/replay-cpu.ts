// `npx tsx bench/replay-cpu.ts <history.json>… <times>`: the worker's CPU per replay of recorded histories
// (test/histories), each replayed <times> times in this one process after a warm-up. Replay runs planflow's workflow
// code as a worker creating a workflow does (every assignment a page starts or a full cache evicted), without a server,
// so its figures move far less between runs than the dev-server rounds of `npm run bench` (session 12: 8.4–10.9 ms per
// replay of an assignment's first task, against ±25% between quick runs). Profile it with `node --cpu-prof --import tsx`.
import { bundleWorkflowCode, Runtime, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { planflowDataConverter } from '../codec';
import { readHistory } from '../test/helpers/histories';
import { planflowBundleOptions } from '../worker/bundle-options';
import { silentLogger } from '../worker/silent-logger';

const Args = z.tuple([z.array(z.string().regex(/^[\w.-]+\.json$/, 'a file name in test/histories')).min(1).max(50), z.coerce.number().int().min(1).max(100_000)]);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const parsed = Args.safeParse([argv.slice(0, -1), argv.at(-1)]);
  if (!parsed.success) throw new Error(`usage: replay-cpu.ts <history.json>… <times>: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const [files, times] = parsed.data;
  Runtime.install({ logger: silentLogger });
  const histories = files.map((f) => readHistory(f));
  // Bundled once: each runReplayHistories call would otherwise bundle again, inside the measurement.
  const { code } = await bundleWorkflowCode({ ...planflowBundleOptions(), logger: silentLogger });
  const options = { workflowBundle: { code }, dataConverter: planflowDataConverter() };
  const replay = async (all: Iterable<(typeof histories)[number]>) => {
    let n = 0;
    for await (const result of Worker.runReplayHistories(options, all)) {
      if (result.error) throw result.error;
      n++;
    }
    return n;
  };
  await replay(histories); // warm-up: the worker's start and the bundle's first evaluation
  function* repeated() {
    for (let i = 0; i < times; i++) for (const h of histories) yield { ...h, workflowId: `${h.workflowId}-${i}` };
  }
  const cpu = process.cpuUsage();
  const began = performance.now();
  const n = await replay(repeated());
  const { user, system } = process.cpuUsage(cpu);
  const ms = (user + system) / 1000;
  console.log(`${n} replays: wall ${(performance.now() - began).toFixed(0)} ms, CPU ${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms each`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
