// A Temporal client for the CLI, connected where the worker is (worker/config.ts): the cluster named by the
// TEMPORAL_* variables or a profile (@temporalio/envconfig), else the embedded server of `npm start` on
// PLANFLOW_DEV_SERVER_PORT.
import { Client, Connection } from '@temporalio/client';
import { planflowDataConverter } from '../codec';
import { loadConfig, temporalTarget } from '../worker/config';

export async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const target = temporalTarget(loadConfig());
  const options = target.kind === 'cluster' ? target.connection : { address: target.address };
  let connection: Connection;
  try {
    connection = await Connection.connect({ ...options, connectTimeout: '5s' });
  } catch {
    const hint = target.kind === 'embedded' ? 'đã chạy "npm start" chưa, với cùng PLANFLOW_DEV_SERVER_PORT?' : 'kiểm tra TEMPORAL_ADDRESS hoặc hồ sơ TEMPORAL_PROFILE';
    throw new Error(`không kết nối được Temporal tại ${options.address} (${hint})`);
  }
  try {
    return await use(new Client({ connection, namespace: target.namespace, dataConverter: planflowDataConverter() }));
  } finally {
    await connection.close();
  }
}
