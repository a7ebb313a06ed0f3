// Starts a benchmark worker as a child process (worker-process.ts, compiled beside the workflow bundles by
// bundles.ts) and reads its CPU time and peak RSS; the child is stopped by its own process id, and killed if it does
// not stop in time.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { workerScriptBeside } from './bundles';
import { type WorkerKind, WorkerReply, type WorkerRequest, type WorkerStart } from './worker-protocol';

export interface Usage {
  cpuMicros: number;
  maxRssBytes: number;
}

export interface BenchWorker {
  kind: WorkerKind;
  /** The worker process's id (bench/threads.ts reads its threads' CPU time from /proc). */
  pid: number;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 2 * 60_000; // loading a bundle is slow on a loaded machine

/**
 * Both sides' workers run with glibc's malloc limited to two arenas, as `npm start` runs a planflow worker (README's
 * configuration table): the SDK's Rust core allocates from many threads, and glibc gives each its own arena (8 per
 * core), whose freed memory the process keeps. MALLOC_ARENA_MAX in the bench's own environment overrides it.
 */
const workerEnv = (): NodeJS.ProcessEnv => ({
  ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  // The compiled worker lives in a temporary folder: the project's packages are found from here.
  NODE_PATH: join(__dirname, '..', 'node_modules'),
});

export async function startWorker(start: WorkerStart): Promise<BenchWorker> {
  // BENCH_CPU_PROFILES=DIR writes each worker's V8 CPU profile there (open in Chrome's DevTools) to see where it spends.
  const profiles = process.env.BENCH_CPU_PROFILES;
  const execArgv = [...(profiles ? ['--cpu-prof', '--cpu-prof-dir', profiles] : []), ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = fork(workerScriptBeside(start.bundlePath), [JSON.stringify(start)], { execArgv, env: workerEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await nextReply(child, 'ready', READY_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const request = (r: WorkerRequest) => child.send(r);
  return {
    kind: start.kind,
    pid: child.pid!,
    async usage() {
      const reply = nextReply(child, 'usage', 30_000);
      request({ kind: 'usage' });
      return reply;
    },
    async stop() {
      if (child.exitCode === null) request({ kind: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextReply(child: ChildProcess, kind: WorkerReply['kind'], timeoutMs: number): Promise<Usage> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      const reply = WorkerReply.parse(message);
      if (reply.kind !== kind) return;
      done();
      resolve({ cpuMicros: reply.cpuMicros, maxRssBytes: reply.maxRssBytes });
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the benchmark worker exited (code ${code}) before answering "${kind}"`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the benchmark worker did not answer "${kind}" within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
