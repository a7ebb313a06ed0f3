// A page's clock for the assignments it started (a small step's too): it keeps each one's last summary, moves them
// between the clock's statuses as their deadlines come (due soon, overdue) with one timer for all, and sends their
// clock's notices (clock-notices.ts), so an assignment nobody acts on neither signals nor wakes for them. The rules
// are assignment-rules.ts's; plan-step.ts forwards what the clock moves.
import { condition } from '@temporalio/workflow';
import type { AssignmentSpec } from '../model/work';
import { CLOCK_STATUSES } from '../model/status';
import { clockCounts, clockStatus, deadlineClock, nextClockChange, type DeadlineClock } from './assignment-rules';
import { ClockNotices } from './clock-notices';
import { Mailroom } from './notifications';
import { events } from './sinks';
import type { AssignmentSummary, SentNotices } from './state';

/** Which of its jobs a page's clock does: histories recorded before each keep the code they ran with (plan-step.ts). */
export interface ClockRules {
  /** Moves its assignments between the clock's statuses (`clock-statuses-by-parent`). */
  counts: boolean;
  /** Sends their clock's notices (`clock-notices-by-parent`). */
  sends: boolean;
  /** Answers for their clock's statuses where people look: they sleep through them (`clock-asleep`). */
  asleep: boolean;
}

export class PageClock {
  private readonly latest = new Map<string, AssignmentSummary>(); // each of its own assignments as last counted
  private readonly heardAt = new Map<string, number>(); // when each was last heard of (or moved by the clock)
  private readonly clocks = new Map<string, DeadlineClock>(); // by last day, until the official days off change
  private readonly notices: ClockNotices;
  private readonly mail: Mailroom;
  private replan = 0; // bumped when the clock may have to wake earlier than it planned
  private plannedAt: number | undefined;
  private stopped = false;

  /** `moved`: a summary the clock changed, for the page to count and forward like one its assignment sent. */
  constructor(
    private readonly policy: AssignmentSpec['policy'],
    private readonly rules: ClockRules,
    private readonly moved: (summary: AssignmentSummary) => void,
  ) {
    this.notices = new ClockNotices(policy);
    // Every notice goes out inside the page's task: nobody waits on a page's answer.
    this.mail = new Mailroom((n, reason) => {
      const word = this.notices.undeliverable(n, reason, Date.now());
      if (word) this.mail.post([word]);
    }, () => true);
  }

  /** An assignment the page starts, counted from the start as `first` says. */
  announce(id: string, spec: AssignmentSpec, first: AssignmentSummary, now: number): void {
    this.latest.set(id, first);
    if (this.rules.sends) this.notices.follow(id, spec, first, now);
  }

  last(id: string): AssignmentSummary | undefined {
    return this.latest.get(id);
  }

  /** A summary of one of its own assignments, as the clock has it now (undefined when it is not one of them). */
  heard(summary: AssignmentSummary, now: number): AssignmentSummary | undefined {
    if (!this.latest.has(summary.id)) return undefined;
    const s = this.onClock(summary, now);
    this.latest.set(s.id, s);
    this.heardAt.set(s.id, now);
    this.notices.heard(s, now);
    const moves = s.lastDay && this.rules.counts ? nextClockChange(this.clockOf(s.lastDay), now) : undefined;
    for (const at of [moves, this.notices.nextFor(s.id)]) if (at !== undefined && (this.plannedAt === undefined || at < this.plannedAt)) this.replan++;
    return s;
  }

  /** New official days off move deadlines counted in working days: every instant is found again. */
  calendarChanged(): void {
    this.clocks.clear();
    this.notices.calendarChanged();
    this.replan++;
  }

  /** What it sent for one of its assignments and, for work asleep, the status the clock has given it. */
  sent(id: string): SentNotices | undefined {
    const sent = this.notices.sent(id);
    const status = this.rules.asleep ? this.latest.get(id)?.status : undefined;
    return sent && (status ? { ...sent, status } : sent);
  }

  /** One timer for all its assignments (they share a deadline, or a few), until `stop`. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const seen = this.replan;
      this.plannedAt = this.nextWake(Date.now());
      const woken = () => this.stopped || this.replan !== seen;
      if (this.plannedAt === undefined) await condition(woken);
      else if (this.plannedAt <= Date.now() || !(await condition(woken, this.plannedAt - Date.now()))) {
        this.mail.post(this.notices.due(Date.now())); // before the moves, which count what was sent
        this.advance(Date.now());
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** A summary's status as the clock has it now (a signal may have taken a while to come). */
  private onClock(s: AssignmentSummary, now: number): AssignmentSummary {
    if (!this.rules.counts || !s.lastDay || !CLOCK_STATUSES.includes(s.status)) return s;
    const status = clockStatus(this.clockOf(s.lastDay), now);
    return status === s.status ? s : { ...s, status };
  }

  private clockOf(lastDay: string): DeadlineClock {
    let clock = this.clocks.get(lastDay);
    if (!clock) this.clocks.set(lastDay, (clock = deadlineClock(lastDay, this.policy)));
    return clock;
  }

  /** Its assignments on the clock whose status the clock has moved, counted as they would have said it. */
  private advance(now: number): void {
    for (const s of this.latest.values()) {
      if (!s.lastDay || !CLOCK_STATUSES.includes(s.status)) continue;
      const status = clockStatus(this.clockOf(s.lastDay), now);
      if (status === s.status) continue;
      this.moved({ ...s, status, ...(this.notices.counts(s.id) ?? this.countedByClock(s, now)) });
      if (this.rules.asleep) events.status(now, status, s.cycle, s.id); // the assignment would have said it waking

    }
  }

  /** The reminders and escalation step the assignment had, and those the clock gave it since it was heard of. */
  private countedByClock(s: AssignmentSummary, now: number): Pick<AssignmentSummary, 'remindersSent' | 'escalationLevel'> {
    const { reminders, escalationLevel } = clockCounts(s.lastDay!, this.policy, this.heardAt.get(s.id) ?? now, now);
    return { remindersSent: s.remindersSent + reminders, escalationLevel: Math.max(s.escalationLevel, escalationLevel) };
  }

  private nextWake(now: number): number | undefined {
    let next = this.notices.next();
    for (const s of this.latest.values()) {
      const at = s.lastDay && CLOCK_STATUSES.includes(s.status) ? nextClockChange(this.clockOf(s.lastDay), now) : undefined;
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }
}

