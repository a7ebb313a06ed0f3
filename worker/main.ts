// `npm start`: the worker, joined to TEMPORAL_ADDRESS, or with nothing configured to an embedded dev server.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { loadMailConfig, smtpConfigured } from '../activities/email/config';
import { createMailer } from '../activities/email/mailer';
import { startPortalFromEnv } from '../client/http/embed';
import { openStore } from '../store';
import { loadConfig, type Config } from './config';
import { startDevServer } from './dev-server';
import { planflowSinks } from './sinks';

/** The worker's connection and, for the portal, a client of the same server. */
interface Temporal {
  connection: NativeConnection;
  client: Client;
  stop: () => Promise<void>;
}

async function connect(config: Config): Promise<Temporal> {
  if (config.TEMPORAL_ADDRESS) {
    const options = {
      address: config.TEMPORAL_ADDRESS,
      apiKey: config.TEMPORAL_API_KEY,
      tls: config.TEMPORAL_TLS === 'true' || config.TEMPORAL_API_KEY !== undefined,
    };
    const connection = await NativeConnection.connect(options);
    const clientConnection = await Connection.connect(options);
    const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
    return { connection, client, stop: async () => (await clientConnection.close(), await connection.close()) };
  }
  const server = await startDevServer(config);
  console.log(`Temporal dev server: localhost:${config.PLANFLOW_DEV_SERVER_PORT}, giao diện cho người vận hành http://localhost:${config.PLANFLOW_DEV_UI_PORT}`);
  console.log(`Dữ liệu lưu tại ${config.PLANFLOW_DATA_DIR}/temporal.db (khởi động lại vẫn giữ trạng thái).`);
  return { connection: server.nativeConnection, client: server.client, stop: () => server.teardown() };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const mailConfig = loadMailConfig();
  const mailer = createMailer(mailConfig);
  const { connection, client, stop } = await connect(config);
  // One store for the portal and the sent-log: every worker sharing it sends each notice once.
  const store = await openStore();
  const portal = await startPortalFromEnv({ store, temporal: client, taskQueue: config.PLANFLOW_TASK_QUEUE, mailer, mailConfig });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.PLANFLOW_TASK_QUEUE,
      workflowsPath: require.resolve('../workflows'),
      activities: createActivities(mailConfig, mailer, store.sentLog),
      sinks: planflowSinks(),
    });
    console.log(smtpConfigured(mailConfig) ? `Thư gửi qua SMTP, người gửi ${mailConfig.MAIL_FROM}.` : `Chưa cấu hình SMTP: thư lưu tại ${mailConfig.PLANFLOW_DATA_DIR}/outbox (xem: planflow outbox).`);
    console.log(`Cổng thông tin cho cán bộ: ${portal.url} (cơ sở dữ liệu: ${portal.storeKind === 'pglite' ? 'PGlite trong thư mục dữ liệu' : 'PostgreSQL'}).`);
    console.log(`planflow worker đang chạy trên hàng đợi "${config.PLANFLOW_TASK_QUEUE}". Nhấn Ctrl+C để dừng.`);
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

main().catch((error: unknown) => {
  console.error(`planflow: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
