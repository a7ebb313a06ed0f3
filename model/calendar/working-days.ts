// Working days for civil servants: Monday to Friday, less the days off of holidays.ts, plus swapped Saturdays.
import { addDays, weekday, type CivilDate } from './civil-date';
import { dayOffOn, derivedDays, swappedWorkingDayOn, type DayOff } from './holidays';

export type DayStatus =
  | { working: true; reason: 'weekday' | 'swapped-working-day'; source?: string }
  | { working: false; reason: 'weekend' }
  | { working: false; reason: 'day-off'; dayOff: DayOff };

export function dayStatus(date: CivilDate): DayStatus {
  const dayOff = dayOffOn(date);
  if (dayOff) return { working: false, reason: 'day-off', dayOff };
  const swapped = swappedWorkingDayOn(date);
  if (swapped) return { working: true, reason: 'swapped-working-day', source: swapped.source };
  const wd = weekday(date);
  return wd === 0 || wd === 6 ? { working: false, reason: 'weekend' } : { working: true, reason: 'weekday' };
}

export function isWorkingDay(date: CivilDate): boolean {
  return dayStatus(date).working;
}

/** The first working day strictly after (step 1) or before (step -1) a date. */
function nextWorking(date: CivilDate, step: 1 | -1): CivilDate {
  // Counting a deadline walks the same days again and again (each reminder, each clock): remembered per decisions.
  const known = derivedDays();
  const key = `${date}${step}`;
  let d = known.get(key);
  if (d === undefined) {
    d = addDays(date, step);
    while (!isWorkingDay(d)) d = addDays(d, step);
    known.set(key, d);
  }
  return d;
}

export const nextWorkingDay = (date: CivilDate) => nextWorking(date, 1);
export const previousWorkingDay = (date: CivilDate) => nextWorking(date, -1);

/** The date itself if it is a working day, else the next one (Civil Code Art. 148(5)). */
export function onOrAfterWorkingDay(date: CivilDate): CivilDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/**
 * Counts N working days from a date, not counting the date itself (Art. 147: a period starts the day after the
 * event): N > 0 forward, N < 0 backward. `addWorkingDays(friday, 1)` is the next Monday.
 */
export function addWorkingDays(date: CivilDate, n: number): CivilDate {
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = nextWorking(d, n > 0 ? 1 : -1);
  return d;
}
