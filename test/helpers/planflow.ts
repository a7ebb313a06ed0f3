// A planflow worker for workflow tests: the real workflows on a real Temporal server, with the notify activity
// replaced by a recorder so tests can count what would be sent (delivery itself is tested with SMTP).
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Activities } from '../../activities';
import { civilDateAt } from '../../model/calendar';
import { loadPlanText } from '../../model/load';
import type { Notification } from '../../model/notifications';
import type { Plan } from '../../model/plan';
import { rebasePlan } from '../../model/rebase';
import { formatProblem } from '../../model/validate';
import { readExample } from './files';

export interface RunContext {
  env: TestWorkflowEnvironment;
  client: Client;
  taskQueue: string;
  /** Notifications recorded by this run's worker, in the order the activity ran. */
  sent: Notification[];
}

let queues = 0;

export function usePlanflowWorker(env: () => TestWorkflowEnvironment) {
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  }, 60_000);

  return async function run<T>(body: (ctx: RunContext) => Promise<T>): Promise<T> {
    const sent: Notification[] = [];
    const notify: Activities['notify'] = async (n) => {
      sent.push(n);
      return Promise.resolve({ delivered: true });
    };
    const taskQueue = `planflow-test-${++queues}`;
    const worker = await Worker.create({
      connection: env().nativeConnection, taskQueue, workflowBundle: bundle!, activities: { notify },
    });
    return worker.runUntil(body({ env: env(), client: env().client, taskQueue, sent }));
  };
}

const quietLogger = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

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
