// One agency's work on one clause or report: the assignment notice, reminders before the deadline, the overdue
// notice and escalation ladder after it, the report, its review, extensions. Reports its status to its parent.
import {
  condition, continueAsNew, getExternalWorkflowHandle, isCancellation, setHandler, workflowInfo,
} from '@temporalio/workflow';
import type { Extend, Review, SubmitReport } from '../../model/actions';
import { deadlineInstant, type Notice } from '../../model/calendar';
import type { Notification } from '../../model/notifications';
import { FINAL_STATUSES } from '../../model/status';
import type { AssignmentSpec } from './work';
import {
  initialAssignmentState, nextCycle, nextWake, noticeKey, pendingNotices, statusAt, validateExtend, validateReview, validateSubmit,
} from './assignment-rules';
import {
  assignmentStatusQuery, assignmentsChangedSignal, extendUpdate, reviewUpdate, submitReportUpdate,
} from './definitions';
import { notification, send } from './notifications';
import type { AssignmentState, AssignmentSummary, AssignmentView } from './state';

export interface AssignmentInput {
  spec: AssignmentSpec;
  /** Carried over by continue-as-new. */
  state?: AssignmentState;
}

export async function assignment({ spec, state: carried }: AssignmentInput): Promise<AssignmentSummary> {
  const id = workflowInfo().workflowId;
  const state = carried ?? initialAssignmentState(spec, Date.now());
  const outbox: Notification[] = [];
  let changes = 0;
  let reported = ''; // the last summary sent to the parent
  const view = (): AssignmentView => ({ id, spec, ...state });

  const work = { stepId: spec.stepId, clauseText: spec.text, deliverable: spec.deliverable };
  // Events of a later cycle of recurring work get their own keys, or they would count as already delivered.
  const tell = (to: AssignmentSpec['assignee'], event: string, data: Notification['data'], plannedAt?: number) =>
    outbox.push(notification(spec.plan, to, state.cycle ? `cycle-${state.cycle}/${event}` : event, data, plannedAt));

  // Registered once everything they use exists: an Update already waiting runs as soon as its handler is set.
  setHandler(assignmentStatusQuery, view);
  setHandler(submitReportUpdate, (input) => (submit(input), view()), { validator: (input) => validateSubmit(spec, state, input) });
  setHandler(reviewUpdate, (input) => (review(input), view()), { validator: (input) => validateReview(spec, state, input, Date.now()) });
  setHandler(extendUpdate, (input) => (extend(input), view()), { validator: (input) => validateExtend(spec, state, input, Date.now()) });

  function submit(input: SubmitReport): void {
    state.report = { text: input.text, values: input.values, submittedAt: Date.now() };
    state.status = 'submitted';
    state.actions.push({ at: Date.now(), action: 'submit', by: input.by });
    tell(spec.lead, `report-received-${state.actions.length}`, { event: 'report-received', ...work, agency: spec.assignee.name, submittedAt: Date.now() });
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
    const oldLastDay = state.lastDay;
    moveDeadline(input.newLastDay);
    state.actions.push({ at: Date.now(), action: 'extend', by: input.by, note: input.reason });
    tell(spec.assignee, `deadline-extended-v${state.deadlineVersion}`, { event: 'deadline-extended', ...work, oldLastDay, newLastDay: input.newLastDay, reason: input.reason });
    changes++;
  }

  /** A new deadline gets a new schedule: notices of the old one can never fire. */
  function moveDeadline(lastDay: string): void {
    state.lastDay = lastDay;
    state.deadlineVersion++;
    state.scheduleFrom = Date.now();
    if (state.status === 'overdue' || state.status === 'due-soon' || state.status === 'no-deadline') state.status = 'not-due';
  }

  function recipientsOf(notice: Notice): AssignmentSpec['assignee'][] {
    if (notice.kind !== 'escalation') return [spec.assignee];
    return notice.to === 'assignee-head' ? [spec.head] : notice.to === 'lead' ? [spec.lead] : spec.leaders;
  }

  function queueNotice(notice: Notice): void {
    const key = noticeKey(notice, state.deadlineVersion);
    state.sent.push(key);
    const lastDay = state.lastDay!;
    const data: Notification['data'] =
      notice.kind === 'reminder' ? { event: 'reminder', ...work, lastDay, workingDaysLeft: notice.workingDaysLeft }
        : notice.kind === 'overdue' ? { event: 'overdue', ...work, lastDay }
          : { event: 'escalation', ...work, lastDay, step: notice.step, target: notice.to, lateAgency: spec.assignee.name, workingDaysLate: notice.workingDaysLate };
    for (const to of recipientsOf(notice)) tell(to, key, data, notice.at);
    if (notice.kind === 'reminder') state.remindersSent++;
    if (notice.kind === 'escalation') state.escalationLevel = Math.max(state.escalationLevel, notice.step);
  }

  /**
   * Sends what is queued. Mail that can never arrive is recorded, and the lead office is told so it can reach the
   * agency another way (unless the mail was to the lead office itself).
   */
  async function deliver(): Promise<void> {
    for (const { notification: n, reason } of await send(outbox.splice(0))) {
      state.undeliverable = [...(state.undeliverable ?? []), { to: n.to.id, event: n.data.event, reason, at: Date.now() }];
      if (n.to.id !== spec.lead.id) {
        tell(spec.lead, `undeliverable/${n.key}`, { event: 'undeliverable', ...work, agency: n.to.name, address: n.to.emails.join(', '), reason });
      }
      changes++; // the loop comes round and sends the lead office's notice
    }
  }

  async function reportToParent(): Promise<void> {
    const summary = summarise(id, spec, state);
    const fingerprint = JSON.stringify(summary);
    const parent = workflowInfo().parent;
    if (fingerprint === reported || !parent) return;
    reported = fingerprint;
    await getExternalWorkflowHandle(parent.workflowId).signal(assignmentsChangedSignal, [summary]);
  }

  try {
    if (!carried || carried.actions.length === 0 && carried.sent.length === 0) {
      tell(spec.assignee, 'assignment', {
        event: 'assignment', ...work, deliverable: spec.deliverable, lastDay: state.lastDay, lead: spec.lead.name, coordinators: spec.coordinators,
      });
    }
    while (!FINAL_STATUSES.includes(state.status)) {
      state.status = statusAt(spec, state, Date.now());
      for (const notice of pendingNotices(spec, state).filter((n) => n.at <= Date.now())) queueNotice(notice);
      await deliver();
      await reportToParent();
      if (FINAL_STATUSES.includes(state.status)) break;
      if (workflowInfo().continueAsNewSuggested) {
        await condition(() => outbox.length === 0);
        await continueAsNew<typeof assignment>({ spec, state });
      }
      // A notice that fell due while mail was held up (an SMTP outage) goes out now, not at the next wake.
      if (pendingNotices(spec, state).some((n) => n.at <= Date.now())) continue;
      const seen = changes;
      const wake = nextWake(spec, state, Date.now());
      if (wake === undefined) await condition(() => changes !== seen || outbox.length > 0);
      else await condition(() => changes !== seen || outbox.length > 0, wake - Date.now());
    }
    await deliver();
    await reportToParent();
    if (outbox.length) await deliver(); // notices of undeliverable mail queued by the last send
    // Recurring work: the next cycle is a fresh run, so history does not grow over a multi-year plan.
    const next = nextCycle(spec, state, Date.now());
    if (next) await continueAsNew<typeof assignment>({ spec, state: next });
  } catch (error) {
    if (!isCancellation(error)) throw error;
    state.status = 'cancelled'; // the plan was cancelled or closed; the plan tells people, not each assignment
  }
  return summarise(id, spec, state);
}

export function summarise(id: string, spec: AssignmentSpec, state: AssignmentState): AssignmentSummary {
  return {
    id,
    stepId: spec.stepId,
    agencyId: spec.assignee.id,
    agencyName: spec.assignee.name,
    status: state.status,
    lastDay: state.lastDay,
    cycle: spec.cycles?.length ? state.cycle : undefined,
    remindersSent: state.remindersSent,
    escalationLevel: state.escalationLevel,
    submittedAt: state.report?.submittedAt,
    completedAt: state.completedAt,
    reportSummary: state.report?.text.slice(0, 120),
    // A report counts for consolidation once submitted; a returned one does not until it is sent again.
    values: ['submitted', 'done-on-time', 'done-late'].includes(state.status) ? state.report?.values : undefined,
  };
}

