// The messages between the benchmark and its worker processes (worker-process.ts), checked on arrival.
import { z } from 'zod';

export const WorkerKind = z.enum(['bare', 'planflow']);
export type WorkerKind = z.infer<typeof WorkerKind>;

export const WorkerStart = z.strictObject({
  kind: WorkerKind,
  address: z.string().min(1).max(200),
  taskQueue: z.string().min(1).max(200),
  /** The side's workflows, bundled once by bundles.ts. */
  bundlePath: z.string().min(1).max(4_000),
});
export type WorkerStart = z.infer<typeof WorkerStart>;

export const WorkerRequest = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('usage') }), z.strictObject({ kind: z.literal('stop') })]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

const Usage = { cpuMicros: z.number().nonnegative(), maxRssBytes: z.number().nonnegative() };
export const WorkerReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ready'), ...Usage }),
  z.strictObject({ kind: z.literal('usage'), ...Usage }),
]);
export type WorkerReply = z.infer<typeof WorkerReply>;
