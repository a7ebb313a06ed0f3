// Pure statistics for the benchmark: percentiles of latencies and the min/median/max of per-round ratios.

/** The nearest-rank percentile (p in 0..100) of a non-empty sample: a value that was actually observed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median of a non-empty sample; the mean of the two middle values when it has an even length. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Spread = [min: number, median: number, max: number];

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of an empty sample');
  return [Math.min(...values), median(values), Math.max(...values)];
}

/** p50/p95/p99 of a latency sample, in the sample's unit. */
export function latencySummary(values: readonly number[]): { p50: number; p95: number; p99: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

/**
 * Ratios of paired rounds (planflow's value over bare's of the same round), as min/median/max. Rounds are paired
 * because they ran back to back under the same machine load; a ratio of pooled means would hide that pairing.
 */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): Spread {
  if (numerators.length !== denominators.length) throw new Error(`${numerators.length} rounds against ${denominators.length}`);
  if (denominators.some((d) => !(d > 0))) throw new Error('a baseline round measured zero');
  return spread(numerators.map((n, i) => n / denominators[i]!));
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
