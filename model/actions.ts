// The inputs of human actions (Temporal Updates), validated with the same schemas by the client before sending and
// by the workflows' synchronous validators, so a bad input is refused before it enters history.
import { z } from 'zod';
import { Agency, Id, LocalDate } from './plan';

/** A value for one indicator: a count, or the numerator and denominator of a ratio. */
export const IndicatorValue = z.union([
  z.number().nonnegative(),
  z.strictObject({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() }),
]);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const ReportValues = z.record(z.string(), IndicatorValue);
export type ReportValues = z.infer<typeof ReportValues>;

/** Who acts: an agency id (an office, a commune) or a person id (a leader). Identity checks come with the portal. */
const Actor = Id;

export const Approve = z.strictObject({ by: Actor, stage: Id, note: z.string().optional() });
export type Approve = z.infer<typeof Approve>;

export const SubmitReport = z.strictObject({ by: Actor, text: z.string().min(1), values: ReportValues.default({}) });
export type SubmitReport = z.infer<typeof SubmitReport>;

export const Review = z.discriminatedUnion('decision', [
  z.strictObject({ by: Actor, decision: z.literal('accept'), note: z.string().optional() }),
  z.strictObject({ by: Actor, decision: z.literal('return'), reason: z.string().min(1), newLastDay: LocalDate.optional() }),
]);
export type Review = z.infer<typeof Review>;

export const Extend = z.strictObject({ by: Actor, newLastDay: LocalDate, reason: z.string().min(1) });
export type Extend = z.infer<typeof Extend>;

export const Cancel = z.strictObject({ by: Actor, reason: z.string().min(1) });
export type Cancel = z.infer<typeof Cancel>;

/** `id` names one of the office's consolidations; without it, every one it makes. */
export const Consolidate = z.strictObject({ by: Actor, id: Id.optional() });
export type Consolidate = z.infer<typeof Consolidate>;

/** Why an amendment is made, as the leader writes it in the plan's record. */
const Reason = z.string().trim().min(1).max(2000);

/**
 * Amendments in flight, by a leader: reassign an agency's work (to its successor after a merger), add or remove an
 * agency from a step, or move a step's deadline for all its agencies. An agency the plan does not list comes with
 * its details (`newAgency`).
 */
export const Amend = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reassign'), by: Actor, step: Id, agency: Id, to: Id, newAgency: Agency.optional(), reason: Reason.optional() }),
  z.strictObject({ kind: z.literal('add-agency'), by: Actor, step: Id, agency: Id, newAgency: Agency.optional(), reason: Reason.optional() }),
  z.strictObject({ kind: z.literal('remove-agency'), by: Actor, step: Id, agency: Id, reason: Reason }),
  z.strictObject({ kind: z.literal('change-deadline'), by: Actor, step: Id, lastDay: LocalDate, reason: Reason }),
]);
export type Amend = z.infer<typeof Amend>;
