// A planflow worker in its own process, as `npm start` runs one but without the portal, for the chaos test to kill:
// the Temporal address, the store (DATABASE_URL) and the mail settings come from the environment like worker/main.ts.
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createPlanflowWorkers } from '../../worker/workers';
import { z } from 'zod';
import { createActivities } from '../../activities';
import { loadMailConfig } from '../../activities/email/config';
import { createMailer } from '../../activities/email/mailer';
import { planflowDataConverter } from '../../codec';
import { openStore } from '../../store';
import { loadConfig, temporalTarget } from '../../worker/config';
import { planflowSinks } from '../../worker/sinks';
import { type ChildReport, WorkerChildStart } from './child-protocol';
import { silentLogger } from '../../worker/silent-logger';


async function main(): Promise<void> {
  const { bundlePath } = WorkerChildStart.parse(JSON.parse(process.argv[2] ?? '{}'));
  Runtime.install({ logger: silentLogger });
  const config = loadConfig();
  const mailConfig = loadMailConfig();
  const target = temporalTarget(config);
  if (target.kind !== 'cluster') throw new Error('TEMPORAL_ADDRESS: the chaos worker joins the test\'s server, it starts none');
  const connection = await NativeConnection.connect(target.connection);
  const store = await openStore();
  const mailer = createMailer(mailConfig);
  const worker = await createPlanflowWorkers({
    connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.PLANFLOW_TASK_QUEUE, workflowBundle: { codePath: bundlePath },
    activities: createActivities(mailConfig, mailer, store.sentLog), sinks: planflowSinks(),
    dataConverter: planflowDataConverter(), // the test's client compresses payloads: so must every worker
  });
  const running = worker.run();
  process.send?.({ kind: 'ready' } satisfies ChildReport);
  process.on('disconnect', () => worker.shutdown());
  await running;
  mailer.close();
  await store.close();
  await connection.close();
  process.exit(0);
}

z.config(z.locales.vi());

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
