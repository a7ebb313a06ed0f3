// The benchmark's pure statistics: nearest-rank percentiles, medians and the min/median/max of paired ratios.
import fc from 'fast-check';
import { latencySummary, median, pairedRatios, percentile, spread } from '../../bench/stats';

test('percentiles are nearest-rank: always an observed value', () => {
  const sample = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  expect(percentile(sample, 50)).toBe(5);
  expect(percentile(sample, 95)).toBe(10);
  expect(percentile(sample, 0)).toBe(1);
  expect(percentile([42], 99)).toBe(42);
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(latencySummary(hundred)).toEqual({ p50: 50, p95: 95, p99: 99 });
});

test('percentiles are ordered and within the sample, whatever the sample', () => {
  fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
    const { p50, p95, p99 } = latencySummary(values);
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(p99);
    expect(values).toContain(p99);
    expect(p99).toBeLessThanOrEqual(Math.max(...values));
  }));
});

test('an empty sample or a percentile outside 0..100 is refused', () => {
  expect(() => percentile([], 50)).toThrow('empty');
  expect(() => percentile([1], 101)).toThrow('outside');
  expect(() => spread([])).toThrow('empty');
});

test('the median of an even sample is the mean of its middle values', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('ratios pair each round of planflow with the same round of the baseline', () => {
  // Round by round: 2/1, 3/2, 8/4; pooled means (13/7 ≈ 1.86) would hide the spread.
  expect(pairedRatios([2, 3, 8], [1, 2, 4])).toEqual([1.5, 2, 2]);
  expect(pairedRatios([1, 9, 4], [2, 3, 4])).toEqual([0.5, 1, 3]);
  expect(() => pairedRatios([1, 2], [1])).toThrow('rounds');
  expect(() => pairedRatios([1], [0])).toThrow('zero');
});
