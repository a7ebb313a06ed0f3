// Validates a plan: its shape with zod, then what zod cannot see (references between parts, dates against the
// issue date). Every problem names its place as a path (`clauses[3].lead`) so a coordinator can find and fix it.
import type { z } from 'zod';
import { message, zodErrorMap, type Lang, type Params } from './messages';
import { Plan, type Deadline } from './plan';

export type PathSegment = string | number;
export interface Problem {
  path: PathSegment[];
  message: string;
  /** The line in the source file, when the plan came from a file. */
  line?: number;
}
export type Validation = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** `clauses[3].lead: unknown agency "phong-yte" (line 42)`: one line per problem. */
export function formatProblem(problem: Problem, lang: Lang = 'vi'): string {
  const where = problem.line === undefined ? '' : ` ${message('at-line', { line: problem.line }, lang)}`;
  return `${formatPath(problem.path) || '(plan)'}: ${problem.message}${where}`;
}

export function validatePlan(input: unknown, lang: Lang = 'vi'): Validation {
  const parsed = Plan.safeParse(input, { error: zodErrorMap(lang) });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => fromZod(issue, lang)) };
  const problems = crossCheck(parsed.data).map(({ path, code, params }) => ({ path, message: message(code, params, lang) }));
  return problems.length ? { ok: false, problems } : { ok: true, plan: parsed.data };
}

function fromZod(issue: z.core.$ZodIssue, lang: Lang): Problem[] {
  const path = issue.path.filter((seg): seg is PathSegment => typeof seg !== 'symbol');
  // One line per mistyped field, at the field itself, reads better than one line listing them at the parent.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], message: message('unknown-key', { key }, lang) }));
  }
  return [{ path, message: issue.message }];
}

interface Finding {
  path: PathSegment[];
  code: string;
  params?: Params;
}

type Kind = 'agency' | 'group' | 'person';

