// What the chaos test's child processes (smtp-child.ts, worker-child.ts) are given and tell their parent, checked on arrival.
import { z } from 'zod';

export const SmtpChildStart = z.strictObject({ replyDelayMs: z.number().int().min(0).max(600_000) });

export const WorkerChildStart = z.strictObject({
  /** The workflows, bundled once by the test, so a replacement worker is ready in seconds. */
  bundlePath: z.string().min(1).max(4_000),
});

export const ChildReport = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ready'), port: z.number().int().min(0).max(65_535).optional() }),
  z.strictObject({
    kind: z.literal('mail'), messageId: z.string().max(1_000), key: z.string().max(2_000), to: z.array(z.string().max(254)).max(100),
    /** When the server had it whole (Date.now() in the server's process: the same clock as the test's). */
    at: z.number(),
  }),
]);
export type ChildReport = z.infer<typeof ChildReport>;
