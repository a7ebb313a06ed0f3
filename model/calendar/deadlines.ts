// Turns a deadline as a coordinator writes it into the last day the work may be done and the instant it ends.
//
// Wording, decided once for every plan:
// - "trước ngày X" (before X): the last day is X − 1; it is a fixed date, not a period, so it is not moved.
// - "đến ngày X", "chậm nhất ngày X" (by X): the last day is X itself, not moved either.
// - "trong vòng N ngày làm việc kể từ ngày ban hành": counting starts the day after issue (Civil Code Art. 147);
//   the last day is the N-th working day after the issue date.
// - "N ngày kể từ ...": the last day is the N-th calendar day after the event, moved to the next working day
//   when it is a weekend or a day off (Art. 148(5)).
// In every case the period ends at 24:00 of the last day (Art. 148).
import type { Deadline } from '../plan';
import { addDays, civilDate, endOfDay, yearOf, type CivilDate } from './civil-date';
import { periodContaining, type PeriodKind, type ReportingPeriod } from './reporting-periods';
import { addWorkingDays, onOrAfterWorkingDay } from './working-days';

export interface DeadlineContext {
  /** The plan's issue date. */
  issuedOn?: CivilDate;
  /** Last days and completion dates of other steps, for `after-step` deadlines. */
  steps?: Record<string, { dueOn?: CivilDate; completedOn?: CivilDate }>;
  /** The reporting period a recurring deadline is computed for. */
  period?: ReportingPeriod;
}

export type DayUnit = 'working-days' | 'days';

/** N days after an event, counted from the day after it; calendar periods end on a working day. */
export function countFrom(event: CivilDate, days: number, unit: DayUnit): CivilDate {
  return unit === 'working-days' ? addWorkingDays(event, days) : onOrAfterWorkingDay(addDays(event, days));
}

/** The last day of a deadline, or undefined while the event it counts from has not happened. */
export function lastDay(deadline: Deadline, context: DeadlineContext): CivilDate | undefined {
  switch (deadline.kind) {
    case 'date':
      return deadline.wording === 'before' ? addDays(deadline.date, -1) : deadline.date;
    case 'after-issue':
      return context.issuedOn && countFrom(context.issuedOn, deadline.days, deadline.unit);
    case 'after-step': {
      const step = context.steps?.[deadline.step];
      const event = deadline.event === 'deadline' ? step?.dueOn : step?.completedOn;
      return event && countFrom(event, deadline.days, deadline.unit);
    }
    case 'recurring': {
      const period = context.period;
      if (!period) return undefined;
      if (deadline.afterCutoff) return countFrom(period.cutoff.to, deadline.afterCutoff.days, deadline.afterCutoff.unit);
      const [month, day] = (deadline.on ?? '12-31').split('-').map(Number) as [number, number];
      return civilDate(period.year, month, day);
    }
  }
}

/** The instant a deadline passes: 24:00 of its last day in Vietnam. */
export function deadlineInstant(day: CivilDate): number {
  return endOfDay(day);
}

/** The reporting periods of a kind from the one holding `from` on (a nine-month period per year). */
function* periodsFrom(kind: PeriodKind, from: CivilDate): Generator<ReportingPeriod> {
  if (kind === 'nine-months') {
    for (let year = yearOf(from); ; year++) yield periodContaining('nine-months', `${year}-06-01`)!;
  }
  for (let p = periodContaining(kind, from); p; p = periodContaining(kind, addDays(p.cutoff.to, 1))) yield p;
}

/**
 * Every last day of a recurring deadline from `from` to `until`, one per reporting period (at most 200): a plan
 * that reports yearly from 2019 to 2025 gets seven cycles.
 */
export function recurringDays(deadline: Extract<Deadline, { kind: 'recurring' }>, from: CivilDate, until: CivilDate): CivilDate[] {
  const days: CivilDate[] = [];
  for (const period of periodsFrom(deadline.every, from)) {
    const day = lastDay(deadline, { period });
    if (day === undefined || day > until || days.length >= 200) break;
    if (day >= from && !days.includes(day)) days.push(day);
  }
  return days;
}
