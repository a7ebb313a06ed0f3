// What notices need to say beyond the event itself, computed from the plan or an assignment's spec: the plan's
// number, title, issuer and date; the step's title and the plan's own deadline words; the indicators to report
// with their units; where a plan stands when its close is asked for. Pure, so workflows can call it.
import { deadlineWords } from './deadline-words';
import { documentNumber } from './ids';
import type { Deadline, Indicator, Plan } from './plan';
import type { CloseSummary, Notification } from './notifications';
import type { Scorecard } from './status';
import { stepTitle } from './step-title';

/** `Notification.plan` with the issuer's name and the issue date, which every message quotes. */
export function noticePlan(plan: Plan, planId: string): Notification['plan'] {
  const issuer = plan.agencies.find((a) => a.id === plan.document.issuer)?.name;
  return { id: planId, number: documentNumber(plan), title: plan.document.title, issuer, issuedOn: plan.document.issuedOn };
}

/** The unit an indicator is counted in: "%" for a ratio. */
export const unitOf = (indicator: Indicator) => (indicator.measure.kind === 'ratio' ? '%' : indicator.measure.unit);

/** The fields of a notice about one step: its title for people and its deadline in the plan's words. */
export function noticeWork(plan: Plan, stepId: string, deadline: Deadline | undefined): { stepTitle: string; deadlineWords: string } {
  return { stepTitle: stepTitle(plan, stepId), deadlineWords: deadlineWords(deadline, (id) => stepTitle(plan, id)) };
}

/** The indicators an assignment notice lists, with their units. */
export const indicatorsToReport = (indicators: Indicator[]) => indicators.map((i) => ({ name: i.name, unit: unitOf(i) }));

/** The close-approval request's summary, from the plan's scorecard. */
export function closeSummary(scorecard: Scorecard, consolidations: number): CloseSummary {
  const { counts } = scorecard;
  const done = counts['done-on-time'] + counts['done-late'] + counts.cancelled;
  return {
    assignments: scorecard.total, doneOnTime: counts['done-on-time'], doneLate: counts['done-late'],
    unfinished: scorecard.total - done, consolidations,
  };
}
