// The rules of a plan's lifecycle as pure functions: who may approve, cancel, amend or consolidate, and when; which
// consolidations (one per consolidation and reporting cycle) are due; when the plan is ready to close.
import { Amend, Approve, Cancel, Consolidate, PlanQuery, checkUpdateInput } from '../model/actions';
import { addWorkingDays, civilDateAt, deadlineInstant, formatVietnamese, instantAt, lastDay, type CivilDate } from '../model/calendar';
import type { Consolidation, Plan } from '../model/plan';
import { FINAL_STATUSES, STAGE_LABELS, pendingApproval, scorecard, type Scorecard } from '../model/status';
import { approversOf, cyclesOf, type StepCycle, type StepSpec } from '../model/work';
import { roundOf } from './consolidation-summary';
import { parseInput, reject } from './rejection';
import type { AssignmentSummary, PlanState, PlanView } from './state';

/** Leaders: whoever approves the issue or the close, and the signatory. */
export function leadersOf(plan: Plan): string[] {
  return [...new Set([...approversOf(plan, 'issue'), ...approversOf(plan, 'close'), ...(plan.signatory ? [plan.signatory.person] : [])])];
}

const STAGE_NAMES: Record<'issue' | 'close', string> = { issue: 'ký ban hành', close: 'kết thúc' };

export function validateApprove(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by, stage } = parseInput(Approve, raw);
  const pending = pendingApproval(state.stage);
  if (stage !== pending) {
    const waiting = pending ? `; bước đang chờ duyệt: ${STAGE_NAMES[pending]}` : '';
    const named = stage === 'issue' || stage === 'close' ? STAGE_NAMES[stage] : stage;
    reject('wrong-stage', `Kế hoạch đang ở giai đoạn "${STAGE_LABELS[state.stage].vi}": bước "${named}" không chờ duyệt${waiting}.`);
  }
  if (!approversOf(plan, stage).includes(by)) reject('not-approver', 'Người gửi không có thẩm quyền duyệt bước này của kế hoạch.');
}

export function validateCancel(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by } = parseInput(Cancel, raw);
  if (state.stage === 'closed' || state.stage === 'cancelled') reject('closed', `Kế hoạch ${STAGE_LABELS[state.stage].vi}.`);
  if (!leadersOf(plan).includes(by)) reject('not-leader', 'Chỉ lãnh đạo được hủy kế hoạch.');
}

export function validateConsolidate(plan: Plan, state: PlanState, raw: unknown): void {
  checkUpdateInput(raw, reject);
  const { by, id } = parseInput(Consolidate, raw);
  if (pendingApproval(state.stage) !== 'close') reject('wrong-stage', `Kế hoạch đang ở giai đoạn "${STAGE_LABELS[state.stage].vi}".`);
  if (!plan.reporting.consolidations.some((c) => c.by === by && (id === undefined || c.id === id))) {
    reject('nothing-to-consolidate', id ? `Đơn vị không tổng hợp báo cáo "${id}".` : 'Đơn vị không có báo cáo nào cần tổng hợp.');
  }
}

/** Who is assigned to each step now, as amendments left it. */
export type Assigned = Map<string, Set<string>>;

export function validateAmend(plan: Plan, state: PlanState, steps: StepSpec[], assigned: Assigned, raw: unknown, now: number): void {
  checkUpdateInput(raw, reject);
  const input = parseInput(Amend, raw);
  if (pendingApproval(state.stage) !== 'close') reject('wrong-stage', `Kế hoạch đang ở giai đoạn "${STAGE_LABELS[state.stage].vi}": không thể điều chỉnh.`);
  if (!leadersOf(plan).includes(input.by)) reject('not-leader', 'Chỉ lãnh đạo được điều chỉnh kế hoạch.');
  const step = steps.find((s) => s.stepId === input.step);
  if (!step) reject('unknown-step', `Kế hoạch không có nhiệm vụ hay báo cáo "${input.step}".`);
  const current = assigned.get(step.stepId)!;
  const known = (id: string, given?: { id: string }) => plan.agencies.some((a) => a.id === id) || given?.id === id;
  switch (input.kind) {
    case 'reassign':
    case 'remove-agency':
      if (!current.has(input.agency)) reject('not-assigned', `"${input.agency}" không được giao nhiệm vụ này.`);
      if (input.kind === 'remove-agency') return;
      if (current.has(input.to)) reject('already-assigned', `"${input.to}" đã được giao nhiệm vụ này.`);
      if (!known(input.to, input.newAgency)) reject('unknown-agency', `Không có cơ quan "${input.to}"; gửi kèm thông tin cơ quan (newAgency).`);
      return;
    case 'add-agency':
      if (current.has(input.agency)) reject('already-assigned', `"${input.agency}" đã được giao nhiệm vụ này.`);
      if (!known(input.agency, input.newAgency)) reject('unknown-agency', `Không có cơ quan "${input.agency}"; gửi kèm thông tin cơ quan (newAgency).`);
      return;
    case 'change-deadline':
      if (step.cycles) reject('recurring', 'Nhiệm vụ định kỳ: gia hạn từng kỳ cho từng đơn vị, không đổi thời hạn chung.');
      if (input.lastDay < civilDateAt(now)) reject('past-deadline', `Hạn mới ${formatVietnamese(input.lastDay)} đã qua.`);
      return;
    default:
      return input satisfies never;
  }
}

/** One consolidation of one reporting cycle (or the only one, for one-off reporting). */
export interface Round {
  consolidation: Consolidation;
  cycle?: StepCycle;
  /** The submission steps it consolidates. */
  stepIds: string[];
}

export const roundKey = (r: { consolidation: { id: string }; cycle?: { key: string } }) => `${r.consolidation.id}${r.cycle ? `/${r.cycle.key}` : ''}`;

