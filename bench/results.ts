// The shape of bench/results/latest.json (issue 11, item 5): the schema is the type, and every run's file is checked
// against it before it is written.
import { z } from 'zod';

const Count = z.number().int().nonnegative().max(1e12);
const Measure = z.number().nonnegative().finite().max(1e12);
const Spread = z.tuple([Measure, Measure, Measure]).refine(([min, med, max]) => min <= med && med <= max, 'cần min ≤ trung vị ≤ max');
const Latency = z.strictObject({ p50: Measure, p95: Measure, p99: Measure })
  .refine((l) => l.p50 <= l.p95 && l.p95 <= l.p99, 'cần p50 ≤ p95 ≤ p99');
const Throughput = z.strictObject({ assignmentsPerSecond: Measure, cpuMsPerAssignment: Measure });

export const ScaleOutcome = z.enum(['closed', 'timed-out', 'failed']);

export const ScaleResult = z.strictObject({
  communes: Count.min(1).max(20_000),
  clauses: Count.min(1).max(50),
  cycles: Count.min(1).max(10),
  /** Beyond the issue's shape: whether the plan ran to close, and why not; a scenario that fails is kept, never dropped. */
  outcome: ScaleOutcome,
  error: z.string().max(2_000).optional(),
  /** From the start until every workflow on the scenario's server had ended, the plan's and all of its work's. */
  wallSeconds: Measure,
  /** Beyond the issue's shape: when the plan's own workflow closed (what people see as the close). */
  planClosedSeconds: Measure.optional(),
  peakRssBytes: Count,
  maxHistoryEvents: Count,
  maxHistoryBytes: Count,
  maxPayloadBytes: Count,
  maxSignalsPerRun: Count,
  /** Beyond the issue's shape: the worker's CPU time for the run (user + system), steadier than wall time on a shared machine. */
  workerCpuSeconds: Measure.optional(),
  /** Beyond the issue's shape: the workflow that holds each maximum (a payload's with its event type). */
  heldBy: z.strictObject({
    historyEvents: z.string().max(700), historyBytes: z.string().max(700), payloadBytes: z.string().max(700), signalsPerRun: z.string().max(700),
  }).optional(),
  /** Workflow tasks that failed or timed out in the histories read: what a hang or a failure was made of. */
  taskFailures: z.array(z.string().max(400)).max(10).optional(),
});
export type ScaleResult = z.infer<typeof ScaleResult>;

export const BenchResults = z.strictObject({
  machine: z.strictObject({
    cpus: Count.min(1).max(1024),
    memoryBytes: Count,
    loadavg: z.tuple([Measure, Measure, Measure]),
  }),
  throughput: z.strictObject({
    planflow: Throughput,
    bare: Throughput,
    ratio: z.strictObject({ throughput: Spread, cpu: Spread }),
  }),
  updates: z.strictObject({ planflow: Latency, bare: Latency }),
  scale: z.array(ScaleResult).max(20),
  cli: z.strictObject({ statusMs: Spread }),
});
export type BenchResults = z.infer<typeof BenchResults>;

/** A run of the scale scenarios alone (`--only scale`): the machine and the scenarios, in the same shape. */
export const ScaleResults = BenchResults.pick({ machine: true, scale: true });
export type ScaleResults = z.infer<typeof ScaleResults>;

/** Checks a run's results (the whole bench's, or the scale scenarios' alone); problems come back as `path: message` lines. */
export function checkResults(input: unknown): { ok: true; results: BenchResults } | { ok: false; problems: string[] };
export function checkResults<S extends z.ZodType>(input: unknown, schema: S): { ok: true; results: z.infer<S> } | { ok: false; problems: string[] };
export function checkResults(input: unknown, schema: z.ZodType = BenchResults): { ok: true; results: unknown } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, results: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(kết quả)'}: ${i.message}`) };
}
