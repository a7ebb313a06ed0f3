// Interleaved throughput rounds on the dev server: bare baseline and planflow, back to back, each round N
// assignments driven by 50 concurrent clients (submit then review per assignment), timing every Update.
import { performance } from 'node:perf_hooks';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { approve, planStatus, reviewReport, startPlan, submitReport } from '../client/planflow';
import { assignmentWorkflowId, planKey, planWorkflowId, stepWorkflowId } from '../model/ids';
import type { Plan } from '../model/plan';
import { bareParent, reviewUpdate, submitUpdate } from './bare/workflows';
import { COMMUNE_GROUP, LEADER, REPORT_STEP, REVIEWER, communeId, throughputPlan } from './plans';
import { inPool, timed, until } from './pool';
import type { BenchWorker } from './workers';

export interface RoundResult {
  assignments: number;
  seconds: number;
  cpuMs: number;
  /** Every Update's latency in the round, in milliseconds. */
  updateMs: number[];
}

export interface Side {
  client: Client;
  worker: BenchWorker;
  taskQueue: string;
}

const ROUND_TIMEOUT_MS = 10 * 60_000;

/**
 * Waits until a workflow exists, outside the timed Update: both sides' children start a moment after their parent.
 * As long as a round may take: a full run (2026-11-27 08:07 UTC) failed when one of a bare parent's 500 children did
 * not exist after 60 s, the limit this wait had.
 */
async function started(client: Client, workflowId: string): Promise<void> {
  await until(`${workflowId} started`, async () => {
    try {
      await client.workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }, ROUND_TIMEOUT_MS, 50);
}

/** Measures one round: wall time from start to the last assignment done, and the worker's CPU time over it. */
async function measured(side: Side, assignments: number, body: (updateMs: number[]) => Promise<void>): Promise<RoundResult> {
  const updateMs: number[] = [];
  const before = await side.worker.usage();
  const start = performance.now();
  await body(updateMs);
  const seconds = (performance.now() - start) / 1000;
  const after = await side.worker.usage();
  return { assignments, seconds, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000, updateMs };
}

export function bareRound(side: Side, assignments: number, concurrency: number, tag: string): Promise<RoundResult> {
  const { client, taskQueue } = side;
  const agencies = Array.from({ length: assignments }, (_, i) => communeId(i));
  const parentId = `bare/${tag}`;
  return measured(side, assignments, async (updateMs) => {
    const parent = await client.workflow.start(bareParent, { workflowId: parentId, taskQueue, args: [{ agencies }] });
    await inPool(agencies, concurrency, async (agency) => {
      const handle = client.workflow.getHandle(`${parentId}/${agency}`);
      await started(client, handle.workflowId);
      await timed(updateMs, () => handle.executeUpdate(submitUpdate, { args: ['Đã thực hiện.'] }));
      await timed(updateMs, () => handle.executeUpdate(reviewUpdate, { args: [true] }));
    });
    await parent.result();
  });
}

export async function planflowRound(side: Side, base: Plan, assignments: number, concurrency: number, tag: string): Promise<RoundResult & { planId: string }> {
  const { client, taskQueue } = side;
  const plan = throughputPlan(base, assignments, `bench-${tag}`);
  const planId = planWorkflowId(planKey(plan));
  const communes = plan.groups.find((g) => g.id === COMMUNE_GROUP)!.members;
  const result = await measured(side, assignments, async (updateMs) => {
    await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: LEADER, stage: 'issue' });
    await inPool(communes, concurrency, async (commune) => {
      const id = assignmentWorkflowId(planId, REPORT_STEP, commune);
      await started(client, id);
      await timed(updateMs, () => submitReport(client, id, { by: commune, text: 'Đã thực hiện.' }));
      await timed(updateMs, () => reviewReport(client, id, { by: REVIEWER, decision: 'accept' }));
    });
    // Done when the step that started the work has ended (every report accepted) and the plan has heard of it, as
    // the bare round is done when its parent's result comes. The step is waited on as the bare parent is, by a long
    // poll the server answers: polling the plan's status query instead (every 250 ms until the counts were right)
    // charged planflow's worker for the benchmark's own calls, 8.1 ms of its CPU each at 100 assignments
    // (2026-11-27), some 40 a round.
    const step = client.workflow.getHandle(stepWorkflowId(planId, REPORT_STEP));
    await started(client, step.workflowId);
    await step.result();
    await until(`${planId}: every report accepted`, async () => (await planStatus(client, planId)).scorecard.counts['done-on-time'] === assignments, ROUND_TIMEOUT_MS);
  });
  return { ...result, planId };
}
