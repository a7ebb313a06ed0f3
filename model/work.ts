// Turns a plan into tracked work: one assignment per responsibility clause or report submission and per agency it
// names (a group such as "UBND các xã" gives one per member), each carrying what its workflow needs and no more.
import { z } from 'zod';
import { addDays, lastDay, recurringDays, type CivilDate } from './calendar';
import { documentNumber } from './ids';
import { Contact } from './notifications';
import { Deadline, Deliverable, Indicator, ReminderPolicy, type Agency, type Group, type Person, type Plan } from './plan';

export const AssignmentSpec = z.object({
  planId: z.string(),
  plan: z.object({ id: z.string(), number: z.string(), title: z.string() }),
  stepId: z.string(),
  stepKind: z.enum(['clause', 'submission']),
  text: z.string(),
  deliverable: Deliverable,
  assignee: Contact,
  /** Who is chased first when the assignee is late: its head, or the agency itself. */
  head: Contact,
  lead: Contact,
  coordinators: z.array(z.string()),
  /** Leaders at the top of the escalation ladder, who may also extend deadlines. */
  leaders: z.array(Contact),
  /** Ids allowed to review the report: the lead agency, or the clause's approver. */
  reviewers: z.array(z.string()),
  deadline: Deadline.optional(),
  lastDay: z.iso.date().optional(),
  /**
   * For a recurring deadline, the last day of every cycle until the plan ends; `lastDay` is the first. Absent in
   * assignments started before recurring cycles existed, whose histories must still replay.
   */
  cycles: z.array(z.iso.date()).optional(),
  indicators: z.array(Indicator),
  policy: ReminderPolicy,
});
export type AssignmentSpec = z.infer<typeof AssignmentSpec>;

/** What one agency's assignment adds to its step's common part. */
export type Assignee = Pick<AssignmentSpec, 'assignee' | 'head'>;

/** A step (clause or submission) and its assignees; the common part is stored once, not per agency. */
export interface StepSpec {
  stepId: string;
  kind: 'clause' | 'submission';
  common: Omit<AssignmentSpec, 'assignee' | 'head'>;
  assignees: Assignee[];
}

export const assignmentSpec = (step: StepSpec, assignee: Assignee): AssignmentSpec => ({ ...step.common, ...assignee });

/**
 * The plan's parties by id, built once per plan: a lookup per agency by `find` made expanding a group of 60,000
 * communes quadratic. Plans are never changed in place (rebase and tests make new ones), so the index stays true.
 */
const indexes = new WeakMap<Plan, { agencies: Map<string, Agency>; people: Map<string, Person>; groups: Map<string, Group> }>();
function partiesOf(plan: Plan) {
  let index = indexes.get(plan);
  if (!index) {
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
    index = { agencies: byId(plan.agencies), people: byId(plan.people), groups: byId(plan.groups) };
    indexes.set(plan, index);
  }
  return index;
}

/** The agencies a list of agency-or-group ids names, groups expanded, each once, in order. */
export function expandAgencies(plan: Plan, ids: string[]): string[] {
  const { groups } = partiesOf(plan);
  return [...new Set(ids.flatMap((id) => groups.get(id)?.members ?? [id]))];
}

function contactOf(plan: Plan, id: string): Contact {
  const agency = partiesOf(plan).agencies.get(id);
  if (agency) return { id, name: agency.name, emails: agency.emails, language: agency.language };
  const person = partiesOf(plan).people.get(id);
  if (person) return { id, name: person.name ? `${person.title} ${person.name}` : person.title, emails: [person.email], language: person.language };
  const group = partiesOf(plan).groups.get(id);
  if (group) return { id, name: group.name, emails: expandAgencies(plan, [id]).flatMap((a) => contactOf(plan, a).emails), language: 'vi' };
  throw new Error(`unknown party "${id}"`);
}

export const contacts = (plan: Plan, ids: string[]): Contact[] => ids.map((id) => contactOf(plan, id));

/** The people who approve a stage: those the plan lists, else the signatory. */
export function approversOf(plan: Plan, stage: string): string[] {
  const listed = plan.approvals.find((a) => a.stage === stage)?.approvers;
  if (listed) return listed;
  return plan.signatory ? [plan.signatory.person] : [];
}

/** Every party named in "Nơi nhận", groups expanded, each once; archive lines name nobody. */
export function recipientIds(plan: Plan): string[] {
  const groups = new Set(plan.groups.map((g) => g.id));
  const ids = plan.recipients.flatMap((r) => r.to);
  return [...new Set(ids.flatMap((id) => (groups.has(id) ? expandAgencies(plan, [id]) : [id])))];
}

/** The plan's last day: the end of its period, or a year after issue when it states none. */
export function planEnd(plan: Plan, issuedOn: CivilDate): CivilDate {
  return plan.document.period ? `${plan.document.period.to}-12-31` : addDays(issuedOn, 365);
}

/** Every step of the plan with its assignments, deadlines resolved against the issue date. */
export function stepsOf(plan: Plan, planId: string, issuedOn: CivilDate): StepSpec[] {
  const planRef = { id: planId, number: documentNumber(plan), title: plan.document.title };
  const leaders = contacts(plan, approversOf(plan, 'issue'));
  const indicators = new Map(plan.indicators.map((i) => [i.id, i]));
  const stepDays: Record<string, { dueOn?: CivilDate }> = {};
  const build = (
    stepId: string, kind: StepSpec['kind'], base: { text: string; lead: string; coordinators: string[]; assignees: string[];
      deliverable: z.infer<typeof Deliverable>; deadline?: z.infer<typeof Deadline>; reviewer?: string; indicatorIds: string[];
      reminders?: Partial<ReminderPolicy> },
  ): StepSpec => {
    const cycles = base.deadline?.kind === 'recurring' ? recurringDays(base.deadline, issuedOn, planEnd(plan, issuedOn)) : [];
    const due = base.deadline && (cycles[0] ?? lastDay(base.deadline, { issuedOn, steps: stepDays }));
    stepDays[stepId] = { dueOn: due };
    const common: StepSpec['common'] = {
      planId, plan: planRef, stepId, stepKind: kind, text: base.text, deliverable: base.deliverable, lead: contactOf(plan, base.lead),
      coordinators: contacts(plan, base.coordinators).map((c) => c.name), leaders,
      reviewers: [base.lead, ...(base.reviewer ? [base.reviewer] : [])], deadline: base.deadline, lastDay: due, cycles,
      indicators: base.indicatorIds.map((id) => indicators.get(id)!), policy: { ...plan.reminderPolicy, ...base.reminders },
    };
    const assignees = expandAgencies(plan, base.assignees).map((agencyId): Assignee => {
      const agency = partiesOf(plan).agencies.get(agencyId)!;
      return { assignee: contactOf(plan, agencyId), head: contactOf(plan, agency.head ?? agencyId) };
    });
    return { stepId, kind, common, assignees };
  };
  return [
    ...plan.clauses.map((c) =>
      build(c.id, 'clause', { ...c, reviewer: c.approver, indicatorIds: c.indicators, deliverable: c.due })),
    ...plan.reporting.submissions.map((s) =>
      build(s.id, 'submission', {
        text: s.text ?? plan.reporting.text ?? s.id, lead: s.to, coordinators: [], assignees: s.from, deliverable: 'report',
        deadline: s.deadline, indicatorIds: s.indicators, reminders: s.reminders,
      })),
  ];
}
