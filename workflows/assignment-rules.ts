// The rules of one assignment, as pure functions of its spec and state: who may act, what status it is in at a
// given instant, which notices are due. Validators call them synchronously; throwing rejects an Update.
import { IndicatorValue, SubmitReport, Extend, Review, checkUpdateInput, type ReportValues } from '../model/actions';
import { civilDateAt, deadlineInstant, formatVietnamese, noticeSchedule, type Notice } from '../model/calendar';
import { CLOCK_STATUSES, FINAL_STATUSES, OPEN_STATUSES, STATUS_LABELS, type AssignmentStatus } from '../model/status';
import type { AssignmentSpec } from '../model/work';
import { parseInput, reject } from './rejection';
import type { AssignmentState } from './state';

export function initialAssignmentState(spec: AssignmentSpec, now: number): AssignmentState {
  return {
    status: spec.lastDay ? 'not-due' : 'no-deadline',
    lastDay: spec.lastDay,
    deadlineVersion: 0,
    scheduleFrom: now,
    sent: [],
    remindersSent: 0,
    escalationLevel: 0,
    actions: [],
    undeliverable: [],
    unsent: [],
  };
}

export function schedule(spec: AssignmentSpec, state: AssignmentState): Notice[] {
  return state.lastDay ? noticeSchedule(state.lastDay, spec.policy) : [];
}

export const noticeKey = (notice: Notice, version: number) =>
  `${notice.kind}-${notice.kind === 'reminder' ? notice.workingDaysLeft : notice.kind === 'escalation' ? notice.step : 0}@v${version}`;

/** Statuses set by people's actions; the others follow the clock. */
const STICKY: readonly AssignmentStatus[] = ['submitted', 'returned', ...FINAL_STATUSES];

export function statusAt(spec: AssignmentSpec, state: AssignmentState, now: number): AssignmentStatus {
  if (STICKY.includes(state.status)) return state.status;
  return state.lastDay ? clockStatus(deadlineClock(state.lastDay, spec.policy), now) : 'no-deadline';
}


/** When work due on a day falls due soon (its first reminder) and overdue; it changes with the official days off. */
export interface DeadlineClock {
  dueSoonAt?: number;
  deadlineAt: number;
}

export function deadlineClock(lastDay: string, policy: AssignmentSpec['policy']): DeadlineClock {
  return { dueSoonAt: noticeSchedule(lastDay, policy).find((n) => n.kind === 'reminder')?.at, deadlineAt: deadlineInstant(lastDay) };
}

/** The status the clock alone gives work with a deadline, at `now`. */
export function clockStatus({ dueSoonAt, deadlineAt }: DeadlineClock, now: number): AssignmentStatus {
  if (now >= deadlineAt) return 'overdue';
  return dueSoonAt !== undefined && now >= dueSoonAt ? 'due-soon' : 'not-due';
}

/** The next instant after `now` at which the clock moves the work, if any. */
export const nextClockChange = ({ dueSoonAt, deadlineAt }: DeadlineClock, now: number): number | undefined =>
  [dueSoonAt ?? deadlineAt, deadlineAt].find((t) => t > now);

/**
 * The reminders and the escalation step the clock has given work due on `lastDay` by `now`, counted by whoever did
 * not hear it from the work itself: reminders after `from` (the work drops those already past when it starts), the
 * highest escalation step reached (work that starts late gets it at once).
 */
export function clockCounts(lastDay: string, policy: AssignmentSpec['policy'], from: number, now: number): { reminders: number; escalationLevel: number } {
  const due = noticeSchedule(lastDay, policy).filter((n) => n.at <= now);
  return {
    reminders: due.filter((n) => n.kind === 'reminder' && n.at > from).length,
    escalationLevel: Math.max(0, ...due.map((n) => (n.kind === 'escalation' ? n.step : 0))),
  };
}

/**
 * Notices of the current deadline not yet sent. Reminders already past when the schedule was made are dropped;
 * lateness is not: work that starts (or is returned) after its deadline gets the overdue notice and the highest
 * escalation step already reached at once, and the later steps on time.
 */
export function pendingNotices(spec: AssignmentSpec, state: AssignmentState): Notice[] {
  return unsentNotices(schedule(spec, state), state);
}

/** The same for a schedule already made (a page keeps one per last day for its assignments: clock-notices.ts). */
export function unsentNotices(schedule: Notice[], state: Pick<AssignmentState, 'status' | 'sent' | 'deadlineVersion' | 'scheduleFrom'>): Notice[] {
  if (!OPEN_STATUSES.includes(state.status)) return [];
  const unsent = schedule.filter((n) => !state.sent.includes(noticeKey(n, state.deadlineVersion)));
  const missed = unsent.filter((n) => n.at < state.scheduleFrom);
  const catchUp: Notice[] = [missed.find((n) => n.kind === 'overdue'), missed.filter((n) => n.kind === 'escalation').at(-1)]
    .filter((n) => n !== undefined)
    .map((n) => ({ ...n, at: state.scheduleFrom }));
  return [...catchUp, ...unsent.filter((n) => n.at >= state.scheduleFrom)];
}

/** For work whose page sends its notices: the next instant the clock moves its status (due soon, overdue), if any. */
export function nextStatusChange(spec: AssignmentSpec, state: AssignmentState, now: number): number | undefined {
  return state.lastDay && CLOCK_STATUSES.includes(state.status) ? nextClockChange(deadlineClock(state.lastDay, spec.policy), now) : undefined;
}

