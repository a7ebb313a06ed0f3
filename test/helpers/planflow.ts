// A planflow worker for workflow tests: the real workflows on a real Temporal server, with the notify activity
// replaced by a recorder so tests can count what would be sent (delivery itself is tested with SMTP).
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createPlanflowWorkers, type PlanflowWorkers } from '../../worker/workers';
import type { Activities } from '../../activities';
import { workActivities } from '../../activities/work';
import { planflowDataConverter } from '../../codec';
import { approve, planStatus, startPlan } from '../../client/planflow';
import { civilDateAt } from '../../model/calendar';
import { assignmentWorkflowId } from '../../model/ids';
import { loadPlanText } from '../../model/load';
import type { Notification } from '../../model/notifications';
import type { Plan } from '../../model/plan';
import { rebasePlan } from '../../model/rebase';
import { formatProblem } from '../../model/validate';
import { planflowBundleOptions } from '../../worker/bundle-options';
import { planflowSinks } from '../../worker/sinks';
import type { PlanView } from '../../workflows/state';
import { readExample } from './files';
import { silentLogger } from '../../worker/silent-logger';

export interface RunContext {
  env: TestWorkflowEnvironment;
  client: Client;
  taskQueue: string;
  /** Notifications recorded since this run began, in the order the activity ran (filter by workflow id). */
  sent: Notification[];
}

let queues = 0;

/**
 * A server and one planflow worker for the whole suite, with the notify activity recording into `sent` unless
 * real activities are given. One worker keeps serving the workflows earlier tests
 * left running: the time-skipping server cannot skip time while any workflow task waits for a worker.
 */
export function usePlanflowWorker(create: () => Promise<TestWorkflowEnvironment>, activities?: () => Pick<Activities, 'notify'>) {
  let env: TestWorkflowEnvironment | undefined;
  let worker: PlanflowWorkers | undefined;
  let running: Promise<void> | undefined;
  let sink: Notification[] = [];
  const taskQueue = `planflow-test-${++queues}`;

  beforeAll(async () => {
    env = await create();
    const workflowBundle = await bundleWorkflowCode({ ...planflowBundleOptions(), logger: silentLogger });
    const notify: Activities['notify'] = (n) => {
      sink.push(n);
      return Promise.resolve({ delivered: true });
    };
    // A short grace time: an activity still waiting on a server at the end of a suite must not hold it open.
    worker = await createPlanflowWorkers({
      connection: env.nativeConnection, taskQueue, workflowBundle, dataConverter: planflowDataConverter(), activities: { ...workActivities, ...(activities?.() ?? { notify }) }, shutdownGraceTime: '5s',
      sinks: planflowSinks(),
    });
    running = worker.run();
  }, 60_000);

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await env?.teardown();
  });

  const getEnv = () => {
    if (!env) throw new Error('the Temporal test environment did not start');
    return env;
  };
  const run = async <T>(body: (ctx: RunContext) => Promise<T>): Promise<T> => {
    sink = [];
    return body({ env: getEnv(), client: getEnv().client, taskQueue, sent: sink });
  };
  return { env: getEnv, run };
}


export function loadExample(name: string): Plan {
  const result = loadPlanText(readExample(name));
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  return result.plan;
}

/** An example plan moved so that it is issued on the test server's current day. */
export async function rehearse(env: TestWorkflowEnvironment, name: string): Promise<Plan> {
  return rebasePlan(loadExample(name), civilDateAt(await env.currentTimeMs()));
}

/** The notifications sent for one workflow (its id is the start of every key it makes). */
export const sentBy = (sent: Notification[], workflowId: string) => sent.filter((n) => n.key.startsWith(`${workflowId}/`));

/** The plan with only its report submissions, sent by the first `communes` members of its commune group. */
export function reportingOnly(plan: Plan, communes: number, groupId = 'ubnd-cac-xa'): Plan {
  return {
    ...plan,
    clauses: [],
    groups: plan.groups.map((g) => (g.id === groupId ? { ...g, members: g.members.slice(0, communes) } : g)),
  };
}

export async function sleepUntil(env: TestWorkflowEnvironment, instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant > now) await env.sleep(instant - now);
}

/**
 * Điện Biên's plan (whose article states no reporting regime) with one: the first `communes` communes report
 * the share of children reached within 20 working days of issue, and the labour office consolidates for the
 * district. `number` keeps the plans of one suite apart.
 */
export async function dienBienWithReporting(env: TestWorkflowEnvironment, number: number, communes = 4): Promise<Plan> {
  const plan = await rehearse(env, 'dien-bien-292-kh-ubnd-2019.yaml');
  return {
    ...reportingOnly(plan, communes),
    document: { ...plan.document, number },
    reporting: {
      submissions: [{
        id: 'bao-cao-xa', from: ['ubnd-cac-xa'], to: 'phong-ldtbxh', indicators: ['tre-em-tiep-can-dich-vu'],
        deadline: { kind: 'after-issue', days: 20, unit: 'working-days' },
      }],
      consolidations: [{ id: 'tong-hop-huyen', of: ['bao-cao-xa'], by: 'phong-ldtbxh', to: ['ubnd-huyen'] }],
    },
  };
}

/** `dienBienWithReporting` started and issued: its communes, the first of them, and that one's assignment id. */
export async function issuedDienBien(env: TestWorkflowEnvironment, client: Client, taskQueue: string, number: number, communes = 2) {
  const plan = await dienBienWithReporting(env, number, communes);
  const planId = await startPlan(client, plan, taskQueue);
  await approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'issue' });
  const members = plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members;
  const commune = members[0]!;
  return { plan, planId, members, commune, assignmentId: assignmentWorkflowId(planId, 'bao-cao-xa', commune) };
}

/**
 * Waits for a plan to end without unlocking time skipping. Awaiting a workflow's result lets the time-skipping
 * server skip time whenever no workflow task is pending, even while a real activity (an SMTP send) runs in real
 * time; its timeouts and retries then fire in skipped time and the clock can run away by years.
 */
export async function waitForEnd(client: Client, workflowId: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if ((await client.workflow.getHandle(workflowId).describe()).status.name !== 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${workflowId} did not end`);
}

/** The final state of a plan, read once it has ended (see waitForEnd for why not its result). */
export async function endedPlan(client: Client, planId: string): Promise<PlanView> {
  await waitForEnd(client, planId);
  return planStatus(client, planId);
}
