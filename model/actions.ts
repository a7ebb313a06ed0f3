// The inputs of human actions (Temporal Updates), validated with the same schemas by the client before sending and
// by the workflows' synchronous validators, so a bad input is refused before it enters history.
import { z } from 'zod';
import { message } from './messages';
import { Agency, Count, Id, LIMITS, LocalDate, boundedText, check } from './plan';
import { AssignmentStatus } from './status';

/** The bounds of an Update's input: text a person types, and the whole payload, far under Temporal's 2 MB. */
export const UPDATE_LIMITS = {
  reportLength: LIMITS.textLength,
  reasonLength: 2_000,
  /** Indicator values in one report: no plan measures more. */
  values: 200,
  /** The input as JSON, in UTF-8 bytes. */
  bytes: 64 * 1024,
  /** `values.<indicator>.numerator` is the deepest a valid input goes. */
  depth: 4,
} as const;

/** A value for one indicator: a count, or the numerator and denominator of a ratio. */
export const IndicatorValue = z.union([
  z.number().nonnegative().max(LIMITS.count),
  z.strictObject({ numerator: Count, denominator: Count.positive() }),
]);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const ReportValues = z
  .record(Id, IndicatorValue)
  .refine(...check((v: Record<string, unknown>) => Object.keys(v).length <= UPDATE_LIMITS.values, 'too-many-values'));
export type ReportValues = z.infer<typeof ReportValues>;

/** Who acts: an agency id (an office, a commune) or a person id (a leader). Identity checks come with the portal. */
const Actor = Id;
const Report = boundedText(UPDATE_LIMITS.reportLength);
const Reason = boundedText(UPDATE_LIMITS.reasonLength);

export const Approve = z.strictObject({ by: Actor, stage: Id, note: Reason.optional() });
export type Approve = z.infer<typeof Approve>;

export const SubmitReport = z.strictObject({ by: Actor, text: Report, values: ReportValues.default({}) });
export type SubmitReport = z.infer<typeof SubmitReport>;

export const Review = z.discriminatedUnion('decision', [
  z.strictObject({ by: Actor, decision: z.literal('accept'), note: Reason.optional() }),
  z.strictObject({ by: Actor, decision: z.literal('return'), reason: Reason, newLastDay: LocalDate.optional() }),
]);
export type Review = z.infer<typeof Review>;

export const Extend = z.strictObject({ by: Actor, newLastDay: LocalDate, reason: Reason });
export type Extend = z.infer<typeof Extend>;

export const Cancel = z.strictObject({ by: Actor, reason: Reason });
export type Cancel = z.infer<typeof Cancel>;

/** `id` names one of the office's consolidations; without it, every one it makes. */
export const Consolidate = z.strictObject({ by: Actor, id: Id.optional() });
export type Consolidate = z.infer<typeof Consolidate>;

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
/**
 * Refuses, before zod reads it, an input larger or deeper than any valid action: parsing it, or a refusal that
 * quoted it, would weigh on the workflow task of every action on the plan. The refusal is short and never
 * repeats the input. `refuse` is the workflows' `reject`, so the model stays free of Temporal.
 */
export function checkUpdateInput(raw: unknown, refuse: (code: string, reason: string) => never): void {
  let bytes = 0;
  const pending: { value: unknown; depth: number }[] = [{ value: raw, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > UPDATE_LIMITS.depth) refuse('update-too-deep', message('update-too-deep', { max: UPDATE_LIMITS.depth }));
    const children = childrenOf(next.value);
    bytes += jsonBytes(next.value) + children.length;
    if (bytes > UPDATE_LIMITS.bytes) refuse('update-too-large', message('update-too-large', { max: UPDATE_LIMITS.bytes / 1024 }));
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
}

/** The items of an array, or the keys and values of an object, each once, so keys are counted like strings. */
function childrenOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value !== null && typeof value === 'object' ? Object.entries(value).flat() : [];
}

/** A value's own share of its JSON, in UTF-8 bytes (a container's brackets only); a huge string stops early. */
function jsonBytes(value: unknown): number {
  if (typeof value !== 'string') return value !== null && typeof value === 'object' ? 2 : String(value).length;
  if (value.length > UPDATE_LIMITS.bytes) return value.length;
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/**
 * Assignments per page of a plan's status: a national plan's 10,598 never travel in one answer. `inTerminal`: the page
 * `planflow status` asks for unless told (`--limit`).
 */
export const PLAN_PAGE = { default: 500, max: 2_000, ofUpdates: 100, inTerminal: 50 } as const;

/** Which assignments a plan's status lists: a page, optionally of one step, status or agency. Counts cover all. */
export const PlanQuery = z.strictObject({
  offset: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().nonnegative().max(PLAN_PAGE.max).default(PLAN_PAGE.default),
  step: Id.optional(),
  status: AssignmentStatus.optional(),
  agency: Id.optional(),
});
export type PlanQuery = z.input<typeof PlanQuery>;

/** Records of one consolidation and cycle: the first, then one supplement per late report at most. */
export const CONSOLIDATION_RECORDS_MAX = 100_000;

/**
 * Which consolidation record the consolidation query returns in full: of one consolidation (`id`) and/or one
 * reporting cycle (`cycle`, e.g. `2027`), the `index`-th made (0: the first; supplements follow), by default the
 * newest. Answers carry only summaries of consolidations: their texts name every missing commune.
 */
export const ConsolidationQuery = z.strictObject({
  id: Id.optional(),
  cycle: Id.optional(),
  index: z.number().int().nonnegative().max(CONSOLIDATION_RECORDS_MAX).optional(),
});
export type ConsolidationQuery = z.infer<typeof ConsolidationQuery>;
