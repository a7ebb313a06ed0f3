// `npm start`: the worker, joined to the Temporal cluster the environment or a profile names (worker/config.ts),
// or with nothing configured to an embedded dev server.
import { NativeConnection, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createActivities } from '../activities';
import { loadMailConfig, smtpConfigured } from '../activities/email/config';
import { createMailer } from '../activities/email/mailer';
import { loadConfig, temporalTarget, type Config } from './config';
import { startDevServer } from './dev-server';

async function connect(config: Config): Promise<{ connection: NativeConnection; namespace: string; stop: () => Promise<void> }> {
  const target = temporalTarget(config);
  switch (target.kind) {
    case 'cluster': {
      const connection = await NativeConnection.connect(target.connection);
      console.log(`Temporal: ${target.connection.address}, namespace "${target.namespace}".`);
      return { connection, namespace: target.namespace, stop: () => connection.close() };
    }
    case 'embedded': {
      const server = await startDevServer({ ...config, TEMPORAL_NAMESPACE: target.namespace });
      console.log(`Temporal dev server: ${target.address}, giao diện http://localhost:${config.PLANFLOW_DEV_UI_PORT}`);
      console.log(`Dữ liệu lưu tại ${config.PLANFLOW_DATA_DIR}/temporal.db (khởi động lại vẫn giữ trạng thái).`);
      return { connection: server.nativeConnection, namespace: target.namespace, stop: () => server.teardown() };
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const mailConfig = loadMailConfig();
  const mailer = createMailer(mailConfig);
  const { connection, namespace, stop } = await connect(config);
  try {
    const worker = await Worker.create({
      connection,
      namespace,
      taskQueue: config.PLANFLOW_TASK_QUEUE,
      workflowsPath: require.resolve('../workflows'),
      activities: createActivities(mailConfig, mailer),
    });
    console.log(smtpConfigured(mailConfig) ? `Thư gửi qua SMTP, người gửi ${mailConfig.MAIL_FROM}.` : `Chưa cấu hình SMTP: thư lưu tại ${mailConfig.PLANFLOW_DATA_DIR}/outbox (xem: planflow outbox).`);
    console.log(`planflow worker đang chạy trên hàng đợi "${config.PLANFLOW_TASK_QUEUE}". Nhấn Ctrl+C để dừng.`);
    console.log('Thử một kế hoạch mẫu, dời ngày để ban hành hôm nay:');
    console.log('  npx planflow start examples/dien-bien-292-kh-ubnd-2019.yaml --rebase today');
    await worker.run(); // resolves after SIGINT/SIGTERM, which the SDK's default shutdown signals handle
  } finally {
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
