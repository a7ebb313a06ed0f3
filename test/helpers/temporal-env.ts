// Starts the real Temporal servers for a suite: the time-skipping test server or the dev server, from the
// binaries resolved by worker/temporal-binaries.ts. Suites call teardown in afterAll, even after a failed start.
import type { ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { planflowDataConverter } from '../../codec';
import { resolveTemporalExecutable } from '../../worker/temporal-binaries';
import { registerSearchAttributes } from '../../worker/search-attributes';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/**
 * The client's gRPC keepalive pings, spaced as the time-skipping test server accepts them. The client pings every
 * 30 s by default; the test server (Java gRPC) permits one every 5 minutes and answers more with GOAWAY "too many
 * pings", dropping the connection with the calls on it — among them a time skip (`env.sleep`). In the long scale
 * runs each such drop was followed by a server and worker idle for good, the skip never returning.
 */
const TEST_SERVER_KEEPALIVE: ConnectionPlugin = {
  name: 'planflow-test-server-keepalive',
  configureConnection: (options) => ({
    ...options,
    channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': 6 * 60_000, 'grpc.keepalive_permit_without_calls': 0 },
  }),
};

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: resolveTemporalExecutable('testServer') },
    client: { dataConverter: planflowDataConverter() },
    plugins: [TEST_SERVER_KEEPALIVE],
  });
  await registerSearchAttributes(env.connection);
  return env;
}

export function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: resolveTemporalExecutable('cli'), log: { format: 'pretty', level: 'error' }, searchAttributes: SEARCH_ATTRIBUTES },
    client: { dataConverter: planflowDataConverter() },
  });
}

/**
 * Starts a server for the suite (beforeAll) and tears it down (afterAll, even after a failed start);
 * returns a getter for the environment.
 */
export function useTestEnv(create: () => Promise<TestWorkflowEnvironment>): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await create();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  return () => {
    if (!env) throw new Error('the Temporal test environment did not start');
    return env;
  };
}
