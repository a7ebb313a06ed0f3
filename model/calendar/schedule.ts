// When to remind, notify and escalate for one deadline, from the plan's policy. Every notice lands at the start of
// office hours on a working day, so nobody is chased on a Sunday or at midnight.
import type { EscalationTarget, ReminderPolicy } from '../plan';
import { instantAt, type CivilDate } from './civil-date';
import { addWorkingDays } from './working-days';

export type Notice =
  | { kind: 'reminder'; date: CivilDate; at: number; workingDaysLeft: number }
  | { kind: 'overdue'; date: CivilDate; at: number }
  | { kind: 'escalation'; date: CivilDate; at: number; step: number; to: EscalationTarget; workingDaysLate: number };

const ORDER: Record<Notice['kind'], number> = { reminder: 0, overdue: 1, escalation: 2 };

/**
 * The notices for a deadline whose last day is `lastDay`: a reminder N working days before it for each N of the
 * policy, an overdue notice on the first working day after it, and escalation step k N working days after it.
 * Sorted by instant; an overdue notice and the first escalation may share one (they go to different people).
 */
export function noticeSchedule(lastDay: CivilDate, policy: ReminderPolicy): Notice[] {
  const at = (date: CivilDate) => instantAt(date, policy.officeHours.start);
  const reminders = [...new Set(policy.remindBefore)].map((n): Notice => {
    const date = addWorkingDays(lastDay, -n);
    return { kind: 'reminder', date, at: at(date), workingDaysLeft: n };
  });
  const overdueDate = addWorkingDays(lastDay, 1);
  const overdue: Notice[] = policy.overdueNotice ? [{ kind: 'overdue', date: overdueDate, at: at(overdueDate) }] : [];
  const escalations = policy.escalateAfter.map((e, i): Notice => {
    const date = addWorkingDays(lastDay, e.after);
    return { kind: 'escalation', date, at: at(date), step: i + 1, to: e.to, workingDaysLate: e.after };
  });
  return [...reminders, ...overdue, ...escalations].sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}
