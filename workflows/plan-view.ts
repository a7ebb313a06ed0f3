// What a plan answers: counts over all its work, one page of its assignments, and of everything else that grows with
// its communes or its years (consolidation records, actions, undeliverable mail) summaries or the newest few; a whole
// consolidation record only through the consolidation query, one at a time.
import { ConsolidationQuery, type PlanQuery } from '../model/actions';
import { roundOf, summarize } from './consolidation-summary';
import { pagedView } from './plan-rules';
import { parseInput } from './rejection';
import type { ConsolidationDetail, ConsolidationRecord, PlanState, PlanView, Undelivered } from './state';

/** Consolidation summaries an answer lists: a plan's rounds and their supplements can run to hundreds over the years. */
export const CONSOLIDATIONS_LISTED = 20;
/** Actions an answer lists: amendments after mergers can be one per commune. */
export const ACTIONS_LISTED = 50;
/** Undeliverable notices the plan keeps (a national notice to a stale directory can fail thousands of times). */
export const UNDELIVERABLE_KEPT = 50;

type Head = Pick<PlanView, 'id' | 'plan' | 'stepTitles'>;

/** The plan's answer to a status query (one page of assignments as asked) or, with a short page, to an Update. */
export function planView(head: Head, state: PlanState, query?: PlanQuery): PlanView {
  const { consolidations, actions, ...rest } = state;
  return {
    ...head,
    ...rest,
    consolidations: summarize(consolidations).slice(-CONSOLIDATIONS_LISTED),
    consolidationCount: consolidations.length,
    actions: actions.slice(-ACTIONS_LISTED),
    actionCount: actions.length,
    ...pagedView(state, query),
  };
}

/**
 * One whole record: of those matching the query's consolidation and cycle, the `index`-th (0: the oldest) or the
 * newest; null when there is none. The query is checked like an Update's input, and refused in Vietnamese.
 */
export function consolidationDetail(records: ConsolidationRecord[], raw: unknown): ConsolidationDetail | null {
  const q = parseInput(ConsolidationQuery, raw ?? {});
  const matching = records.filter((r) => (q.id === undefined || r.id === q.id) && (q.cycle === undefined || r.cycle === q.cycle));
  const record = q.index === undefined ? matching.at(-1) : matching[q.index];
  if (!record) return null;
  const round = records.filter((r) => roundOf(r) === roundOf(record));
  return { ...record, index: round.indexOf(record), count: round.length };
}

/** Undeliverable notices, kept bounded whatever their number: the count goes on, the newest few stay. */
export function recordUndeliverable(state: PlanState, items: Undelivered[]): void {
  if (!items.length) return;
  state.undeliverableCount += items.length;
  state.undeliverable = [...state.undeliverable, ...items].slice(-UNDELIVERABLE_KEPT);
}
