// Turns a plan into tracked work: one assignment per responsibility clause or report submission, per agency it
// names (a group such as "UBND các xã" gives one per member) and, for recurring work, per reporting cycle. Each
// carries what its workflow needs and no more.
import { z } from 'zod';
import { addDays, countFrom, instantAt, lastDay, OfficialBreak, recurringCycles, type CivilDate, type Cycle, type DayUnit } from './calendar';
import { noticePlan, noticeWork } from './notice-context';
import { Contact } from './notifications';
import { Deadline, Deliverable, Indicator, ReminderPolicy, type Agency, type Plan } from './plan';

/** A deadline counted in days from an event: recomputed when the official days off change. */
export const Counted = z.object({ from: z.iso.date(), days: z.number().int().nonnegative(), unit: z.enum(['working-days', 'days']) });
export type Counted = z.infer<typeof Counted>;

export const AssignmentSpec = z.object({
  planId: z.string(),
  plan: z.object({ id: z.string(), number: z.string(), title: z.string(), issuer: z.string().optional(), issuedOn: z.iso.date().optional() }),
  stepId: z.string(),
  /** The step as people name it and its deadline in the plan's own words, for notices (absent in older specs). */
  stepTitle: z.string().optional(),
  deadlineWords: z.string().optional(),
  stepKind: z.enum(['clause', 'submission']),
  text: z.string(),
  deliverable: Deliverable,
  assignee: Contact,
  /** Who is chased first when the assignee is late: its head, or the agency itself. */
  head: Contact,
  /** Who receives and reviews the report: the lead agency, the sender's own superior, or the office it passes through. */
  lead: Contact,
  /** Also told when a report arrives: the final recipient of reports that pass through another office. */
  informed: z.array(Contact).default([]),
  coordinators: z.array(z.string()),
  /** Leaders at the top of the escalation ladder, who may also extend deadlines. */
  leaders: z.array(Contact),
  /** Ids allowed to review the report: never the assignee itself (the approver or the leaders review the lead office). */
  reviewers: z.array(z.string()),
  deadline: Deadline.optional(),
  lastDay: z.iso.date().optional(),
  /** How `lastDay` was counted, when it was: a new official day off moves it. */
  counted: Counted.optional(),
  /** The reporting cycle of recurring work (`2027`, `2027-q1`), with its label (`năm 2027`). */
  cycle: z.object({ key: z.string(), label: z.string() }).optional(),
  indicators: z.array(Indicator),
  policy: ReminderPolicy,
  /** Official days off announced after planflow shipped, as known when the work started. */
  calendar: z.array(OfficialBreak).default([]),
});
export type AssignmentSpec = z.infer<typeof AssignmentSpec>;

/** What one agency's assignment adds to its step's common part; `lead` when it is not the step's. */
export interface Assignee {
  assignee: Contact;
  head: Contact;
  lead?: Contact;
}

/** One cycle of a step: opened on `opensOn` (the day after the previous cycle's last day, or the issue). */
export interface StepCycle {
  key: string;
  label: string;
  opensOn: CivilDate;
  lastDay: CivilDate;
  counted?: Counted;
}

/** A step (clause or submission) and its assignees; the common part is stored once, not per agency. */
export interface StepSpec {
  stepId: string;
  kind: 'clause' | 'submission';
  common: Omit<AssignmentSpec, 'assignee' | 'head' | 'reviewers' | 'cycle'> & { approver?: string };
  assignees: Assignee[];
  /** Recurring work: every cycle, each opened on its own schedule whatever happened to the one before. */
  cycles?: StepCycle[];
}

/** One agency's assignment of a step, for one cycle of recurring work. */
export function assignmentSpec(step: StepSpec, a: Assignee, cycle?: StepCycle): AssignmentSpec {
  const { approver, ...common } = step.common;
  const lead = a.lead ?? common.lead;
  // Nobody reviews their own report: when the lead office is itself the assignee, the approver or the leaders do.
  const reviewers = [lead.id, ...(approver ? [approver] : [])].filter((id) => id !== a.assignee.id);
  return {
    ...common,
    lead,
    assignee: a.assignee,
    head: a.head,
    reviewers: reviewers.length ? reviewers : common.leaders.map((l) => l.id).filter((id) => id !== a.assignee.id),
    ...(cycle && { cycle: { key: cycle.key, label: cycle.label }, lastDay: cycle.lastDay, counted: cycle.counted }),
  };
}

