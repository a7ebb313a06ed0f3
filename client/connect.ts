// A Temporal client for the CLI, configured like the worker: TEMPORAL_ADDRESS (default localhost:7233),
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY / TEMPORAL_TLS.
import { Client, Connection } from '@temporalio/client';

export async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const apiKey = process.env.TEMPORAL_API_KEY;
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, apiKey, tls: apiKey !== undefined || process.env.TEMPORAL_TLS === 'true', connectTimeout: '5s' });
  } catch {
    throw new Error(`không kết nối được Temporal tại ${address} (đã chạy "npm start" chưa, hoặc đặt TEMPORAL_ADDRESS?)`);
  }
  try {
    return await use(new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }));
  } finally {
    await connection.close();
  }
}
