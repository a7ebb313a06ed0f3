// A benchmark worker in its own process (planflow's or the bare baseline's), so that its CPU time and peak RSS are
// the worker's alone, not the client's that drives it. Started by workers.ts; talks to it over the IPC channel.
import { bundleWorkflowCode, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { bareActivities } from './bare/activities';
import { planflowSinks } from '../worker/sinks';
import { type WorkerKind, type WorkerReply, WorkerRequest, WorkerStart } from './worker-protocol';

const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function usage(): WorkerReply {
  const cpu = process.cpuUsage();
  return { kind: 'usage', cpuMicros: cpu.user + cpu.system, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

async function createWorker(kind: WorkerKind, connection: NativeConnection, taskQueue: string): Promise<Worker> {
  switch (kind) {
    case 'bare':
      return Worker.create({
        connection, taskQueue, activities: bareActivities,
        workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./bare/workflows'), logger: quiet }),
      });
    case 'planflow':
      // The notify activity delivers nothing, as in the workflow tests: the benchmark measures the workflows.
      return Worker.create({
        connection, taskQueue, sinks: planflowSinks(),
        activities: { notify: () => Promise.resolve({ delivered: true }) },
        workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quiet }),
      });
    default:
      return kind satisfies never;
  }
}

async function main(): Promise<void> {
  const start = WorkerStart.parse(JSON.parse(process.argv[2] ?? '{}'));
  Runtime.install({ logger: quiet });
  const connection = await NativeConnection.connect({ address: start.address });
  const worker = await createWorker(start.kind, connection, start.taskQueue);
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
