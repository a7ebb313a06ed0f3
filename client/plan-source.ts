// What the CLI reads of a running or ended plan to print its documents: the plan definition it was started with
// and its consolidations. The one place that knows how the plan's state holds consolidations.
import type { Client } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import type { ConsolidationResult } from '../model/consolidate';
import { Plan } from '../model/plan';
import type { PlanView } from '../workflows/state';
import { PlanflowError } from './planflow';

/** One consolidation as documents need it, whatever shape the plan's state keeps it in. */
export interface ConsolidationEntry {
  id: string;
  /** The reporting period's label ("năm 2021"), for recurring reports. */
  cycle?: string;
  supplement: boolean;
  at: number;
  result: ConsolidationResult;
}

type StoredConsolidation = { id?: string; cycle?: string; supplement?: boolean; at: number; result: ConsolidationResult };

/**
 * Today's state keeps one consolidation per id (a record); the list `{ id, cycle?, supplement, at, result }[]`
 * that replaces it is read the same way. Oldest first.
 */
export function consolidationsOf(view: Pick<PlanView, 'consolidations'>): ConsolidationEntry[] {
  const stored: unknown = view.consolidations;
  const entries: [string, StoredConsolidation][] = Array.isArray(stored)
    ? (stored as StoredConsolidation[]).map((c) => [c.id ?? '', c])
    : Object.entries(stored as Record<string, StoredConsolidation>);
  return entries
    .map(([id, c]) => ({ id: c.id ?? id, cycle: c.cycle, supplement: c.supplement ?? false, at: c.at, result: c.result }))
    .sort((a, b) => a.at - b.at);
}

/** The consolidation to print: the newest, or the newest of one cycle; undefined when there is none. */
export function pickConsolidation(entries: ConsolidationEntry[], cycle?: string): ConsolidationEntry | undefined {
  return entries.filter((c) => cycle === undefined || c.cycle === cycle || c.id === cycle).at(-1);
}

/**
 * The plan a workflow was started with, from the first event of its history (`planLifecycle({ plan })`): one page of
 * one event, however long the history has grown.
 */
export async function startedPlan(client: Client, planId: string): Promise<Plan> {
  const history = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace, execution: { workflowId: planId }, maximumPageSize: 1,
  });
  const payloads = history.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
  const input = await decodeFromPayloadsAtIndex<{ plan?: unknown }>(client.workflow.options.loadedDataConverter, 0, payloads);
  const parsed = Plan.safeParse(input?.plan);
  if (!parsed.success) throw new PlanflowError('no-plan', `Không đọc được kế hoạch mà "${planId}" đã được khởi chạy với.`);
  return parsed.data;
}