/** Lookups built once per plan: plans name tens of thousands of communes, so nothing here searches a list. */
export class PlanIndex {
  readonly agencies: Map<string, Agency>;
  private readonly groups: Map<string, string[]>;
  private readonly people: Map<string, Plan['people'][number]>;

  private static readonly built = new WeakMap<Plan, PlanIndex>();

  /** The index of a plan, built once: plans are never changed in place (rebase, amendments and tests make new ones). */
  static of(plan: Plan): PlanIndex {
    let index = PlanIndex.built.get(plan);
    if (!index) PlanIndex.built.set(plan, (index = new PlanIndex(plan)));
    return index;
  }

  constructor(readonly plan: Plan) {
    this.agencies = new Map(plan.agencies.map((a) => [a.id, a]));
    this.groups = new Map(plan.groups.map((g) => [g.id, g.members]));
    this.people = new Map(plan.people.map((p) => [p.id, p]));
  }

  isGroup = (id: string) => this.groups.has(id);

  /** The agencies a list of agency-or-group ids names, groups expanded, each once, in order. */
  expand(ids: string[]): string[] {
    return [...new Set(ids.flatMap((id) => this.groups.get(id) ?? [id]))];
  }

  contact(id: string): Contact {
    const agency = this.agencies.get(id);
    if (agency) return { id, name: agency.name, emails: agency.emails, language: agency.language };
    const person = this.people.get(id);
    if (person) return { id, name: person.name ? `${person.title} ${person.name}` : person.title, emails: [person.email], language: person.language };
    const members = this.groups.get(id);
    const group = members && this.plan.groups.find((g) => g.id === id);
    if (group) return { id, name: group.name, emails: this.expand([id]).flatMap((a) => this.contact(a).emails), language: 'vi' };
    throw new Error(`unknown party "${id}"`);
  }

  contacts = (ids: string[]): Contact[] => ids.map((id) => this.contact(id));
}

export const expandAgencies = (plan: Plan, ids: string[]): string[] => PlanIndex.of(plan).expand(ids);
export const contacts = (plan: Plan, ids: string[]): Contact[] => PlanIndex.of(plan).contacts(ids);

/** The people who approve a stage: those the plan lists, else the signatory. */
export function approversOf(plan: Plan, stage: string): string[] {
  const listed = plan.approvals.find((a) => a.stage === stage)?.approvers;
  if (listed) return listed;
  return plan.signatory ? [plan.signatory.person] : [];
}

/** Every party named in "Nơi nhận", groups expanded, each once; archive lines name nobody. */
export function recipientIds(plan: Plan): string[] {
  return PlanIndex.of(plan).expand(plan.recipients.flatMap((r) => r.to));
}

/** The plan's last day: the end of its period, or a year after issue when it states none. */
export function planEnd(plan: Plan, issuedOn: CivilDate): CivilDate {
  return plan.document.period ? `${plan.document.period.to}-12-31` : addDays(issuedOn, 365);
}

/** The cycles of a recurring deadline within the plan, bounded by its own years or else the plan's period. */
export function cyclesOf(plan: Plan, deadline: Extract<Deadline, { kind: 'recurring' }>, issuedOn: CivilDate): StepCycle[] {
  const cycles: Cycle[] = recurringCycles(deadline, issuedOn, planEnd(plan, issuedOn), deadline.years ?? plan.document.period);
  return cycles.map((c, i) => ({
    key: c.key,
    label: c.label.vi,
    opensOn: i === 0 ? issuedOn : addDays(cycles[i - 1]!.lastDay, 1),
    lastDay: c.lastDay,
    counted: deadline.afterCutoff && { from: c.cutoffEnd, ...deadline.afterCutoff },
  }));
}

/**
 * When a cycle opens: the first at the plan's issue, each later one at the start of office hours on the day after
 * the previous cycle's last day, so its assignment notice does not go out at midnight.
 */
export function cycleOpensAt(cycle: StepCycle, issuedOn: CivilDate, officeStart: string): number {
  return cycle.opensOn <= issuedOn ? instantAt(issuedOn) : instantAt(cycle.opensOn, officeStart);
}

