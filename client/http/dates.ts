// Working days left to a last day, counted as offices count them (model/calendar: weekends, holidays, swapped days).
import { addDays, civilDateAt, isWorkingDay, type CivilDate } from '../../model/calendar';

/** Ten years of days: a bound, since no plan's deadline lies further. */
const MAX_DAYS = 3660;

/** Working days after today up to and including `lastDay`; negative when the last day has passed (days late). */
export function workingDaysLeft(lastDay: CivilDate, now: Date): number {
  const today = civilDateAt(now.getTime());
  if (lastDay === today) return 0;
  const forward = lastDay > today;
  let count = 0;
  let day = today;
  for (let i = 0; i < MAX_DAYS && day !== lastDay; i += 1) {
    day = addDays(day, forward ? 1 : -1);
    if (isWorkingDay(day)) count += 1;
  }
  return forward ? count : -count;
}