/** Every round of every consolidation: one per cycle of its (first) submission. */
export function roundsOf(plan: Plan, steps: StepSpec[]): Round[] {
  return plan.reporting.consolidations.flatMap((c) => {
    const first = steps.find((s) => c.of.includes(s.stepId));
    return (first?.cycles ?? [undefined]).map((cycle) => ({ consolidation: c, cycle, stepIds: [...c.of] }));
  });
}

export const inRound = (round: Round, a: AssignmentSummary) => round.stepIds.includes(a.stepId) && a.cycle === round.cycle?.key;

/**
 * When a round must run at the latest: its consolidation's own deadline (per cycle when it recurs), else the end of
 * its submissions' escalation ladder (by then everyone who will report has been chased all the way up).
 */
export function roundDueAt(plan: Plan, round: Round, steps: StepSpec[], issuedOn: CivilDate): number | undefined {
  const { consolidation: c, cycle } = round;
  if (c.deadline?.kind === 'recurring') {
    const own = cyclesOf(plan, c.deadline, issuedOn).find((x) => x.key === cycle?.key);
    if (own) return deadlineInstant(own.lastDay);
  } else if (c.deadline && !cycle) {
    const dueOn = Object.fromEntries(steps.map((s) => [s.stepId, { dueOn: s.common.lastDay }]));
    const day = lastDay(c.deadline, { issuedOn, steps: dueOn });
    return day === undefined ? undefined : deadlineInstant(day);
  }
  const ladderEnds = steps.filter((s) => round.stepIds.includes(s.stepId)).flatMap((s) => {
    const day = cycle?.lastDay ?? s.common.lastDay;
    const last = Math.max(0, ...s.common.policy.escalateAfter.map((e) => e.after));
    return day ? [instantAt(addWorkingDays(day, last + 1), s.common.policy.officeHours.start)] : [];
  });
  return ladderEnds.length ? Math.max(...ladderEnds) : undefined;
}

/** Everyone expected has reported and been reviewed: the round need not wait for its deadline. */
export function roundComplete(round: Round, state: PlanState, expected: number): boolean {
  const entries = Object.values(state.assignments).filter((a) => inRound(round, a) && a.status !== 'reassigned');
  return entries.length >= expected && entries.every((a) => FINAL_STATUSES.includes(a.status));
}

/** When every submission's last deadline has passed: from then on the lead office is consolidating. */
export function reportingWindowClosesAt(plan: Plan, steps: StepSpec[]): number | undefined {
  if (!plan.reporting.consolidations.length) return undefined;
  const submissions = steps.filter((s) => s.kind === 'submission');
  const days = submissions.map((s) => s.cycles?.at(-1)?.lastDay ?? s.common.lastDay);
  if (!days.length || days.some((d) => d === undefined)) return undefined;
  return Math.max(...days.map((d) => deadlineInstant(d!)));
}

/**
 * Ready for the leader to close: every cycle of recurring work has opened, and every round is consolidated, or
 * without a reporting regime every dated work is done.
 */
export function closeReady(plan: Plan, state: PlanState, steps: StepSpec[], rounds: Round[]): boolean {
  const all = Object.values(state.assignments);
  const cyclesOpened = steps.every((s) => !s.cycles || s.cycles.every((c) => all.some((a) => a.stepId === s.stepId && a.cycle === c.key)));
  if (!cyclesOpened) return false;
  if (rounds.length) return rounds.every((r) => state.consolidations.some((c) => roundOf(c) === roundKey(r)));
  const dated = all.filter((a) => a.lastDay);
  return dated.length > 0 && dated.every((a) => FINAL_STATUSES.includes(a.status));
}

/**
 * The plan's answer: counts over every assignment, and one page of those matching the query (with their agencies'
 * scorecards), so no answer grows with the number of communes.
 */
export function pagedView(state: PlanState, query: PlanQuery | undefined): Pick<PlanView, 'assignments' | 'scorecard' | 'byStep' | 'byAgency' | 'page'> {
  const q = PlanQuery.parse(query ?? {});
  const all = Object.values(state.assignments);
  const byStep = new Map<string, AssignmentSummary['status'][]>();
  for (const a of all) {
    const statuses = byStep.get(a.stepId) ?? [];
    statuses.push(a.status);
    byStep.set(a.stepId, statuses);
  }
  const matching = all.filter((a) => (!q.step || a.stepId === q.step) && (!q.status || a.status === q.status) && (!q.agency || a.agencyId === q.agency));
  const page = matching.slice(q.offset, q.offset + q.limit);
  const agencies = new Set(page.map((a) => a.agencyId));
  return {
    assignments: Object.fromEntries(page.map((a) => [a.id, a])),
    scorecard: scorecard(all.map((a) => a.status)),
    byStep: Object.fromEntries([...byStep].map(([id, statuses]) => [id, scorecard(statuses)])),
    byAgency: scorecards({ ...state, assignments: Object.fromEntries(all.filter((a) => agencies.has(a.agencyId)).map((a) => [a.id, a])) }).byAgency,
    page: { offset: q.offset, limit: q.limit, matching: matching.length, total: all.length },
  };
}

export function scorecards(state: PlanState): { scorecard: Scorecard; byAgency: Record<string, Scorecard> } {
  const byAgency = new Map<string, AssignmentSummary['status'][]>();
  const all = Object.values(state.assignments);
  for (const a of all) byAgency.set(a.agencyId, [...(byAgency.get(a.agencyId) ?? []), a.status]);
  return {
    scorecard: scorecard(all.map((a) => a.status)),
    byAgency: Object.fromEntries([...byAgency].map(([id, statuses]) => [id, scorecard(statuses)])),
  };
}
