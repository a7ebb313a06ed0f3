// `npx tsx bench/threads.ts [--assignments 150]`: where a worker's CPU goes, thread by thread, in one round of the
// benchmark's shape for planflow and for the bare baseline (dev server, a warm-up round first). Linux only: it reads
// each thread's user + system time from /proc/<pid>/task. The process-wide CPU the benchmark reports hides which part
// of the worker grows: the workflow threads (the SDK's worker threads; planflow has two, one per task queue), the main
// thread (the core bridge, the payload codec, activities), Temporal core's tokio threads and V8's helper threads
// (garbage collection, compilation). Thread names come from the OS ("node" for most); ids tell threads apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDevServerEnv } from '../test/helpers/temporal-env';
import { prepareBundles } from './bundles';
import { basePlan } from './plans';
import { bareRound, planflowRound } from './throughput';
import { startWorker, type BenchWorker } from './workers';

const Args = z.object({ assignments: z.coerce.number().int().min(10).max(2_000) });
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms of each thread of a process so far, by "name#id". */
function threadCpu(pid: number): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": state is field 3
      const main = tid === String(pid) ? ' (main)' : '';
      cpu.set(`${name}#${tid}${main}`, (Number(fields[11]) + Number(fields[12])) * TICK_MS); // utime, stime
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return cpu;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { assignments: { type: 'string', default: '150' } } });
  const { assignments } = Args.parse(values);
  const bundles = await prepareBundles();
  const env = await createDevServerEnv();
  try {
    const plan = basePlan(join(__dirname, '..'), Date.now());
    for (const kind of ['planflow', 'bare'] as const) {
      const worker: BenchWorker = await startWorker({ kind, address: env.address, taskQueue: `threads-${kind}`, bundlePath: bundles.paths[kind] });
      const side = { client: env.client, taskQueue: `threads-${kind}`, worker };
      const round = (n: number, tag: string) => (kind === 'planflow' ? planflowRound(side, plan, n, 50, tag) : bareRound(side, n, 50, tag));
      try {
        const stamp = Date.now().toString(36);
        await round(20, `${stamp}-warmup`);
        const before = threadCpu(worker.pid);
        await round(assignments, `${stamp}-round`);
        const spent = [...threadCpu(worker.pid)].map(([thread, ms]) => [thread, ms - (before.get(thread) ?? 0)] as const).filter(([, ms]) => ms > 0);
        const total = spent.reduce((sum, [, ms]) => sum + ms, 0);
        console.log(`${kind}: ${total} ms of CPU over ${assignments} assignments (${(total / assignments).toFixed(2)} per assignment)`);
        for (const [thread, ms] of spent.sort((a, b) => b[1] - a[1])) console.log(`  ${thread.padEnd(28)} ${String(ms).padStart(6)} ms`);
      } finally {
        await worker.stop();
      }
    }
  } finally {
    await env.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
