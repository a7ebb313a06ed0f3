// The clock's notices of assignments (reminders, the overdue notice, the escalation ladder): what each says and to whom,
// for whichever workflow sends them, and a page's schedule of them for the assignments it started. A page sends them
// for its own work (plan-step.ts): a commune that never reports then wakes only when its status moves, instead of at
// every notice (8 workflow tasks of its own, each with a send).
import type { Notice } from '../model/calendar';
import { noticeSchedule } from '../model/calendar';
import type { Notification } from '../model/notifications';
import type { AssignmentStatus } from '../model/status';
import type { AssignmentSpec } from '../model/work';
import { noticeKey, unsentNotices } from './assignment-rules';
import { notificationOf } from './notifications';
import type { AssignmentSummary, SentNotices, Undelivered } from './state';

/** What every notice about a piece of work says of it. */
export const workOf = (spec: AssignmentSpec) =>
  ({ stepId: spec.stepId, clauseText: spec.text, deliverable: spec.deliverable, stepTitle: spec.stepTitle, deadlineWords: spec.deadlineWords });

function recipientsOf(spec: AssignmentSpec, notice: Notice): AssignmentSpec['assignee'][] {
  if (notice.kind !== 'escalation') return [spec.assignee];
  switch (notice.to) {
    case 'assignee-head':
      return [spec.head];
    case 'lead':
      // A lead office late on its own work is chased by its leaders, not by itself.
      return spec.lead.id === spec.assignee.id ? spec.leaders : [spec.lead];
    case 'leader':
      return spec.leaders;
    default:
      return notice.to satisfies never;
  }
}

/** One notice of the clock as mail to each of its recipients, owned (keyed, linked) by the assignment `owner`. */
export function clockNotifications(owner: string, spec: AssignmentSpec, notice: Notice, key: string, lastDay: string): Notification[] {
  const work = workOf(spec);
  const data: Notification['data'] =
    notice.kind === 'reminder' ? { event: 'reminder', ...work, lastDay, workingDaysLeft: notice.workingDaysLeft }
      : notice.kind === 'overdue' ? { event: 'overdue', ...work, lastDay }
        : { event: 'escalation', ...work, lastDay, step: notice.step, target: notice.to, lateAgency: spec.assignee.name, workingDaysLate: notice.workingDaysLate };
  return recipientsOf(spec, notice).map((to) => notificationOf(owner, spec.plan, to, key, data, notice.at, spec.cycle?.key));
}

/** The lead office's word that mail about the work never went out, so it reaches the agency another way. */
export function undeliverableNotice(owner: string, spec: AssignmentSpec, n: Notification, reason: string): Notification | undefined {
  if (n.to.id === spec.lead.id) return undefined; // the mail was to the lead office itself
  const data: Notification['data'] = { event: 'undeliverable', ...workOf(spec), agency: n.to.name, address: n.to.emails.join(', '), reason };
  return notificationOf(owner, spec.plan, spec.lead, `undeliverable/${n.key}`, data, undefined, spec.cycle?.key);
}

/** One assignment's notices as its page keeps them. */
interface Followed {
  spec: AssignmentSpec;
  status: AssignmentStatus;
  lastDay?: string;
  /** The work's deadline version (its summaries say it): the keys of an old deadline's notices never come again. */
  version: number;
  /** As the assignment's scheduleFrom: notices before it are past (reminders dropped, lateness caught up). */
  from: number;
  sent: string[];
  reminders: number;
  escalationLevel: number;
  undeliverable: Undelivered[];
}

/** Mail that could not be delivered kept per assignment: enough for people to act on, bounded whatever happens. */
const UNDELIVERABLE_KEPT = 20;

/**
 * A page's notices for the assignments it started (at most a page's worth): it hears their deadlines and statuses in
 * their summaries, and sends each notice when it falls due.
 */
export class ClockNotices {
  private readonly followed = new Map<string, Followed>();
  private readonly schedules = new Map<string, Notice[]>(); // by last day, until the official days off change

  constructor(private readonly policy: AssignmentSpec['policy']) {}

  follow(id: string, spec: AssignmentSpec, first: AssignmentSummary, now: number): void {
    this.followed.set(id, {
      spec, status: first.status, lastDay: first.lastDay, version: 0, from: now, sent: [], reminders: 0, escalationLevel: 0, undeliverable: [],
    });
  }

  /**
   * What its assignment said (or the page concluded). A new deadline or a return restarts its notices; a last day
   * the official days off moved keeps those already sent. Work that ended keeps what was sent for it, and gets no more.
   */
  heard(s: AssignmentSummary, now: number): void {
    const f = this.followed.get(s.id);
    if (!f) return;
    const version = s.deadlineVersion ?? 0;
    if (version !== f.version) {
      f.version = version;
      f.from = now;
    } else if (s.status === 'returned' && f.status !== 'returned') f.from = now;
    f.lastDay = s.lastDay;
    f.status = s.status;
  }

  calendarChanged(): void {
    this.schedules.clear();
  }

  /** The reminders and highest escalation step sent for the assignment, if the page follows it. */
  counts(id: string): Pick<SentNotices, 'remindersSent' | 'escalationLevel'> | undefined {
    const f = this.followed.get(id);
    return f && { remindersSent: f.reminders, escalationLevel: f.escalationLevel };
  }

  sent(id: string): SentNotices | undefined {
    const f = this.followed.get(id);
    return f && { remindersSent: f.reminders, escalationLevel: f.escalationLevel, undeliverable: f.undeliverable };
  }

  /** Records mail of an assignment that could not be delivered; the lead office's word of it, to send. */
  undeliverable(n: Notification, reason: string, now: number): Notification | undefined {
    const owner = this.ownerOf(n);
    if (!owner) return undefined;
    if (owner.f.undeliverable.length < UNDELIVERABLE_KEPT) owner.f.undeliverable.push({ to: n.to.id, event: n.data.event, reason, at: now });
    return undeliverableNotice(owner.id, owner.f.spec, n, reason);
  }

  /** The first instant a notice of any assignment followed falls due (it may be now: one caught up). */
  next(): number | undefined {
    let next: number | undefined;
    for (const f of this.followed.values()) {
      const at = this.pending(f)[0]?.at;
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  nextFor(id: string): number | undefined {
    const f = this.followed.get(id);
    return f && this.pending(f)[0]?.at;
  }

  /** The notices due by `now`, as mail, marked sent. */
  due(now: number): Notification[] {
    const mail: Notification[] = [];
    for (const [id, f] of this.followed) {
      for (const notice of this.pending(f).filter((n) => n.at <= now)) {
        const key = noticeKey(notice, f.version);
        f.sent.push(key);
        if (notice.kind === 'reminder') f.reminders++;
        if (notice.kind === 'escalation') f.escalationLevel = Math.max(f.escalationLevel, notice.step);
        mail.push(...clockNotifications(id, f.spec, notice, key, f.lastDay!));
      }
    }
    return mail;
  }

  /** The assignment whose notice `n` is (ids of one page never prefix one another's notices: they end in `/`). */
  private ownerOf(n: Notification): { id: string; f: Followed } | undefined {
    for (const [id, f] of this.followed) if (n.key.startsWith(`${id}/`)) return { id, f };
    return undefined;
  }

  private pending(f: Followed): Notice[] {
    if (!f.lastDay) return [];
    let schedule = this.schedules.get(f.lastDay);
    if (!schedule) this.schedules.set(f.lastDay, (schedule = noticeSchedule(f.lastDay, this.policy)));
    return unsentNotices(schedule, { status: f.status, sent: f.sent, deadlineVersion: f.version, scheduleFrom: f.from });
  }
}
