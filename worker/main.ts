// `npm start`: the worker and the portal, joined to the Temporal cluster the environment or a profile names
// (worker/config.ts), or with nothing configured to an embedded dev server.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { z } from 'zod';
import { planflowDataConverter } from '../codec';
import { createActivities } from '../activities';
import { loadMailConfig, smtpConfigured } from '../activities/email/config';
import { createMailer } from '../activities/email/mailer';
import { startPortalFromEnv } from '../client/http/embed';
import { workTaskQueue } from '../model/ids';
import { openStore } from '../store';
import { loadConfig, temporalTarget, type Config } from './config';
import { startDevServer } from './dev-server';
import { planflowSinks } from './sinks';
import { workflowCode } from './workflow-code';
import { maxCachedWorkflows } from './cache-size';
import { createPlanflowWorkers } from './workers';

/** The worker's connection and, for the portal, a client of the same server. */
interface Temporal {
  connection: NativeConnection;
  client: Client;
  namespace: string;
  stop: () => Promise<void>;
}

async function connect(config: Config, dataConverter: DataConverter): Promise<Temporal> {
  const target = temporalTarget(config);
  switch (target.kind) {
    case 'cluster': {
      const connection = await NativeConnection.connect(target.connection);
      const clientConnection = await Connection.connect(target.connection);
      const client = new Client({ connection: clientConnection, namespace: target.namespace, dataConverter });
      console.log(`Temporal: ${target.connection.address}, namespace "${target.namespace}".`);
      return { connection, client, namespace: target.namespace, stop: async () => (await clientConnection.close(), await connection.close()) };
    }
    case 'embedded': {
      const server = await startDevServer({ ...config, TEMPORAL_NAMESPACE: target.namespace }, dataConverter);
      console.log(`Temporal dev server: ${target.address}, giao diện cho người vận hành http://localhost:${config.PLANFLOW_DEV_UI_PORT}`);
      console.log(`Dữ liệu lưu tại ${config.PLANFLOW_DATA_DIR}/temporal.db (khởi động lại vẫn giữ trạng thái).`);
      return { connection: server.nativeConnection, client: server.client, namespace: target.namespace, stop: () => server.teardown() };
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const mailConfig = loadMailConfig();
  const mailer = createMailer(mailConfig);
  // One codec for the worker and the portal's client (PLANFLOW_PAYLOAD_KEYS): both read what the other wrote.
  const dataConverter = planflowDataConverter();
  const { connection, client, namespace, stop } = await connect(config, dataConverter);
  // One store for the portal and the sent-log: every worker sharing it sends each notice once.
  const store = await openStore();
  const portal = await startPortalFromEnv({ store, temporal: client, taskQueue: config.PLANFLOW_TASK_QUEUE, mailer, mailConfig });
  try {
    const worker = await createPlanflowWorkers({
      connection,
      namespace,
      dataConverter,
      taskQueue: config.PLANFLOW_TASK_QUEUE,
      ...workflowCode(),
      activities: createActivities(mailConfig, mailer, store.sentLog),
      sinks: planflowSinks(),
    }, config.PLANFLOW_MAX_CACHED_WORKFLOWS ?? maxCachedWorkflows());
    console.log(smtpConfigured(mailConfig) ? `Thư gửi qua SMTP, người gửi ${mailConfig.MAIL_FROM}.` : `Chưa cấu hình SMTP: thư lưu tại ${mailConfig.PLANFLOW_DATA_DIR}/outbox (xem: planflow outbox).`);
    console.log(`Cổng thông tin cho cán bộ: ${portal.url} (cơ sở dữ liệu: ${portal.storeKind === 'pglite' ? 'PGlite trong thư mục dữ liệu' : 'PostgreSQL'}).`);
    console.log(`planflow worker đang chạy trên hàng đợi "${config.PLANFLOW_TASK_QUEUE}" (công việc của các cơ quan: "${workTaskQueue(config.PLANFLOW_TASK_QUEUE)}"). Nhấn Ctrl+C để dừng.`);
    console.log('Thử một kế hoạch mẫu, dời ngày để ban hành hôm nay:');
    console.log('  npx planflow start examples/dien-bien-292-kh-ubnd-2019.yaml --rebase today');
    await worker.run(); // resolves after SIGINT/SIGTERM, which the SDK's default shutdown signals handle
  } finally {
    await portal.close();
    await store.close();
    mailer.close();
    await stop();
  }
}

// Messages zod writes for itself (activities validating their input) are Vietnamese, as the people who read them.
z.config(z.locales.vi());

main().catch((error: unknown) => {
  console.error(`planflow: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
