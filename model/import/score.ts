// Scores an import against the fields a text states (test/fixtures/import/*.yaml): per field, right, wrong,
// missing or invented. A field the expectation gives as null is one the text does not state: anything extracted
// there is invented. List fields score item by item; an extracted item nobody expected is invented too.
import { z } from 'zod';
import type { ImportOutcome } from './result';
import { fold } from './text';

const Names = z.array(z.string()).max(100);
export const Expectation = z.object({
  source: z.string().max(500),
  note: z.string().max(500).optional(),
  kind: z.enum(['full-text', 'news-article']),
  truncated: z.boolean(),
  number: z.number().int().nullable().optional(),
  symbol: z.string().max(40).nullable().optional(),
  issuer: z.string().max(300).nullable().optional(),
  level: z.enum(['trung-uong', 'tinh', 'huyen', 'xa']).nullable().optional(),
  issuedOn: z.union([z.iso.date(), z.date()]).nullable().optional(),
  partialIssueDate: z.string().max(20).optional(),
  title: z.string().max(1000).nullable().optional(),
  implements: Names.optional(),
  period: z.object({ from: z.number(), to: z.number() }).nullable().optional(),
  targets: Names.optional(),
  leads: Names.optional(),
  deadlines: z.array(z.union([z.string(), z.date()])).max(100).optional(),
  reportsTo: Names.optional(),
  via: Names.optional(),
  signatory: z.object({ name: z.string(), capacity: z.string(), title: z.string() }).nullable().optional(),
  recipients: z.number().int().nullable().optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export type Outcome = 'right' | 'wrong' | 'missing' | 'invented';
export interface FieldScore {
  field: string;
  outcome: Outcome;
  expected?: string;
  got?: string;
}

/** Fields where an invented value is a broken promise: numbers, dates, signatories and recipients. */
export const NEVER_INVENT = new Set(['number', 'issuedOn', 'implements', 'targets', 'deadlines', 'signatory', 'recipients', 'period', 'partialIssueDate']);

const iso = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

/** Names compare without case, marks, punctuation or "UBND"; a place added after a bare name still matches. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => fold(s).replace(/\bubnd\b/g, 'uy ban nhan dan').replace(/^y ban/, 'uy ban').replace(/[^a-z0-9]+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

const sameTitle = (a: string, b: string) => {
  const norm = (s: string) => fold(s).replace(/^ke hoach\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return norm(a) === norm(b);
};

export function scoreImport(expected: Expectation, result: ImportOutcome): FieldScore[] {
  const plan = result.plan;
  const doc = plan.document;
  const issuer = plan.agencies.find((a) => a.id === doc.issuer)?.name;
  const person = plan.people?.find((p) => p.id === plan.signatory?.person);
  const targets = (plan.indicators ?? []).flatMap((i) => (i.targets ?? []).map((t) => `${t.value}@${t.by.slice(0, 4)}`));
  const deadlines = [...(plan.clauses ?? []), ...(plan.reporting?.submissions ?? []), ...(plan.reporting?.consolidations ?? [])]
    .map((s) => s.deadline)
    .flatMap((d) => (d?.kind === 'date' ? [d.date] : d?.kind === 'recurring' && d.on ? [d.on] : []));
  const reports = result.facts.reports;
  const rows: FieldScore[] = [];
  const scalar = (field: string, want: unknown, got: unknown, same: (a: never, b: never) => boolean = (a, b) => a === b) => {
    if (want === undefined) return;
    const w = want === null ? undefined : want;
    const g = got === null ? undefined : got;
    const show = (v: unknown) => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
    if (w === undefined && g === undefined) return;
    const outcome: Outcome = w === undefined ? 'invented' : g === undefined ? 'missing' : same(w as never, g as never) ? 'right' : 'wrong';
    rows.push({ field, outcome, expected: show(w), got: show(g) });
  };
  const list = (field: string, want: string[] | undefined, got: string[], same: (a: string, b: string) => boolean) => {
    if (want === undefined) return;
    const left = [...new Set(got)];
    for (const w of want) {
      const i = left.findIndex((g) => same(w, g));
      rows.push({ field, outcome: i >= 0 ? 'right' : 'missing', expected: w, got: i >= 0 ? left[i] : undefined });
      if (i >= 0) left.splice(i, 1);
    }
    for (const g of left) if (!want.some((w) => same(w, g))) rows.push({ field, outcome: 'invented', got: g });
  };
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  scalar('kind', expected.kind, result.facts.sourceKind);
  scalar('truncated', expected.truncated, result.facts.truncated);
  scalar('number', expected.number, doc.number);
  scalar('symbol', expected.symbol, doc.symbol, (a: string, b: string) => eq(a, b));
  scalar('issuer', expected.issuer, issuer, sameName);
  scalar('level', expected.level, result.facts.issuerLevel);
  scalar('issuedOn', expected.issuedOn === undefined || expected.issuedOn === null ? expected.issuedOn : iso(expected.issuedOn), doc.issuedOn);
  scalar('partialIssueDate', expected.partialIssueDate, result.facts.partialIssueDate);
  scalar('title', expected.title, doc.title, sameTitle);
  list('implements', expected.implements, (doc.implements ?? []).flatMap((r) => (r.number ? [r.number] : [])), eq);
  scalar('period', expected.period, doc.period, (a: { from: number; to: number }, b: { from: number; to: number }) => a.from === b.from && a.to === b.to);
  list('targets', expected.targets, targets, (a, b) => a === b);
  list('leads', expected.leads, result.facts.statedLeads, sameName);
  list('deadlines', expected.deadlines?.map(iso), deadlines, (a, b) => a === b);
  list('reportsTo', expected.reportsTo, reports.map((r) => r.to), sameName);
  list('via', expected.via ?? (expected.reportsTo ? [] : undefined), reports.flatMap((r) => (r.via ? [r.via] : [])), sameName);
  scalar('signatory', expected.signatory, person && plan.signatory ? { name: person.name, capacity: plan.signatory.capacity, title: plan.signatory.title } : undefined,
    (a: { name: string; capacity: string; title: string }, b: { name: string; capacity: string; title: string }) => a.name === b.name && a.capacity === b.capacity && a.title === b.title);
  scalar('recipients', expected.recipients, (plan.recipients ?? []).length || undefined);
  return rows;
}

export interface TextScore {
  name: string;
  rows: FieldScore[];
}

const count = (rows: FieldScore[], outcome: Outcome) => rows.filter((r) => r.outcome === outcome).length;

/** Right over the fields the text states (right + wrong + missing); invented values are counted apart. */
export function rightShare(rows: FieldScore[]): number {
  const stated = rows.filter((r) => r.outcome !== 'invented').length;
  return stated === 0 ? 1 : count(rows, 'right') / stated;
}

const line = (name: string, rows: FieldScore[]) =>
  `| ${name} | ${count(rows, 'right')} | ${count(rows, 'wrong')} | ${count(rows, 'missing')} | ${count(rows, 'invented')} | ${(100 * rightShare(rows)).toFixed(1)}% |`;

/** A Markdown table with one row per group of rows (a text, a field), then the totals. */
function table(heading: string, groups: [string, FieldScore[]][]): string {
  return [
    `| ${heading} | right | wrong | missing | invented | right / stated |`,
    '|---|---:|---:|---:|---:|---:|',
    ...groups.map(([name, rows]) => line(name, rows)),
    line('**all**', groups.flatMap(([, rows]) => rows)),
  ].join('\n');
}

/** One row per text, then the totals. */
export function scoreTable(texts: TextScore[]): string {
  return table('text', texts.map((t) => [t.name, t.rows]));
}

/** One row per field over the whole corpus (a list field counts each of its items), then the totals. */
export function fieldTable(texts: TextScore[]): string {
  const byField = new Map<string, FieldScore[]>();
  for (const row of texts.flatMap((t) => t.rows)) byField.set(row.field, [...(byField.get(row.field) ?? []), row]);
  return table('field', [...byField.entries()]);
}
