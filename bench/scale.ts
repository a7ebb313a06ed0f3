// Scale scenarios on the time-skipping server: a plan of N communes × clauses × cycles issued and run to close
// (nobody reports; the overdue rounds consolidate, then the leader closes it), each on a fresh server and worker
// process, within a time limit. A scenario that fails or runs out of time is recorded with its error, not dropped.
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { approve, planStatus, startPlan } from '../client/planflow';
import { civilDateAt } from '../model/calendar';
import { planKey, planWorkflowId } from '../model/ids';
import type { Plan } from '../model/plan';
import { createTimeSkippingEnv } from '../test/helpers/temporal-env';
import { MEASURES, treeStats, type TreeStats } from './history';
import { basePlan, LEADER, scalePlan, type ScaleScenario } from './plans';
import { pause, TimeLimit, withinLimit } from './pool';
import type { ScaleResult } from './results';
import { round } from './stats';
import { startWorker } from './workers';

/** Simulated days per step while waiting for the close: long enough to be quick, short enough to see each round. */
const STEP = '7 days';

/** Runs the plan to its close and returns the moment (performance.now()) its own workflow closed. */
async function runToClose(env: TestWorkflowEnvironment, plan: Plan, expected: number, taskQueue: string, signal: AbortSignal): Promise<number> {
  const client = env.client;
  const planId = await startPlan(client, plan, taskQueue);
  await approve(client, planId, { by: LEADER, stage: 'issue' });
  const began = performance.now();
  let { stage } = await planStatus(client, planId);
  while (stage !== 'awaiting-close-approval') {
    signal.throwIfAborted();
    if (stage === 'closed' || stage === 'cancelled') throw new Error(`${planId} ended ${stage} before its close was asked for`);
    await env.sleep(STEP);
    const view = await planStatus(client, planId);
    stage = view.stage;
    // Where a long run stands (a scenario that runs out of time says no more than that it did).
    const counts = Object.entries(view.scorecard.counts).filter(([, n]) => n > 0).map(([status, n]) => `${status} ${n}`).join(', ');
    const at = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
    console.error(`[bench]   +${((performance.now() - began) / 1000).toFixed(0)} s, ${at}: ${stage}; ${counts}`);
  }
  signal.throwIfAborted();
  await approve(client, planId, { by: LEADER, stage: 'close' });
  await waitForEnd(client, planId, signal);
  const closedAt = performance.now();
  // A plan that closed without opening all its work would make the scenario look cheaper than it is.
  const final = await planStatus(client, planId);
  if (final.stage !== 'closed' || final.scorecard.total !== expected) {
    throw new Error(`${planId} ended ${final.stage} with ${final.scorecard.total} assignments, not closed with ${expected}`);
  }
  await waitForAllEnded(client, signal);
  return closedAt;
}

/**
 * Polls until no workflow is open on the scenario's own server, so that work ending after its plan (a close that does
 * not wait for each cancelled assignment) is still counted. The test server lists open executions, not by query.
 */
async function waitForAllEnded(client: Client, signal: AbortSignal): Promise<void> {
  const open = async () =>
    (await client.workflowService.listOpenWorkflowExecutions({ namespace: client.options.namespace, maximumPageSize: 1 })).executions?.length ?? 0;
  while ((await open()) > 0) {
    signal.throwIfAborted();
    await pause(250);
  }
}

/** Polls rather than awaiting the result, which would let the test server skip time (see test/helpers/planflow.ts). */
async function waitForEnd(client: Client, workflowId: string, signal: AbortSignal): Promise<void> {
  while ((await client.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING') {
    signal.throwIfAborted();
    await pause(250);
  }
}

/** Every commune has one assignment per action clause and one per cycle of the report. */
const assignmentsOf = (s: ScaleScenario) => s.communes * (s.clauses - 1 + s.cycles);

const heldBy = (tree: TreeStats) =>
  Object.fromEntries(MEASURES.map((m) => [m, tree.max[m].heldBy.slice(0, 700)])) as NonNullable<ScaleResult['heldBy']>;

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

export async function scaleScenario(
  root: string, scenario: ScaleScenario, limits: { runMs: number; historyMs: number }, bundlePath: string,
): Promise<ScaleResult> {
  const env = await createTimeSkippingEnv();
  const taskQueue = 'bench-scale';
  const worker = await startWorker({ kind: 'planflow', address: env.address, taskQueue, bundlePath }).catch(async (error: unknown) => {
    await env.teardown();
    throw error;
  });
  const tag = `${scenario.communes}x${scenario.clauses}x${scenario.cycles}`;
  let outcome: ScaleResult['outcome'] = 'closed';
  let error: string | undefined;
  let closedAt: number | undefined;
  let tree: TreeStats | undefined;
  const start = performance.now();
  try {
    const now = await env.currentTimeMs();
    const plan = scalePlan(basePlan(root, now), scenario, `bench-scale-${tag}`, civilDateAt(now));
    try {
      closedAt = await withinLimit(limits.runMs, (signal) =>
        env.connection.withAbortSignal(signal, () => runToClose(env, plan, assignmentsOf(scenario), taskQueue, signal)));
    } catch (failure) {
      outcome = failure instanceof TimeLimit ? 'timed-out' : 'failed';
      error = describeError(failure);
    }
    const wallSeconds = (performance.now() - start) / 1000;
    const workerCpuSeconds = await worker.usage().then((u) => u.cpuMicros / 1e6, () => undefined);
    // The histories are read even after a failure: they show how far the plan got and which bound it hit.
    tree = await withinLimit(limits.historyMs, () => treeStats(env.address, planWorkflowId(planKey(plan)))).catch((failure: unknown) => {
      error = [error, `histories: ${describeError(failure)}`].filter(Boolean).join('; ');
      return undefined;
    });
    const longest = tree?.measures.reduce((a, b) => (b.events > a.events ? b : a));
    if (longest) console.error(`[bench] longest history: ${longest.workflowId}, ${longest.events} events: ${JSON.stringify(longest.byType)}, ending ${longest.last.join(' ')}`);
    const maxRssBytes = await worker.usage().then((u) => u.maxRssBytes, (failure: unknown) => {
      error = [error, `worker: ${describeError(failure)}`].filter(Boolean).join('; ');
      return 0;
    });
    return {
      ...scenario, outcome, ...(error === undefined ? {} : { error }), wallSeconds,
      ...(closedAt === undefined ? {} : { planClosedSeconds: round((closedAt - start) / 1000, 1) }), ...(workerCpuSeconds === undefined ? {} : { workerCpuSeconds }), peakRssBytes: maxRssBytes,
      maxHistoryEvents: tree?.max.historyEvents.value ?? 0, maxHistoryBytes: tree?.max.historyBytes.value ?? 0,
      maxPayloadBytes: tree?.max.payloadBytes.value ?? 0, maxSignalsPerRun: tree?.max.signalsPerRun.value ?? 0,
      ...(tree ? { heldBy: heldBy(tree), taskFailures: tree.taskFailures } : {}),
    };
  } finally {
    await worker.stop();
    await env.teardown();
  }
}
