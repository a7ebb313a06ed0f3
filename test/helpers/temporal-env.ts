// Starts the real Temporal servers for a suite: the time-skipping test server or the dev server, from the
// binaries resolved by worker/temporal-binaries.ts. Suites call teardown in afterAll, even after a failed start.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalExecutable } from '../../worker/temporal-binaries';

export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: resolveTemporalExecutable('testServer') },
  });
}

export function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: resolveTemporalExecutable('cli'), log: { format: 'pretty', level: 'error' } },
  });
}
