// Work that sleeps through its clock (workflows/assignment.ts, `clockAsleep`) keeps in PlanflowStatus the status it
// had when it last woke; as its deadline comes it falls due soon and overdue without writing it. Lists find its status
// now from PlanflowLastDay and PlanflowDueSoon, written with it, and filter by the same rule. Work started before it
// slept writes every status itself and has no PlanflowDueSoon; the same rule reads it as it is.
import { CLOCK_STATUSES, type AssignmentStatus } from '../../model/status';
import { ASSIGNMENT_DUE_SOON, ASSIGNMENT_LAST_DAY, ASSIGNMENT_STATUS } from '../../workflows/search-attributes';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The status at `now` of work whose search attributes say `status`, `lastDay` (00:00 of its last day, in Vietnam)
 * and `dueSoon`: overdue from 24:00 of its last day (model/calendar), due soon from its first reminder.
 */
export function statusNow(status: AssignmentStatus, lastDay: Date | undefined, dueSoon: Date | undefined, now: Date): AssignmentStatus {
  if (!CLOCK_STATUSES.includes(status) || lastDay === undefined) return status;
  if (now.getTime() >= lastDay.getTime() + DAY_MS) return 'overdue';
  if (status === 'not-due' && dueSoon !== undefined && now.getTime() >= dueSoon.getTime()) return 'due-soon';
  return status;
}

/** A visibility filter for the work whose status at `now` (statusNow) is `status`. */
export function statusFilter(status: AssignmentStatus, now: Date): string {
  const [s, lastDay, dueSoon] = [ASSIGNMENT_STATUS.name, ASSIGNMENT_LAST_DAY.name, ASSIGNMENT_DUE_SOON.name];
  const at = (ms: number) => `'${new Date(ms).toISOString()}'`;
  const overdueIfStartedBy = at(now.getTime() - DAY_MS);
  switch (status) {
    case 'overdue':
      return `${s} IN ('not-due', 'due-soon', 'overdue') AND ${lastDay} <= ${overdueIfStartedBy}`;
    case 'due-soon':
      return `${s} IN ('not-due', 'due-soon') AND ${lastDay} > ${overdueIfStartedBy} AND (${s} = 'due-soon' OR ${dueSoon} <= ${at(now.getTime())})`;
    case 'not-due':
      return `${s} = 'not-due' AND ${lastDay} > ${overdueIfStartedBy} AND (${dueSoon} IS NULL OR ${dueSoon} > ${at(now.getTime())})`;
    case 'no-deadline':
    case 'submitted':
    case 'returned':
    case 'done-on-time':
    case 'done-late':
    case 'cancelled':
    case 'reassigned':
      return `${s} = '${status}'`;
  }
}
