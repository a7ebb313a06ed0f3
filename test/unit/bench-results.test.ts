// The schema of bench/results/latest.json: the shape, with every bound checked and every problem reported
// as `path: message`.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkResults, type BenchResults } from '../../bench/results';

const sample: BenchResults = {
  machine: { cpus: 2, memoryBytes: 8 * 2 ** 30, loadavg: [3.1, 4.2, 5.3] },
  throughput: {
    planflow: { assignmentsPerSecond: 20.5, cpuMsPerAssignment: 30.1 },
    bare: { assignmentsPerSecond: 40.2, cpuMsPerAssignment: 15.2 },
    ratio: { throughput: [0.45, 0.5, 0.61], cpu: [1.6, 1.8, 2.1] },
  },
  updates: { planflow: { p50: 400, p95: 700, p99: 800 }, bare: { p50: 200, p95: 400, p99: 500 } },
  scale: [
    { communes: 200, clauses: 1, cycles: 1, outcome: 'closed', wallSeconds: 30.5, peakRssBytes: 4e8, maxHistoryEvents: 900, maxHistoryBytes: 2e5, maxPayloadBytes: 1e5, maxSignalsPerRun: 600 },
    { communes: 10_598, clauses: 1, cycles: 1, outcome: 'failed', error: 'grpc: message larger than max', wallSeconds: 61, peakRssBytes: 2e9, maxHistoryEvents: 5, maxHistoryBytes: 4e6, maxPayloadBytes: 3.6e6, maxSignalsPerRun: 0 },
  ],
  cli: { statusMs: [900, 1000, 1200] },
};

test('a complete result in the issue\'s shape is accepted, a failed scenario included', () => {
  const checked = checkResults(sample);
  expect(checked.ok).toBe(true);
});

test('a missing part, an unknown field or an unordered spread is refused with its path', () => {
  const withoutCli: Partial<BenchResults> = { ...sample };
  delete withoutCli.cli;
  const missing = checkResults(withoutCli);
  expect(missing.ok).toBe(false);
  if (!missing.ok) expect(missing.problems.some((p) => p.startsWith('cli:'))).toBe(true);

  const unordered = checkResults({ ...sample, throughput: { ...sample.throughput, ratio: { ...sample.throughput.ratio, cpu: [2, 1, 3] } } });
  expect(unordered.ok).toBe(false);
  if (!unordered.ok) expect(unordered.problems).toContain('throughput.ratio.cpu: cần min ≤ trung vị ≤ max');

  const extra = checkResults({ ...sample, machine: { ...sample.machine, hostname: 'x' } });
  expect(extra.ok).toBe(false);

  const badLatency = checkResults({ ...sample, updates: { ...sample.updates, bare: { p50: 5, p95: 4, p99: 6 } } });
  expect(badLatency.ok).toBe(false);
  if (!badLatency.ok) expect(badLatency.problems).toContain('updates.bare: cần p50 ≤ p95 ≤ p99');
});

test('a scenario with an unknown outcome, a negative size or a commune count beyond the country is refused', () => {
  const scenario = sample.scale[0]!;
  for (const bad of [{ ...scenario, outcome: 'skipped' }, { ...scenario, wallSeconds: -1 }, { ...scenario, communes: 50_000 }]) {
    const checked = checkResults({ ...sample, scale: [bad] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.every((p) => p.startsWith('scale.0.'))).toBe(true);
  }
});

test('the committed bench/results/latest.json matches the schema', () => {
  const file = join(__dirname, '..', '..', 'bench', 'results', 'latest.json');
  expect(existsSync(file)).toBe(true);
  const checked = checkResults(JSON.parse(readFileSync(file, 'utf8')));
  expect(checked.ok ? [] : checked.problems).toEqual([]);
});
