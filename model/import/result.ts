// What `importPlanText` returns: a draft in the plan schema's shape (partial where the text is silent), where each
// value came from, what the coordinator must still supply, and warnings. Also the facts the plan schema has no
// place for (the issuer's level, a date without a year, "qua" in a reporting chain, a website's "Người ký").
import { z } from 'zod';
import { Agency, Person, Plan, PlanDocument } from '../plan';

export const DraftAgency = Agency.extend({ emails: Agency.shape.emails.optional() });
export const DraftPerson = Person.extend({ email: Person.shape.email.optional() });
export const DraftDocument = PlanDocument.partial().extend({ source: PlanDocument.shape.source });
/** A plan as far as the text states it: emails absent, and any field the text does not give. */
export const DraftPlan = Plan.extend({
  document: DraftDocument,
  agencies: z.array(DraftAgency).max(2000),
  people: z.array(DraftPerson).max(200),
});
export type DraftPlan = z.input<typeof DraftPlan>;
export type DraftAgency = z.input<typeof DraftAgency>;

export const WarningCode = z.enum([
  'truncated', 'news-article', 'partial-date', 'default-lead', 'derived-symbol', 'generated-id', 'unlisted-group',
  'denominator-unstated', 'deadline-no-year', 'metadata-signer', 'no-issuer', 'no-clauses', 'report-no-deadline',
]);
export const ImportWarning = z.object({
  code: WarningCode,
  path: z.string().max(200).optional(),
  message: z.string().max(1000),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ReportLink = z.object({
  from: z.array(z.string().max(300)).max(50),
  to: z.string().max(300),
  via: z.string().max(300).optional(),
  deadline: z.string().max(20).optional(),
  consolidates: z.boolean(),
});

export const ImportFacts = z.object({
  sourceKind: z.enum(['full-text', 'news-article']),
  truncated: z.boolean(),
  issuerLevel: z.enum(['trung-uong', 'tinh', 'huyen', 'xa']).optional(),
  /** "29/5": the issue date as written, without a year. */
  partialIssueDate: z.string().max(20).optional(),
  /** Agencies the text names as chủ trì. */
  statedLeads: z.array(z.string().max(300)).max(500),
  /** The reporting chain as stated, "qua" included. */
  reports: z.array(ReportLink).max(500),
  metadataSigner: z.string().max(100).optional(),
});
export type ImportFacts = z.infer<typeof ImportFacts>;

export const ImportResult = z.object({
  plan: z.record(z.string(), z.unknown()),
  provenance: z.record(z.string(), z.string().max(400)),
  missing: z.array(z.string().max(200)).max(5000),
  warnings: z.array(ImportWarning).max(5000),
  facts: ImportFacts,
});
/**
 * What `planflow import --json` prints: exactly the four parts issue 14 promises to scripts and the portal. The
 * facts stay for the score and the YAML draft's header; what of them a coordinator must act on is in `warnings`.
 */
export const ImportJson = ImportResult.pick({ plan: true, provenance: true, missing: true, warnings: true });
export type ImportJson = z.infer<typeof ImportJson>;
export interface ImportResultOf<P> extends Omit<z.infer<typeof ImportResult>, 'plan'> {
  plan: P;
}
export type ImportOutcome = ImportResultOf<DraftPlan>;
