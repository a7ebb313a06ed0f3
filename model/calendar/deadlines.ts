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
      const named = deadline.day !== undefined ? dayOfMonthAfter(period.cutoff.to, deadline.day) : yearlyDay(period.year, deadline.on ?? '12-31');
      return deadline.wording === 'before' ? addDays(named, -1) : named;
    }
    case 'month': {
      const [year, month] = deadline.month.split('-').map(Number) as [number, number];
      return addDays(civilDate(year, month + 1, 1), -1);
    }
  }
}

function yearlyDay(year: number, monthDay: string): CivilDate {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return clampedDate(year, month, day);
}

/** "ngày 20 hằng tháng" for a period: the first 20th after its data cut-off (the 14th of its last month). */
function dayOfMonthAfter(cutoffEnd: CivilDate, day: number): CivilDate {
  const [year, month, cutDay] = cutoffEnd.split('-').map(Number) as [number, number, number];
  return day > cutDay ? clampedDate(year, month, day) : clampedDate(year, month + 1, day);
}

/** Day 31 of a 30-day month is its last day, not the 1st of the next. */
function clampedDate(year: number, month: number, day: number): CivilDate {
  const lastOfMonth = Number(addDays(civilDate(year, month + 1, 1), -1).slice(8, 10));
  return civilDate(year, month, Math.min(day, lastOfMonth));
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

/** One cycle of recurring work: the reporting period it covers and its last day. */
export interface Cycle {
  /** Stable and readable, part of workflow ids: `2027`, `2027-h1`, `2027-q3`, `2027-05`, `2027-9m`. */
  key: string;
  label: { vi: string; en: string };
  lastDay: CivilDate;
  /** The end of the period's data cut-off, from which `afterCutoff` deadlines count. */
  cutoffEnd: CivilDate;
}

const PERIOD_KEY: Record<PeriodKind, (p: ReportingPeriod) => string> = {
  year: (p) => `${p.year}`,
  'half-year': (p) => `${p.year}-h${p.index}`,
  quarter: (p) => `${p.year}-q${p.index}`,
  month: (p) => `${p.year}-${String(p.index).padStart(2, '0')}`,
  'nine-months': (p) => `${p.year}-9m`,
};

/**
 * The cycles of a recurring deadline whose last day falls from `from` to `until`, one per reporting period, only
 * periods of the years `years` when given ("hằng năm, giai đoạn 2021–2025": five cycles), at most 200.
 */
export function recurringCycles(
  deadline: Extract<Deadline, { kind: 'recurring' }>, from: CivilDate, until: CivilDate, years?: { from: number; to: number },
): Cycle[] {
  const cycles: Cycle[] = [];
  for (const period of periodsFrom(deadline.every, from)) {
    const day = lastDay(deadline, { period });
    if (day === undefined || day > until || cycles.length >= 200 || (years && period.year > years.to)) break;
    if (day < from || (years && period.year < years.from) || cycles.some((c) => c.lastDay === day)) continue;
    cycles.push({ key: PERIOD_KEY[period.kind](period), label: period.label, lastDay: day, cutoffEnd: period.cutoff.to });
  }
  return cycles;
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
