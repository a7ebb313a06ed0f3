// What answers carry of consolidation records: counts and the first few missing agencies, numbered within their
// round. Pure and free of the workflow SDK, so clients summarise the whole records of older answers the same way.
import type { ConsolidationRecord, ConsolidationSummary } from './state';

/** Missing agencies a summary names; the consolidation query names every one. */
export const MISSING_NAMED = 5;

/** A record's round, its consolidation and reporting cycle: the same key as plan-rules' `roundKey` of the round. */
export const roundOf = (r: { id: string; cycle?: string }) => `${r.id}${r.cycle ? `/${r.cycle}` : ''}`;

/** Every record summarised, oldest first, numbered within its consolidation and cycle (0: the first, then supplements). */
export function summarize(records: Pick<ConsolidationRecord, 'id' | 'cycle' | 'supplement' | 'at' | 'result'>[]): ConsolidationSummary[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const index = seen.get(roundOf(r)) ?? 0;
    seen.set(roundOf(r), index + 1);
    return {
      id: r.id, cycle: r.cycle, supplement: r.supplement, at: r.at, index, expected: r.result.expected,
      reported: r.result.reported.length, missing: r.result.missing.length, missingNames: r.result.missing.slice(0, MISSING_NAMED),
    };
  });
}
