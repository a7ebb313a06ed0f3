// A consolidated report (Báo cáo tổng hợp) as documents and emails need it: the consolidation's result and what a
// reader must know around it (which plan, which cycle, supplementary or not, who reported, by whom, to whom).
import { z } from 'zod';
import type { ConsolidationResult as ResultShape } from './consolidate';
import { documentNumber } from './ids';
import { AgencyKind, Indicator, LocalDate, type Consolidation, type Plan } from './plan';

const Text = z.string().min(1).max(2000);
const Name = z.string().min(1).max(300);

export const ConsolidationResult = z.object({
  asOf: LocalDate,
  expected: z.number().int().nonnegative(),
  reported: z.array(Name),
  missing: z.array(Name),
  indicators: z.array(z.object({
    indicator: Indicator,
    value: z.number().optional(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    reportedBy: z.number().int().nonnegative(),
    targets: z.array(z.object({ by: LocalDate, value: z.number(), met: z.boolean() })),
  })),
});
// The schema checks at the activity boundary what model/consolidate.ts computes; `consolidatedReport` below
// assigns the computed result to this schema's type, so a field required here and missing there is a compile error.

/** Who signs, as the signature block prints it: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name. */
export const SignatureBlock = z.object({
  capacity: z.string().max(200).optional(),
  title: Name,
  name: Name.optional(),
});
export type SignatureBlock = z.infer<typeof SignatureBlock>;

export const Body = z.object({ name: Name, kind: AgencyKind });

export const ConsolidatedReport = z.object({
  plan: z.object({
    number: Name, title: Text, issuer: Body, issuedOn: LocalDate.optional(), place: Name.optional(),
  }),
  consolidationId: Name,
  /** The reporting period, as people say it ("năm 2021"); absent for a one-off consolidation. */
  cycle: Name.optional(),
  /** A báo cáo bổ sung: sent after the first one, with the reports that came late. */
  supplement: z.boolean(),
  by: Body,
  to: z.array(Name).min(1),
  signer: SignatureBlock,
  result: ConsolidationResult,
});
export type ConsolidatedReport = z.infer<typeof ConsolidatedReport>;

/** A party's name as a document prints it. (Not model/work.ts's contacts: that module imports notifications.) */
function nameOf(plan: Plan, id: string): string {
  const person = plan.people.find((p) => p.id === id);
  return plan.agencies.find((a) => a.id === id)?.name ?? plan.groups.find((g) => g.id === id)?.name
    ?? (person ? [person.title, person.name].filter(Boolean).join(' ') : id);
}

const bodyOf = (plan: Plan, id: string) => ({ name: nameOf(plan, id), kind: plan.agencies.find((a) => a.id === id)?.kind ?? 'other' });

/** "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" and the like: how the head of a body of this kind signs for it. */
export function defaultSigner(kind: z.infer<typeof AgencyKind>): SignatureBlock {
  switch (kind) {
    case 'people-committee':
    case 'commune':
      return { capacity: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' };
    case 'party-committee':
      return { capacity: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' };
    case 'council':
      return { capacity: 'TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN', title: 'CHỦ TỊCH' };
    case 'department':
    case 'unit':
      return { title: 'GIÁM ĐỐC' };
    case 'office':
      return { title: 'TRƯỞNG PHÒNG' };
    case 'mass-organisation':
    case 'other':
      return { title: 'THỦ TRƯỞNG CƠ QUAN' };
  }
}

/** The plan's signature block: its signatory when it names one, else its issuer's head. */
export function planSigner(plan: Plan): SignatureBlock {
  const s = plan.signatory;
  if (!s) return defaultSigner(bodyOf(plan, plan.document.issuer).kind);
  const person = plan.people.find((p) => p.id === s.person);
  const capacity = s.capacity === 'own' ? undefined : `${s.capacity}. ${s.onBehalfOf ?? ''}`.trim();
  return { capacity, title: s.title, name: person?.name };
}

/** The consolidation of the plan with this id; an error names it when the plan has none. */
export function consolidationOf(plan: Plan, id: string): Consolidation {
  const c = plan.reporting.consolidations.find((x) => x.id === id);
  if (!c) throw new Error(`kế hoạch không có đợt tổng hợp "${id}"`);
  return c;
}

/** Everything a report document or email needs, from the plan, one consolidation (who, to whom) and its result. */
export function consolidatedReport(
  plan: Plan, c: Pick<Consolidation, 'id' | 'by' | 'to'>, result: ResultShape, options: { cycle?: string; supplement?: boolean } = {},
): ConsolidatedReport {
  const by = bodyOf(plan, c.by);
  return {
    plan: {
      number: documentNumber(plan), title: plan.document.title, issuer: bodyOf(plan, plan.document.issuer),
      issuedOn: plan.document.issuedOn, place: plan.document.place,
    },
    consolidationId: c.id, cycle: options.cycle, supplement: options.supplement ?? false,
    by, to: c.to.map((id) => nameOf(plan, id)), signer: defaultSigner(by.kind), result,
  };
}