/** How a one-off deadline is counted, when it is counted in days from an event. */
function countedOf(deadline: Deadline | undefined, issuedOn: CivilDate, stepDays: Record<string, { dueOn?: CivilDate }>): Counted | undefined {
  if (deadline?.kind === 'after-issue') return { from: issuedOn, days: deadline.days, unit: deadline.unit };
  if (deadline?.kind !== 'after-step' || deadline.event !== 'deadline') return undefined;
  const from = stepDays[deadline.step]?.dueOn;
  return from === undefined ? undefined : { from, days: deadline.days, unit: deadline.unit };
}

/** The last day a counted deadline gives under today's calendar. */
export const countedLastDay = (c: Counted): CivilDate => countFrom(c.from, c.days, c.unit satisfies DayUnit);

interface StepBase {
  text: string;
  lead: string;
  via?: string;
  coordinators: string[];
  assignees: string[];
  deliverable: z.infer<typeof Deliverable>;
  deadline?: Deadline;
  approver?: string;
  indicatorIds: string[];
  reminders?: Partial<ReminderPolicy>;
}

/** One agency's part of a step; `toOwnSuperior` when it reports to its own member of a group (`reportsTo`). */
function assignee(index: PlanIndex, agencyId: string, toOwnSuperior: boolean): Assignee {
  const agency = index.agencies.get(agencyId)!;
  const lead = toOwnSuperior && agency.reportsTo ? index.contact(agency.reportsTo) : undefined;
  return { assignee: index.contact(agencyId), head: index.contact(agency.head ?? agencyId), ...(lead && { lead }) };
}

/** An agency joining a running step (an amendment), reporting the way the step's other agencies do. */
export const assigneeFor = (index: PlanIndex, step: StepSpec, agencyId: string): Assignee =>
  assignee(index, agencyId, step.assignees.some((a) => a.lead !== undefined));

/** Every step of the plan with its assignments, deadlines resolved against the issue date. */
export function stepsOf(plan: Plan, planId: string, issuedOn: CivilDate, calendar: OfficialBreak[] = []): StepSpec[] {
  const index = PlanIndex.of(plan);
  const planRef = { ...noticePlan(plan, planId), issuedOn };
  const leaders = index.contacts(approversOf(plan, 'issue'));
  const indicators = new Map(plan.indicators.map((i) => [i.id, i]));
  const stepDays: Record<string, { dueOn?: CivilDate }> = {};

  const build = (stepId: string, kind: StepSpec['kind'], base: StepBase): StepSpec => {
    const cycles = base.deadline?.kind === 'recurring' ? cyclesOf(plan, base.deadline, issuedOn) : undefined;
    const due = cycles ? cycles[0]?.lastDay : base.deadline && lastDay(base.deadline, { issuedOn, steps: stepDays });
    stepDays[stepId] = { dueOn: due };
    // Reports sent "to" a group go to each sender's own member of it; through an office, that office receives them.
    const toGroup = index.isGroup(base.lead);
    const receiver = base.via ?? (toGroup ? undefined : base.lead);
    const common: StepSpec['common'] = {
      planId, plan: planRef, stepId, ...noticeWork(plan, stepId, base.deadline), stepKind: kind, text: base.text, deliverable: base.deliverable,
      lead: index.contact(receiver ?? base.lead), informed: base.via && !toGroup ? [index.contact(base.lead)] : [],
      coordinators: index.contacts(base.coordinators).map((c) => c.name), leaders, approver: base.approver,
      deadline: base.deadline, lastDay: due, counted: cycles ? undefined : countedOf(base.deadline, issuedOn, stepDays),
      indicators: base.indicatorIds.map((id) => indicators.get(id)!), policy: { ...plan.reminderPolicy, ...base.reminders }, calendar,
    };
    const assignees = index.expand(base.assignees).map((agencyId) => assignee(index, agencyId, toGroup && !base.via));
    return { stepId, kind, common, assignees, ...(cycles && { cycles }) };
  };
  return [
    ...plan.clauses.map((c) =>
      build(c.id, 'clause', { ...c, indicatorIds: c.indicators, deliverable: c.due })),
    ...plan.reporting.submissions.map((s) =>
      build(s.id, 'submission', {
        text: s.text ?? plan.reporting.text ?? s.id, lead: s.to, via: s.via, coordinators: [], assignees: s.from, deliverable: 'report',
        deadline: s.deadline, indicatorIds: s.indicators, reminders: s.reminders,
      })),
  ];
}
