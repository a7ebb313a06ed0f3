// Times `planflow status` as a coordinator runs it: the real command (bin/planflow, the CLI's startup snapshot when
// it fits this Node, else bin/planflow.cjs) in a new process each time, against the benchmark's dev server, start-up
// included.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function statusTimes(root: string, address: string, planId: string, times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    // A failing call rejects with its stderr: a broken CLI must not be timed as a fast one.
    await run(join(root, 'bin', 'planflow'), ['status', planId], {
      cwd: root, env: { ...process.env, TEMPORAL_ADDRESS: address }, maxBuffer: 64 * 1024 * 1024,
    });
    samples.push(performance.now() - start);
  }
  return samples;
}
