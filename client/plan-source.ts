// What the CLI and the portal read of a running or ended plan to show and print its consolidations and documents:
// the plan definition it was started with, summaries of its consolidations and one consolidation record whole. The one
// place that knows the shapes a plan's answers have held consolidations in.
import { QueryNotRegisteredError, type Client } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { isGrpcNotFound } from '../activities/grpc-status';
import type { ConsolidationResult } from '../model/consolidate';
import { z } from 'zod';
import { Plan } from '../model/plan';
import type { StepNames } from '../model/step-title';
import { summarize } from '../workflows/consolidation-summary';
import type { ConsolidationDetail, ConsolidationSummary, PlanView } from '../workflows/state';
import { consolidation, planStatus, PlanflowError } from './planflow';

/** One whole consolidation record as documents need it, whatever shape the plan answered in. */
export interface ConsolidationEntry {
  id: string;
  /** The reporting cycle's key (`2027`), for recurring reports. */
  cycle?: string;
  supplement: boolean;
  at: number;
  result: ConsolidationResult;
  markdown?: string;
}

/** Whole records as plans answered before summaries: v1 plans still do (one per id), ended v2 plans' results did (a list). */
type StoredConsolidation = { id?: string; cycle?: string; supplement?: boolean; at: number; result: ConsolidationResult; markdown?: string };

const isWhole = (c: unknown): c is StoredConsolidation => typeof c === 'object' && c !== null && 'result' in c;

/** Whole records carried in a view of the old shapes (none in today's answers), oldest first. */
function wholeRecordsOf(view: Pick<PlanView, 'consolidations'>): ConsolidationEntry[] {
  const stored: unknown = view.consolidations;
  const entries: [string, unknown][] = Array.isArray(stored) ? stored.map((c: unknown) => ['', c]) : Object.entries((stored ?? {}) as Record<string, unknown>);
  return entries
    .filter((e): e is [string, StoredConsolidation] => isWhole(e[1]))
    .map(([id, c]) => ({ id: c.id ?? id, cycle: c.cycle, supplement: c.supplement ?? false, at: c.at, result: c.result, markdown: c.markdown }))
    .sort((a, b) => a.at - b.at);
}

/** The consolidation summaries of a plan's answer, whatever its shape: today's summaries, or summaries of old whole records. */
export function consolidationsOf(view: Pick<PlanView, 'consolidations'>): ConsolidationSummary[] {
  const whole = wholeRecordsOf(view);
  if (whole.length) return summarize(whole);
  return Array.isArray(view.consolidations) ? view.consolidations : [];
}

/**
 * One consolidation record whole: the newest, or the newest of a cycle or of a consolidation (`key` is either, as
 * `render consolidation --cycle` and the portal's links give it); undefined when there is none. From the plan's
 * consolidation query, or from its status where the plan predates that query.
 */
export async function wholeConsolidation(client: Client, planId: string, key?: string): Promise<ConsolidationEntry | undefined> {
  try {
    const byCycle = await consolidation(client, planId, key === undefined ? {} : { cycle: key });
    return byCycle ?? (key === undefined ? undefined : await consolidation(client, planId, { id: key }));
  } catch (error) {
    if (!(error instanceof QueryNotRegisteredError)) throw error;
    return wholeRecordsOf(await planStatus(client, planId, { limit: 0 })).filter((c) => key === undefined || c.cycle === key || c.id === key).at(-1);
  }
}

/** The record a summary stands for, whole. */
export const recordOf = (client: Client, planId: string, summary: Pick<ConsolidationSummary, 'id' | 'cycle' | 'index'>): Promise<ConsolidationDetail | undefined> =>
  consolidation(client, planId, { id: summary.id, ...(summary.cycle === undefined ? {} : { cycle: summary.cycle }), index: summary.index });

/** The `plan` a workflow was started with, as it was sent: the first event of its history (`planLifecycle({ plan })`). */
async function startedInput(client: Client, planId: string): Promise<unknown> {
  // The first event alone: a national plan's whole history is megabytes, and `planflow status` must stay quick.
  const { history } = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace, execution: { workflowId: planId }, maximumPageSize: 1,
  }).catch((error: unknown) => {
    if (isGrpcNotFound(error)) throw new PlanflowError('not-found', `Không tìm thấy kế hoạch "${planId}".`);
    throw error;
  });
  const payloads = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
  return (await decodeFromPayloadsAtIndex<{ plan?: unknown }>(client.workflow.options.loadedDataConverter, 0, payloads))?.plan;
}

async function startedAs<T>(schema: z.ZodType<T>, client: Client, planId: string): Promise<T> {
  const parsed = schema.safeParse(await startedInput(client, planId));
  if (!parsed.success) throw new PlanflowError('no-plan', `Không đọc được kế hoạch mà "${planId}" đã được khởi chạy với.`);
  return parsed.data;
}

/** The plan a workflow was started with, whole. */
export const startedPlan = (client: Client, planId: string): Promise<Plan> => startedAs(Plan, client, planId);

/**
 * What names the steps of the plan a workflow was started with, for printing its status: its clauses and reports,
 * without checking the agencies, groups and people that make a national plan's input megabytes.
 */
const StepNamesOfPlan: z.ZodType<StepNames> = z.object({ clauses: Plan.shape.clauses, reporting: Plan.shape.reporting });
export const startedStepNames = (client: Client, planId: string): Promise<StepNames> => startedAs(StepNamesOfPlan, client, planId);

/**
 * What names the steps of a plan's answer, for formatPlan: nothing more when the answer names them itself; from a
 * worker older than that (session 15), the plan it was started with, one more call.
 */
export const stepNamesOf = async (client: Client, planId: string, view: Pick<PlanView, 'stepTitles'>): Promise<StepNames | undefined> =>
  (view.stepTitles ? undefined : startedStepNames(client, planId));