/**
 * For work whose page sends its notices: the reminders and escalation step they have come to by `now`, those of the
 * schedule running (while the work is open) on top of those of earlier ones (`foldClock` keeps them in the state).
 */
export function noticedCounts(spec: AssignmentSpec, state: AssignmentState, now: number): Pick<AssignmentState, 'remindersSent' | 'escalationLevel'> {
  const { remindersSent, escalationLevel } = state;
  if (!state.lastDay || !OPEN_STATUSES.includes(state.status)) return { remindersSent, escalationLevel };
  const running = clockCounts(state.lastDay, spec.policy, state.scheduleFrom, now);
  return { remindersSent: remindersSent + running.reminders, escalationLevel: Math.max(escalationLevel, running.escalationLevel) };
}

/** Before the running schedule ends (a report goes in, the deadline moves): its counts stay in the state. */
export function foldClock(spec: AssignmentSpec, state: AssignmentState, now: number): void {
  Object.assign(state, noticedCounts(spec, state, now));
}

/** The next instant at which something may change by itself: a notice, the deadline, the reminder window. */
export function nextWake(spec: AssignmentSpec, state: AssignmentState, now: number): number | undefined {
  const candidates = [
    ...pendingNotices(spec, state).map((n) => n.at),
    ...(state.lastDay && OPEN_STATUSES.includes(state.status) ? [deadlineInstant(state.lastDay)] : []),
    ...schedule(spec, state).filter((n) => n.kind === 'reminder').slice(0, 1).map((n) => n.at),
  ].filter((t) => t > now);
  return candidates.length ? Math.min(...candidates) : undefined;
}

function requireOpen(state: AssignmentState, action: string): void {
  if (FINAL_STATUSES.includes(state.status)) {
    reject('closed', `Không thể ${action}: nhiệm vụ đã ${STATUS_LABELS[state.status].vi}.`);
  }
}

function checkValue(spec: AssignmentSpec, id: string, value: IndicatorValue): void {
  const indicator = spec.indicators.find((i) => i.id === id);
  if (!indicator) {
    const known = spec.indicators.map((i) => i.id).join(', ') || 'không có';
    reject('unknown-indicator', `Chỉ tiêu "${id}" không thuộc nhiệm vụ này (chỉ tiêu cần báo cáo: ${known}).`);
  }
  if (indicator.measure.kind === 'ratio') {
    if (typeof value !== 'object') {
      reject('bad-value', `Chỉ tiêu "${id}" là tỷ lệ: cần tử số (${indicator.measure.numerator}) và mẫu số (${indicator.measure.denominator}).`);
    }
    if (value.numerator > value.denominator) {
      reject('out-of-range', `Chỉ tiêu "${id}": tử số ${value.numerator} lớn hơn mẫu số ${value.denominator}.`);
    }
  } else if (typeof value !== 'number' || !Number.isInteger(value)) {
    reject('bad-value', `Chỉ tiêu "${id}" là số đếm (${indicator.measure.unit}): cần một số nguyên không âm.`);
  }
}

export function validateSubmit(spec: AssignmentSpec, state: AssignmentState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const input = parseInput(SubmitReport, raw);
  if (input.by !== spec.assignee.id) {
    reject('wrong-agency', `Chỉ ${spec.assignee.name} được nộp báo cáo cho nhiệm vụ này (người gửi: "${input.by}").`);
  }
  requireOpen(state, 'nộp báo cáo');
  if (state.status === 'submitted') reject('already-submitted', 'Báo cáo đã nộp và đang chờ duyệt.');
  const values: ReportValues = input.values;
  for (const [id, value] of Object.entries(values)) checkValue(spec, id, value);
}

export function validateReview(spec: AssignmentSpec, state: AssignmentState, raw: unknown, now: number): void {
  checkUpdateInput(raw, reject);
  const input = parseInput(Review, raw);
  if (!spec.reviewers.includes(input.by)) {
    reject('not-reviewer', 'Chỉ cơ quan chủ trì (hoặc người được giao duyệt) mới được tiếp nhận hay trả lại báo cáo này; đơn vị thực hiện không tự duyệt báo cáo của mình.');
  }
  requireOpen(state, 'duyệt báo cáo');
  if (state.status !== 'submitted') reject('nothing-to-review', 'Chưa có báo cáo nào chờ duyệt.');
  if (input.decision === 'return' && input.newLastDay) requireFuture(input.newLastDay, now);
}

export function validateExtend(spec: AssignmentSpec, state: AssignmentState, raw: unknown, now: number): void {
  checkUpdateInput(raw, reject);
  const input = parseInput(Extend, raw);
  // Nobody extends their own deadline, not even a lead office that is its own assignee.
  const allowed = [...spec.reviewers, ...spec.leaders.map((l) => l.id)].filter((id) => id !== spec.assignee.id);
  if (!allowed.includes(input.by)) {
    reject('not-allowed', `Chỉ ${spec.lead.name} hoặc lãnh đạo được gia hạn (người gia hạn: "${input.by}").`);
  }
  requireOpen(state, 'gia hạn');
  requireFuture(input.newLastDay, now);
  if (input.newLastDay === state.lastDay) reject('same-deadline', 'Hạn mới trùng hạn hiện tại.');
}

function requireFuture(day: string, now: number): void {
  const today = civilDateAt(now);
  if (day < today) reject('past-deadline', `Hạn mới ${formatVietnamese(day)} đã qua (hôm nay ${formatVietnamese(today)}).`);
}
