// One agency's work on one clause or report (for recurring work, one cycle of it): the assignment notice, reminders
// before the deadline, the overdue notice and escalation ladder after it, the report, its review, extensions and
// amendments. Reports its status to its parent. Mail goes out beside the work, never in front of it.
import {
  condition, continueAsNew, getExternalWorkflowHandle, isCancellation, patched, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { Extend, Review, SubmitReport } from '../model/actions';
import { deadlineInstant, instantAt, useOfficialDecisions, type Notice } from '../model/calendar';
import type { Notification } from '../model/notifications';
import { indicatorsToReport, unitOf } from '../model/notice-context';
import { CLOCK_STATUSES, FINAL_STATUSES } from '../model/status';
import { countedLastDay, type AssignmentSpec } from '../model/work';
import type { StepAmendment } from './amendments';
import {
  deadlineClock, foldClock, initialAssignmentState, nextStatusChange, nextWake, noticedCounts, noticeKey, pendingNotices, statusAt, validateExtend,
  validateReview, validateSubmit,
} from './assignment-rules';
import { clockNotifications, undeliverableNotice, workOf } from './clock-notices';
import {
  amendStepSignal, assignmentStatusQuery, assignmentsChangedSignal, extendUpdate, officialCalendarSignal, reviewUpdate, submitReportUpdate,
} from './definitions';
import { Mailroom, notification } from './notifications';
import { ASSIGNMENT_ASSIGNEE, ASSIGNMENT_DUE_SOON, ASSIGNMENT_LAST_DAY, ASSIGNMENT_PLAN, ASSIGNMENT_STATUS } from './search-attributes';
import { events } from './sinks';
import type { AssignmentState, AssignmentSummary, AssignmentView } from './state';
import * as v1 from './v1/assignment';

export interface AssignmentInputV2 {
  v: 2;
  spec: AssignmentSpec;
  /** Carried over by continue-as-new. */
  state?: AssignmentState;
  /**
   * What the parent already counts this work as, and indexed it under at its start: the first summary is not signalled
   * back (a national plan's pages took one workflow task per commune for it).
   */
  announced?: AssignmentSummary;
  /**
   * The parent moves this work between the clock's statuses itself (due soon, overdue: plan-step.ts): they are not
   * signalled, each of which cost the work a workflow task for the signal's acknowledgement and its page one more.
   */
  clockCounted?: true;
  /**
   * The parent sends the clock's notices too (reminders, overdue, escalation: clock-notices.ts): the work wakes only
   * when its status moves, not at each notice (8 workflow tasks of a commune that never reports, each with a send).
   */
  clockNoticed?: true;
  /**
   * The parent's clock stands for the work's own where people look too: the work does not wake as its deadline comes,
   * only when someone acts on it, its deadline or the official days off change, or the plan ends. Its status as the
   * clock has it now is the page's (its `sentNotices` query) and, in lists, follows from its search attributes
   * (PlanflowLastDay, PlanflowDueSoon: client/http/clock.ts). A commune that never reports took four workflow tasks
   * (its start, due soon, overdue, the close); now two.
   */
  clockAsleep?: true;
  /**
   * Started by a parent that runs this code (plan-step.ts, `settled`): it takes the patches older than it as applied,
   * with no marker recorded for them (two markers and two TemporalChangeVersion upserts in every assignment's
   * history), writes only the search attributes that changed, and bounds its mail in time (notifications.ts,
   * `Mailroom`), so that its end waits for its last sends without a timer.
   */
  settled?: true;
  /**
   * Its end waits for the parent to have its last summary (the signal's acknowledgement) as well as for its last mail.
   * Work that completed while the acknowledgement was on its way had the completion refused
   * (WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND: a failed workflow task in its history, and one more task to end it):
   * a dozen reporting communes of the 2,000-commune test in every run since session 14.
   */
  endsAfterSignal?: true;
}
export type AssignmentInput = AssignmentInputV2 | v1.AssignmentInput;

/** Workflows started before plans lived for years keep running on the code they started with (workflows/v1). */
export async function assignment(input: AssignmentInput): Promise<AssignmentSummary> {
  // v1 results are only ever read by v1 parents, which replay their own recorded histories.
  return 'v' in input ? assignmentV2(input) : (v1.assignment(input) as unknown as Promise<AssignmentSummary>);
}

async function assignmentV2({ v, spec, state: carried, announced, ...flags }: AssignmentInputV2): Promise<AssignmentSummary> {
  // How its parent started it; a continued run keeps the same (flags are only ever present as `true`).
  const { clockCounted, clockNoticed, clockAsleep, settled, endsAfterSignal } = flags;
  useOfficialDecisions(spec.calendar);
  const id = workflowInfo().workflowId;
  const state = carried ?? initialAssignmentState(spec, Date.now());
  const outbox: Notification[] = [];
  let changes = 0;
  // Assignments recorded before summaries were coalesced signalled every reminder and escalation too.
  const coalesces = settled || patched('coalesced-summaries');
  const byClock = (status: AssignmentSummary['status']) => (clockCounted && CLOCK_STATUSES.includes(status) ? 'clock' : status);
  const fingerprint = (summary: AssignmentSummary) =>
    JSON.stringify(coalesces ? { ...summary, status: byClock(summary.status), remindersSent: 0, escalationLevel: 0 } : summary);
  let reported = announced ? fingerprint(announced) : ''; // the last summary the parent has
  let lastStatus: AssignmentSummary['status'] | undefined;
  let lastSignal: Promise<unknown> = Promise.resolve(); // settles when the parent has the last summary, or cannot
  // The search attributes follow from the status and the last day alone (assignmentIndex), which say when they change
  // without working out the deadline's clock at every publish.
  const indexKey = (s: Pick<AssignmentSummary, 'status' | 'lastDay'>) => `${s.status} ${s.lastDay ?? ''}`;
  let indexed = announced ? indexKey(announced) : ''; // the search attributes last written (status, last day, due soon)
  let written = announced ? assignmentIndex(spec, announced, clockAsleep) : [];
  // Work whose parent sends its notices counts them from the clock, as its parent sends them.
  const current = (): AssignmentState => (clockNoticed ? { ...state, ...noticedCounts(spec, state, Date.now()) } : state);
  const noticedBy = clockNoticed ? { noticedBy: workflowInfo().parent?.workflowId } : {};
  const view = (): AssignmentView => ({ id, spec, ...current(), ...noticedBy });

  const work = workOf(spec);
  const tell = (to: AssignmentSpec['assignee'], event: string, data: Notification['data'], plannedAt?: number) =>
    outbox.push(notification(spec.plan, to, event, data, plannedAt, spec.cycle?.key));
  // Assignments recorded before the clock's notices went out inside the workflow task sent each as an activity task.
  const clockInTask = settled || patched('clock-notices-in-task');
  const mail = new Mailroom((n, reason) => {
    state.undeliverable.push({ to: n.to.id, event: n.data.event, reason, at: Date.now() });
    // The lead office is told so it can reach the agency another way.
    const word = undeliverableNotice(id, spec, n, reason);
    if (word) outbox.push(word);
    changes++;
  }, (n) => clockInTask && CLOCK_EVENTS.includes(n.data.event), settled);

  // Registered once everything they use exists: an Update already waiting runs as soon as its handler is set.
  setHandler(assignmentStatusQuery, view);
  setHandler(submitReportUpdate, (input) => (submit(input), view()), { validator: (input) => validateSubmit(spec, state, input) });
  setHandler(reviewUpdate, (input) => (review(input), view()), { validator: (input) => validateReview(spec, state, input, Date.now()) });
  setHandler(extendUpdate, (input) => (extend(input), view()), { validator: (input) => validateExtend(spec, state, input, Date.now()) });
  setHandler(amendStepSignal, (amendment) => amend(amendment));
  setHandler(officialCalendarSignal, (decisions) => {
    useOfficialDecisions(decisions);
    recount();
    changes++;
  });

  function submit(input: SubmitReport): void {
    if (clockNoticed) foldClock(spec, state, Date.now());
    state.report = { text: input.text, values: input.values, submittedAt: Date.now() };
    state.status = 'submitted';
    state.actions.push({ at: Date.now(), action: 'submit', by: input.by });
    const received = {
      event: 'report-received' as const, ...work, agency: spec.assignee.name, submittedAt: Date.now(),
      report: { text: input.text, values: reportedValues(spec, input.values) },
    };
    for (const to of [spec.lead, ...spec.informed]) tell(to, `report-received-${state.actions.length}`, received);
    changes++;
  }

  function review(input: Review): void {
    state.actions.push({ at: Date.now(), action: input.decision, by: input.by, note: input.decision === 'return' ? input.reason : input.note });
    if (input.decision === 'accept') {
      const onTime = !state.lastDay || state.report!.submittedAt < deadlineInstant(state.lastDay);
      state.status = onTime ? 'done-on-time' : 'done-late';
      state.completedAt = Date.now();
      tell(spec.assignee, 'report-accepted', { event: 'report-accepted', ...work, onTime });
    } else {
      state.status = 'returned';
      if (input.newLastDay) moveDeadline(input.newLastDay);
      state.scheduleFrom = Date.now(); // reminders restart, without repeating those already sent
      tell(spec.assignee, `report-returned-${state.actions.length}`, { event: 'report-returned', ...work, reason: input.reason, newLastDay: input.newLastDay });
    }
    changes++;
  }

  function extend(input: Extend): void {
    changeDeadline(input.newLastDay, 'extend', input.by, input.reason);
  }

  /** From the step: a leader moved the deadline of the whole clause. */
  function amend(amendment: StepAmendment): void {
    if (amendment.kind !== 'change-deadline' || FINAL_STATUSES.includes(state.status) || amendment.lastDay === state.lastDay) return;
    changeDeadline(amendment.lastDay, 'change-deadline', amendment.by, amendment.reason);
  }

  function changeDeadline(lastDay: string, action: 'extend' | 'change-deadline', by: string, reason: string): void {
    if (clockNoticed) foldClock(spec, state, Date.now());
    const oldLastDay = state.lastDay;
    moveDeadline(lastDay);
    state.actions.push({ at: Date.now(), action, by, note: reason });
    tell(spec.assignee, `deadline-extended-v${state.deadlineVersion}`, { event: 'deadline-extended', ...work, oldLastDay, newLastDay: lastDay, reason });
    changes++;
  }

  /** A new deadline gets a new schedule: notices of the old one can never fire. */
  function moveDeadline(lastDay: string): void {
    state.lastDay = lastDay;
    state.deadlineVersion++;
    state.scheduleFrom = Date.now();
    if (state.status === 'overdue' || state.status === 'due-soon' || state.status === 'no-deadline') state.status = 'not-due';
  }

  /** New official days off move a deadline counted in days, unless a person already set it by hand. */
  function recount(): void {
    if (!spec.counted || state.deadlineVersion > 0 || FINAL_STATUSES.includes(state.status)) return;
    state.lastDay = countedLastDay(spec.counted);
  }

  function queueNotice(notice: Notice): void {
    const key = noticeKey(notice, state.deadlineVersion);
    state.sent.push(key);
    outbox.push(...clockNotifications(id, spec, notice, key, state.lastDay!));
    if (notice.kind === 'reminder') state.remindersSent++;
    if (notice.kind === 'escalation') state.escalationLevel = Math.max(state.escalationLevel, notice.step);
  }

  /** The parent, the inbox (search attributes) and the preview's timeline learn of each change once. */
  function publish(): void {
    const summary = summarise(id, spec, current());
    // Reminder and escalation counts ride along with the next change that matters (status, deadline, report): a signal
    // per reminder would give a page of 500 assignments thousands of signals a cycle.
    // The preview's timeline hears of the first status even when the parent was told it at the start.
    if (summary.status !== lastStatus) events.status(Date.now(), summary.status, spec.cycle?.key);
    lastStatus = summary.status;
    // The inbox filters by status and deadline, including the clock's moves that its parent counts without a word.
    const key = indexKey(summary);
    if (key !== indexed) {
      indexed = key;
      const index = assignmentIndex(spec, summary, clockAsleep);
      // Settled work writes only what changed (its status, mostly): the plan and the assignee never do.
      const same = (a: (typeof index)[number]) => written.some((w) => w.key === a.key && JSON.stringify(w.value) === JSON.stringify(a.value));
      upsertSearchAttributes(settled ? index.filter((a) => !same(a)) : index);
      written = index;
    }
    const print = fingerprint(summary);
    if (print === reported) return;
    reported = print;
    const parent = workflowInfo().parent;
    if (parent) lastSignal = getExternalWorkflowHandle(parent.workflowId).signal(assignmentsChangedSignal, [summary]).catch(() => undefined);
  }

  try {
    if (carried) mail.post(carried.unsent);
    else {
      tell(spec.assignee, 'assignment', {
        event: 'assignment', ...work, deliverable: spec.deliverable, lastDay: state.lastDay, lead: spec.lead.name, coordinators: spec.coordinators,
        indicators: indicatorsToReport(spec.indicators),
      });
    }
    state.unsent = [];
    while (!FINAL_STATUSES.includes(state.status)) {
      state.status = statusAt(spec, state, Date.now());
      if (!clockNoticed) for (const notice of pendingNotices(spec, state).filter((n) => n.at <= Date.now())) queueNotice(notice);
      mail.post(outbox.splice(0));
      publish();
      if (FINAL_STATUSES.includes(state.status)) break;
      if (workflowInfo().continueAsNewSuggested) {
        await condition(() => outbox.length === 0); // nothing half-made; mail in flight travels in the state
        await continueAsNew<typeof assignment>({ v, spec, state: { ...state, unsent: mail.unsent }, ...flags });
      }
      const seen = changes;
      const wake = clockAsleep ? undefined : (clockNoticed ? nextStatusChange : nextWake)(spec, state, Date.now());
      if (wake === undefined) await condition(() => changes !== seen || outbox.length > 0);
      else await condition(() => changes !== seen || outbox.length > 0, wake - Date.now());
    }
    mail.post(outbox.splice(0));
    publish();
    // The work is done; the last notices (the acceptance, an undeliverable warning) still go out before the end.
    // It must not end inside the task of the Update that finished it: a workflow that completes there while another
    // event comes in (its last signal's acknowledgement, mostly) has the completion refused (UnhandledCommand), and the
    // server fails that Update to its caller ("unexpected workflow task failure"; 2026-11-27, with the person notices
    // taken out in a trial). Work started `endsAfterSignal` waits for that acknowledgement, as the bare baseline does;
    // for older work, the acceptance's send in flight is what kept it from ending there.
    mail.post(outbox.splice(0));
    await mail.drain();
    mail.post(outbox.splice(0)); // the lead office's word of mail that never went out
    await mail.drain();
    if (endsAfterSignal) await lastSignal;
  } catch (error) {
    if (!isCancellation(error)) throw error;
    if (clockNoticed) foldClock(spec, state, Date.now());
    state.status = 'cancelled'; // the plan was cancelled or closed, or the work reassigned; the plan tells people
    events.status(Date.now(), state.status, spec.cycle?.key);
  }
  return summarise(id, spec, current());
}

/** Notices the clock sends (a timer woke the work, nobody waits on its answer): workflows/notifications.ts notifyInTask. */
const CLOCK_EVENTS: readonly Notification['data']['event'][] = ['assignment', 'reminder', 'overdue', 'escalation'];

/** What the parent counts work as before it has run: its summary at `now`, as its first publish() makes it. */
export function initialSummary(id: string, spec: AssignmentSpec, now: number): AssignmentSummary {
  const state = initialAssignmentState(spec, now);
  state.status = statusAt(spec, state, now);
  return summarise(id, spec, state);
}

/**
 * The search attributes of an assignment (the inbox lists and filters by them); with `dueSoon`, when its deadline's
 * clock makes it due soon, for work that sleeps through its clock.
 */
export function assignmentIndex(spec: AssignmentSpec, { status, lastDay }: Pick<AssignmentSummary, 'status' | 'lastDay'>, dueSoon?: boolean) {
  const dueSoonAt = dueSoon && lastDay ? deadlineClock(lastDay, spec.policy).dueSoonAt : undefined;
  return [
    { key: ASSIGNMENT_PLAN, value: spec.planId },
    { key: ASSIGNMENT_ASSIGNEE, value: spec.assignee.id },
    { key: ASSIGNMENT_STATUS, value: status },
    ...(lastDay ? [{ key: ASSIGNMENT_LAST_DAY, value: new Date(instantAt(lastDay)) }] : []),
    ...(dueSoonAt === undefined ? [] : [{ key: ASSIGNMENT_DUE_SOON, value: new Date(dueSoonAt) }]),
  ];
}

/** A report's values as the reviewer reads them: the indicator's name, and "30/40" or "3 lớp". */
function reportedValues(spec: AssignmentSpec, values: SubmitReport['values']): { name: string; value: string }[] {
  return spec.indicators.flatMap((i) => {
    const v = values[i.id];
    if (v === undefined) return [];
    return [{ name: i.name, value: typeof v === 'number' ? `${v} ${unitOf(i)}` : `${v.numerator}/${v.denominator}` }];
  });
}

export function summarise(id: string, spec: AssignmentSpec, state: AssignmentState): AssignmentSummary {
  return {
    id,
    stepId: spec.stepId,
    agencyId: spec.assignee.id,
    agencyName: spec.assignee.name,
    status: state.status,
    lastDay: state.lastDay,
    cycle: spec.cycle?.key,
    remindersSent: state.remindersSent,
    escalationLevel: state.escalationLevel,
    ...(state.deadlineVersion ? { deadlineVersion: state.deadlineVersion } : {}),
    submittedAt: state.report?.submittedAt,
    completedAt: state.completedAt,
    reportSummary: state.report?.text.slice(0, 120),
    // A report counts for consolidation once submitted; a returned one does not until it is sent again.
    values: ['submitted', 'done-on-time', 'done-late'].includes(state.status) ? state.report?.values : undefined,
  };
}
