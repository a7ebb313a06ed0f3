// The rules of a plan's lifecycle as pure functions: who may approve, cancel or consolidate, and when.
import { Approve, Cancel, Consolidate, checkUpdateInput } from '../model/actions';
import { addWorkingDays, deadlineInstant, instantAt, lastDay, type CivilDate } from '../model/calendar';
import type { Plan, Consolidation } from '../model/plan';
import { FINAL_STATUSES, STAGE_LABELS, pendingApproval, scorecard, type Scorecard } from '../model/status';
import { approversOf } from '../model/work';
import { parseInput, reject } from './rejection';
import type { PlanState } from './state';

/** Leaders: whoever approves the issue or the close, and the signatory. */
export function leadersOf(plan: Plan): string[] {
  return [...new Set([...approversOf(plan, 'issue'), ...approversOf(plan, 'close'), ...(plan.signatory ? [plan.signatory.person] : [])])];
}

export function validateApprove(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by, stage } = parseInput(Approve, raw);
  const pending = pendingApproval(state.stage);
  if (stage !== pending) {
    reject('wrong-stage', `Kế hoạch đang ở giai đoạn "${STAGE_LABELS[state.stage].vi}": không có bước "${stage}" nào chờ duyệt.`);
  }
  const approvers = approversOf(plan, stage);
  if (!approvers.includes(by)) {
    reject('not-approver', `"${by}" không có thẩm quyền duyệt bước "${stage}" (người duyệt: ${approvers.join(', ') || 'chưa khai báo'}).`);
  }
}

export function validateCancel(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by } = parseInput(Cancel, raw);
  if (state.stage === 'closed' || state.stage === 'cancelled') reject('closed', `Kế hoạch ${STAGE_LABELS[state.stage].vi}.`);
  if (!leadersOf(plan).includes(by)) reject('not-leader', `Chỉ lãnh đạo được hủy kế hoạch ("${by}" không phải).`);
}

export function validateConsolidate(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by } = parseInput(Consolidate, raw);
  if (pendingApproval(state.stage) !== 'close') reject('wrong-stage', `Kế hoạch đang ở giai đoạn "${STAGE_LABELS[state.stage].vi}".`);
  const open = plan.reporting.consolidations.filter((c) => c.by === by && !state.consolidations[c.id]);
  if (!open.length) reject('nothing-to-consolidate', `"${by}" không có báo cáo nào cần tổng hợp.`);
}

const isFinal = (state: PlanState, stepIds: string[]) =>
  Object.values(state.assignments).filter((a) => stepIds.includes(a.stepId)).every((a) => FINAL_STATUSES.includes(a.status));

/**
 * When a consolidation must run at the latest: its own deadline, else the end of its submissions' escalation
 * ladder (by then everyone who will report has been chased all the way up).
 */
export function consolidationDueAt(plan: Plan, c: Consolidation, issuedOn: CivilDate): number | undefined {
  const submissions = plan.reporting.submissions.filter((s) => c.of.includes(s.id));
  const dueOn: Record<string, { dueOn?: CivilDate }> = {};
  for (const s of submissions) dueOn[s.id] = { dueOn: lastDay(s.deadline, { issuedOn }) };
  if (c.deadline) {
    const day = lastDay(c.deadline, { issuedOn, steps: dueOn });
    return day === undefined ? undefined : deadlineInstant(day);
  }
  const ladderEnds = submissions.flatMap((s) => {
    const day = dueOn[s.id]?.dueOn;
    const policy = { ...plan.reminderPolicy, ...s.reminders };
    const last = Math.max(0, ...policy.escalateAfter.map((e) => e.after));
    return day ? [instantAt(addWorkingDays(day, last + 1), policy.officeHours.start)] : [];
  });
  return ladderEnds.length ? Math.max(...ladderEnds) : undefined;
}

/** When every submission's deadline has passed: from then on the lead office is consolidating. */
export function reportingWindowClosesAt(plan: Plan, issuedOn: CivilDate): number | undefined {
  if (!plan.reporting.consolidations.length) return undefined;
  const days = plan.reporting.submissions.map((s) => lastDay(s.deadline, { issuedOn }));
  if (!days.length || days.some((d) => d === undefined)) return undefined;
  return Math.max(...days.map((d) => deadlineInstant(d!)));
}

export function consolidationReady(plan: Plan, c: Consolidation, state: PlanState, now: number, requested: boolean): boolean {
  if (requested || isFinal(state, c.of)) return true;
  const due = state.issuedOn === undefined ? undefined : consolidationDueAt(plan, c, state.issuedOn);
  return due !== undefined && now >= due;
}

/** Ready for the leader to close: every report consolidated, or without a reporting regime every dated work done. */
export function closeReady(plan: Plan, state: PlanState): boolean {
  if (plan.reporting.consolidations.length) return plan.reporting.consolidations.every((c) => state.consolidations[c.id]);
  const dated = Object.values(state.assignments).filter((a) => a.lastDay);
  return dated.length > 0 && dated.every((a) => FINAL_STATUSES.includes(a.status));
}

export function scorecards(state: PlanState): { scorecard: Scorecard; byAgency: Record<string, Scorecard> } {
  const all = Object.values(state.assignments);
  const agencies = [...new Set(all.map((a) => a.agencyId))];
  return {
    scorecard: scorecard(all.map((a) => a.status)),
    byAgency: Object.fromEntries(agencies.map((id) => [id, scorecard(all.filter((a) => a.agencyId === id).map((a) => a.status))])),
  };
}
