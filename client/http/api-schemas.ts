// The JSON API's request bodies: the Update schemas of model/actions.ts without `by`, which comes from the session or
// token and is refused if sent. The OpenAPI document is generated from these same schemas.
import { z } from 'zod';
import { Approve, Extend, Review, SubmitReport } from '../../model/actions';
import { MAX_BATCH_REVIEWS } from './acting';

export const ReportBody = SubmitReport.omit({ by: true });
export const ReviewBody = z.discriminatedUnion('decision', [Review.options[0].omit({ by: true }), Review.options[1].omit({ by: true })]);
export const ExtendBody = Extend.omit({ by: true });
export const ApproveBody = Approve.omit({ by: true });
/** Several reports accepted at once; each goes through its own assignment's Update. */
export const BatchReviewBody = z.strictObject({
  ids: z.array(z.string().min(1).max(500)).min(1).max(MAX_BATCH_REVIEWS),
  decision: z.literal('accept'),
  note: Review.options[0].shape.note,
});

export const ApiError = z.object({ code: z.string(), message: z.string(), problems: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional() })).optional() });
export type ApiError = z.infer<typeof ApiError>;

/** `path: message` lines in Vietnamese, for a coordinator to read. */
export function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${i.message}`).join('\n');
}

export const parseBody = <S extends z.ZodType>(schema: S, body: unknown) => schema.safeParse(body, { error: z.locales.vi().localeError });
