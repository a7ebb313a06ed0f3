// Starts the real Temporal servers for a suite: the time-skipping test server or the dev server, from the
// binaries resolved by worker/temporal-binaries.ts. Suites call teardown in afterAll, even after a failed start.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { planflowDataConverter } from '../../codec';
import { resolveTemporalExecutable } from '../../worker/temporal-binaries';
import { registerSearchAttributes } from '../../worker/search-attributes';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: resolveTemporalExecutable('testServer') },
    client: { dataConverter: planflowDataConverter() },
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
