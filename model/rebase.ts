// Shifts every date of a plan so that it is issued on a given day: a rehearsal of a real (past) plan in real time.
// The reference is the issue date, else the latest document it implements, else the first day of its period.
import { addDays, dayNumber, yearOf, type CivilDate } from './calendar';
import type { Deadline, Plan } from './plan';

export function referenceDate(plan: Plan): CivilDate {
  const implemented = plan.document.implements.map((d) => d.issuedOn).filter((d): d is string => d !== undefined).sort();
  return plan.document.issuedOn ?? implemented.at(-1) ?? `${plan.document.period?.from ?? 2000}-01-01`;
}

export function rebasePlan(plan: Plan, issuedOn: CivilDate): Plan {
  const reference = referenceDate(plan);
  const days = dayNumber(issuedOn) - dayNumber(reference);
  const years = yearOf(issuedOn) - yearOf(reference);
  const shift = (d: CivilDate) => addDays(d, days);
  const deadline = <D extends Deadline | undefined>(d: D): D => (d?.kind === 'date' ? { ...d, date: shift(d.date) } : d);
  const { period } = plan.document;
  return {
    ...plan,
    // A plan identified by its own id gets a new one, so the rehearsal never collides with the original.
    id: plan.id && `${plan.id}-r${issuedOn.replace(/-/g, '')}`,
    document: {
      ...plan.document,
      issuedOn: plan.document.issuedOn && issuedOn,
      period: period && { from: period.from + years, to: period.to + years },
    },
    indicators: plan.indicators.map((i) => ({ ...i, targets: i.targets.map((t) => ({ ...t, by: shift(t.by) })) })),
    clauses: plan.clauses.map((c) => ({ ...c, deadline: deadline(c.deadline) })),
    reporting: {
      ...plan.reporting,
      submissions: plan.reporting.submissions.map((s) => ({ ...s, deadline: deadline(s.deadline) })),
      consolidations: plan.reporting.consolidations.map((c) => ({ ...c, deadline: deadline(c.deadline) })),
    },
  };
}
