// A benchmark worker in its own process (planflow's or the bare baseline's), so that its CPU time and peak RSS are
// the worker's alone, not the client's that drives it. Started by workers.ts; talks to it over the IPC channel.
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../codec';
import { workActivities } from '../activities/work';
import { bareActivities } from './bare/activities';
import { maxCachedWorkflows } from '../worker/cache-size';
import { createPlanflowWorkers, type PlanflowWorkers } from '../worker/workers';
import { planflowSinks } from '../worker/sinks';
import { silentLogger } from '../worker/silent-logger';
import { type WorkerReply, WorkerRequest, WorkerStart } from './worker-protocol';

function usage(): WorkerReply {
  const cpu = process.cpuUsage();
  return { kind: 'usage', cpuMicros: cpu.user + cpu.system, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

async function createWorker({ kind, taskQueue, bundlePath }: WorkerStart, connection: NativeConnection): Promise<Pick<PlanflowWorkers, 'run' | 'shutdown'>> {
  const workflowBundle = { codePath: bundlePath };
  // Both sides decode what the benchmark's client (test/helpers/temporal-env.ts) encodes with planflow's codec.
  const dataConverter = planflowDataConverter();
  switch (kind) {
    case 'bare':
      return Worker.create({
        connection, taskQueue, workflowBundle, dataConverter, activities: bareActivities,
      });
    case 'planflow':
      // The notify activity delivers nothing, as in the workflow tests: the benchmark measures the workflows.
      return createPlanflowWorkers({
        connection, taskQueue, workflowBundle, dataConverter, sinks: planflowSinks(),
        activities: { notify: () => Promise.resolve({ delivered: true }), ...workActivities },
      }, Number(process.env.BENCH_MAX_CACHED ?? 0) || maxCachedWorkflows());
    default:
      return kind satisfies never;
  }
}

const MIB = 1024 * 1024;
function logMemory(): void {
  const m = process.memoryUsage();
  const mib = (n: number) => `${(n / MIB).toFixed(0)}`;
  console.error(`[worker memory MiB] rss ${mib(m.rss)}, heap used ${mib(m.heapUsed)} of ${mib(m.heapTotal)}, external ${mib(m.external)}, array buffers ${mib(m.arrayBuffers)}`);
}

async function main(): Promise<void> {
  const start = WorkerStart.parse(JSON.parse(process.argv[2] ?? '{}'));
  Runtime.install({ logger: silentLogger });
  const connection = await NativeConnection.connect({ address: start.address });
  const worker = await createWorker(start, connection);
  const send = (reply: WorkerReply) => process.send?.(reply);
  process.on('message', (message) => {
    const request = WorkerRequest.parse(message);
    switch (request.kind) {
      case 'usage':
        send(usage());
        break;
      case 'stop':
        worker.shutdown();
        break;
      default:
        request satisfies never;
    }
  });
  // BENCH_MEMORY_LOG=SECONDS: where the worker's memory is, every so often (V8 heap, buffers, the rest is native).
  const every = Number(process.env.BENCH_MEMORY_LOG ?? 0);
  if (every > 0) setInterval(logMemory, every * 1000).unref();
  const running = worker.run();
  send({ ...usage(), kind: 'ready' });
  await running;
  await connection.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