/** Checks that need the whole plan: ids are unique and every reference points at something of the right kind. */
export function crossCheck(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const kinds = new Map<string, Kind>();

  const unique = (namespace: Map<string, string>, id: string, path: PathSegment[]) => {
    const other = namespace.get(id);
    if (other !== undefined) findings.push({ path: [...path, 'id'], code: 'duplicate-id', params: { id, other } });
    else namespace.set(id, formatPath(path));
  };
  const parties = new Map<string, string>();
  plan.agencies.forEach((a, i) => (unique(parties, a.id, ['agencies', i]), kinds.set(a.id, 'agency')));
  plan.groups.forEach((g, i) => (unique(parties, g.id, ['groups', i]), kinds.set(g.id, 'group')));
  plan.people.forEach((p, i) => (unique(parties, p.id, ['people', i]), kinds.set(p.id, 'person')));

  const steps = new Map<string, string>();
  plan.clauses.forEach((c, i) => unique(steps, c.id, ['clauses', i]));
  plan.reporting.submissions.forEach((s, i) => unique(steps, s.id, ['reporting', 'submissions', i]));
  plan.reporting.consolidations.forEach((c, i) => unique(steps, c.id, ['reporting', 'consolidations', i]));

  const content = new Map<string, string>();
  plan.objectives.forEach((o, i) => unique(content, o.id, ['objectives', i]));
  plan.indicators.forEach((ind, i) => unique(content, ind.id, ['indicators', i]));
  plan.tasks.forEach((t, i) => unique(content, t.id, ['tasks', i]));
  const indicators = new Set(plan.indicators.map((ind) => ind.id));

  const CODES: Record<string, string> = {
    agency: 'unknown-agency',
    'agency,group': 'unknown-agency-or-group',
    person: 'unknown-person',
    'agency,person': 'unknown-person-or-agency',
    'agency,group,person': 'unknown-recipient',
  };
  const ref = (path: PathSegment[], id: string, allowed: Kind[]) => {
    const kind = kinds.get(id);
    if (!kind || !allowed.includes(kind)) findings.push({ path, code: CODES[allowed.join(',')] ?? 'unknown-recipient', params: { id } });
  };
  const refs = (path: PathSegment[], ids: string[], allowed: Kind[]) => ids.forEach((id, j) => ref([...path, j], id, allowed));
  const indicatorRefs = (path: PathSegment[], ids: string[]) =>
    ids.forEach((id, j) => indicators.has(id) || findings.push({ path: [...path, j], code: 'unknown-indicator', params: { id } }));

  const { issuedOn } = plan.document;
  const span = planSpan(plan);
  // Steps are resolved in this order (model/work.ts), so a deadline may count only from a step before its own:
  // that refuses forward references and, since every loop has one, every loop of after-step deadlines.
  const order = new Map([...steps.keys()].map((id, i) => [id, i]));
  const deadline = (path: PathSegment[], stepId: string, d: Deadline | undefined) => {
    if (d?.kind === 'date' && issuedOn && d.date < issuedOn) {
      findings.push({ path: [...path, 'date'], code: 'deadline-before-issue', params: { date: d.date, issuedOn } });
    } else if (d?.kind === 'date' && span && (d.date < span.from || d.date > span.to)) {
      findings.push({ path: [...path, 'date'], code: 'date-outside-plan', params: { date: d.date, ...span } });
    }
    if (d?.kind === 'after-step') {
      if (d.event === 'completion') findings.push({ path: [...path, 'event'], code: 'after-completion-unsupported' });
      if (d.step === stepId) findings.push({ path: [...path, 'step'], code: 'self-step', params: { id: d.step } });
      else if (!steps.has(d.step)) findings.push({ path: [...path, 'step'], code: 'unknown-step', params: { id: d.step } });
      else if (order.get(d.step)! > order.get(stepId)!) findings.push({ path: [...path, 'step'], code: 'forward-step', params: { id: d.step } });
    }
  };

  /** Reports sent `to` a group go to each sender's own member of it, which the sender must name. */
  const agencyById = new Map(plan.agencies.map((a) => [a.id, a]));
  const groupById = new Map(plan.groups.map((g) => [g.id, g]));
  const reportsToGroup = (path: PathSegment[], from: string[], to: string) => {
    const group = groupById.get(to);
    if (!group) return;
    const members = new Set(group.members);
    for (const id of from.flatMap((f) => groupById.get(f)?.members ?? [f])) {
      const superior = agencyById.get(id)?.reportsTo;
      if (!superior || !members.has(superior)) findings.push({ path, code: 'no-reports-to', params: { id, group: to } });
    }
  };

  // The document itself.
  ref(['document', 'issuer'], plan.document.issuer, ['agency']);
  const year = plan.document.issuedOn ?? plan.document.period;
  if (plan.id === undefined && (plan.document.number === undefined || year === undefined)) {
    findings.push({ path: ['document', 'number'], code: 'needs-identity' });
  }
  const period = plan.document.period;
  if (period && period.from > period.to) {
    findings.push({ path: ['document', 'period'], code: 'period-order', params: { from: period.from, to: period.to } });
  }
  plan.objectives.forEach((o, i) => indicatorRefs(['objectives', i, 'indicators'], o.indicators));
  const declared = plan.declaredCounts;
  const listed = { objectives: plan.objectives.length, indicators: plan.indicators.length };
  for (const key of ['objectives', 'indicators'] as const) {
    const stated = declared?.[key];
    if (stated !== undefined && listed[key] > stated) {
      findings.push({ path: ['declaredCounts', key], code: 'declared-fewer', params: { declared: stated, listed: listed[key] } });
    }
  }

  // Parties.
  plan.agencies.forEach((a, i) => a.head && ref(['agencies', i, 'head'], a.head, ['person']));
  plan.agencies.forEach((a, i) => a.reportsTo && ref(['agencies', i, 'reportsTo'], a.reportsTo, ['agency']));
  plan.groups.forEach((g, i) => refs(['groups', i, 'members'], g.members, ['agency']));
  plan.people.forEach((p, i) => ref(['people', i, 'agency'], p.agency, ['agency']));

  // Work.
  plan.clauses.forEach((c, i) => {
    const at: PathSegment[] = ['clauses', i];
    ref([...at, 'lead'], c.lead, ['agency']);
    refs([...at, 'coordinators'], c.coordinators, ['agency', 'group']);
    refs([...at, 'assignees'], c.assignees, ['agency', 'group']);
    if (c.approver) ref([...at, 'approver'], c.approver, ['agency', 'person']);
    indicatorRefs([...at, 'indicators'], c.indicators);
    deadline([...at, 'deadline'], c.id, c.deadline);
  });
  plan.reporting.submissions.forEach((s, i) => {
    const at: PathSegment[] = ['reporting', 'submissions', i];
    refs([...at, 'from'], s.from, ['agency', 'group']);
    ref([...at, 'to'], s.to, ['agency', 'group']);
    if (s.via) ref([...at, 'via'], s.via, ['agency']);
    reportsToGroup([...at, 'to'], s.from, s.to);
    indicatorRefs([...at, 'indicators'], s.indicators);
    deadline([...at, 'deadline'], s.id, s.deadline);
  });
  const submissionIds = new Set(plan.reporting.submissions.map((s) => s.id));
  plan.reporting.consolidations.forEach((c, i) => {
    const at: PathSegment[] = ['reporting', 'consolidations', i];
    c.of.forEach((id, j) => submissionIds.has(id) || findings.push({ path: [...at, 'of', j], code: 'unknown-submission', params: { id } }));
    ref([...at, 'by'], c.by, ['agency']);
    refs([...at, 'to'], c.to, ['agency', 'group']);
    deadline([...at, 'deadline'], c.id, c.deadline);
  });

  // Approval and distribution.
  plan.approvals.forEach((a, i) => refs(['approvals', i, 'approvers'], a.approvers, ['person']));
  if (plan.signatory) ref(['signatory', 'person'], plan.signatory.person, ['person']);
  plan.recipients.forEach((r, i) => refs(['recipients', i, 'to'], r.to, ['agency', 'group', 'person']));

  return findings;
}

/** Years a dated deadline may fall outside the plan's own years: a late final report, work prepared the year before. */
export const DEADLINE_MARGIN_YEARS = { before: 1, after: 2 } as const;

/**
 * The days a plan's dated deadlines may fall on: its period (or the year after its issue when it states none)
 * widened by the margin; unknown without a period or an issue date.
 */
function planSpan(plan: Plan): { from: string; to: string } | undefined {
  const { period, issuedOn } = plan.document;
  const issueYear = issuedOn === undefined ? undefined : Number(issuedOn.slice(0, 4));
  const first = period?.from ?? issueYear;
  const last = period?.to ?? (issueYear === undefined ? undefined : issueYear + 1);
  if (first === undefined || last === undefined) return undefined;
  return { from: `${first - DEADLINE_MARGIN_YEARS.before}-01-01`, to: `${last + DEADLINE_MARGIN_YEARS.after}-12-31` };
}
