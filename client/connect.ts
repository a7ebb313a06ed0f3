// A Temporal client for the CLI, connected where the worker is (worker/config.ts): the cluster named by the
// TEMPORAL_* variables or a profile (@temporalio/envconfig), else the embedded server of `npm start` on
// PLANFLOW_DEV_SERVER_PORT.
import { createConnection } from 'node:net';
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

/** Whether anything accepts a TCP connection at `host:port` within `ms`: a refused port answers at once. */
function accepting(address: string, ms: number): Promise<boolean> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket = createConnection({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * `use` with a client when Temporal is reachable, else undefined — for commands that read Temporal when they can and
 * answer without it otherwise (the calendar): they must not wait for the client's own connection retries.
 */
export async function withClientIfReachable<T>(use: (client: Client) => Promise<T>, ms = 1_000): Promise<T | undefined> {
  const target = temporalTarget(loadConfig());
  const address = target.kind === 'cluster' ? target.connection.address : target.address;
  if (!address || !(await accepting(address, ms))) return undefined;
  return withClient(use);
}
