// How an Update is refused: a stable code for programs (the failure's type) and the reason in Vietnamese for
// people. Thrown from a validator, it reaches the caller and leaves no trace in history.
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { zodErrorMap } from '../model/messages';

/** Refusals are read by people: in Vietnamese, with the plan's own message codes (blank, date-range, …). */
const VIETNAMESE = zodErrorMap('vi');

export function reject(code: string, reason: string): never {
  throw ApplicationFailure.create({ type: code, message: reason, nonRetryable: true });
}

/** zod at the Update boundary: the parsed input, or a refusal listing `path: message` for each problem. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw, { error: VIETNAMESE });
  if (result.success) return result.data;
  return reject('invalid-input', result.error.issues.map((i) => `${i.path.map(String).join('.') || '(dữ liệu)'}: ${i.message}`).join('; '));
}
