// The real dev server (temporal server start-dev) from the project-local install: Updates with validators,
// Queries, and a rejected Update that leaves no trace in history.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { createDevServerEnv, useTestEnv } from '../helpers/temporal-env';
import { addUpdate, closeUpdate, counter, totalQuery } from '../fixtures/workflows';

const env = useTestEnv(createDevServerEnv);

test('Updates run against the dev server; an invalid one is rejected before it enters history', async () => {
  const { client, nativeConnection } = env();
  const worker = await Worker.create({
    connection: nativeConnection,
    dataConverter: planflowDataConverter(),
    taskQueue: 'dev-server',
    workflowsPath: require.resolve('../fixtures/workflows'),
  });
  await worker.runUntil(async () => {
    const handle = await client.workflow.start(counter, { taskQueue: 'dev-server', workflowId: `counter-${Date.now()}` });
    expect(await handle.executeUpdate(addUpdate, { args: [2] })).toBe(2);
    await expect(handle.executeUpdate(addUpdate, { args: [-1] })).rejects.toThrow(WorkflowUpdateFailedError);
    expect(await handle.query(totalQuery)).toBe(2);
    expect(await handle.executeUpdate(closeUpdate)).toBe(2);
    expect(await handle.result()).toBe(2);

    const history = await handle.fetchHistory();
    const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(2); // add(2) and close; the rejected add(-1) left nothing
  });
});
