// Assignment statuses as Vietnamese task tracking counts them (QĐ 42/2014/QĐ-TTg as amended by QĐ 23/2018/QĐ-TTg,
// plus the states tracking systems add), and the per-plan and per-agency figures leaders are judged by.
import { z } from 'zod';

export const AssignmentStatus = z.enum([
  'not-due', // chưa đến hạn / đang thực hiện trong hạn
  'due-soon', // sắp đến hạn: inside the reminder window
  'overdue', // đang thực hiện quá hạn
  'submitted', // đã nộp – chờ duyệt
  'returned', // đề nghị bổ sung, hoàn thiện (returned for completion)
  'done-on-time', // hoàn thành đúng hạn
  'done-late', // hoàn thành quá hạn
  'cancelled', // đã hủy
  'reassigned', // đã chuyển giao: the work passed to another agency (a successor after a merger)
  'no-deadline', // không có thời hạn (a standing duty)
]);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

export const STATUS_LABELS: Record<AssignmentStatus, { vi: string; en: string }> = {
  'not-due': { vi: 'đang thực hiện trong hạn', en: 'in progress, not yet due' },
  'due-soon': { vi: 'sắp đến hạn', en: 'due soon' },
  overdue: { vi: 'đang thực hiện quá hạn', en: 'overdue' },
  submitted: { vi: 'đã nộp – chờ duyệt', en: 'submitted, awaiting review' },
  returned: { vi: 'đề nghị bổ sung, hoàn thiện', en: 'returned for completion' },
  'done-on-time': { vi: 'hoàn thành đúng hạn', en: 'completed on time' },
  'done-late': { vi: 'hoàn thành quá hạn', en: 'completed late' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  reassigned: { vi: 'đã chuyển giao cho đơn vị khác', en: 'reassigned to another agency' },
  'no-deadline': { vi: 'không có thời hạn', en: 'no deadline' },
};

/** A plan's stages, from the issue approval to its close. */
export const PlanStage = z.enum(['awaiting-issue-approval', 'in-progress', 'consolidating', 'awaiting-close-approval', 'closed', 'cancelled']);
export type PlanStage = z.infer<typeof PlanStage>;

export const STAGE_LABELS: Record<PlanStage, { vi: string; en: string }> = {
  'awaiting-issue-approval': { vi: 'chờ duyệt ban hành', en: 'awaiting issue approval' },
  'in-progress': { vi: 'đang thực hiện', en: 'in progress' },
  consolidating: { vi: 'đang tổng hợp báo cáo', en: 'consolidating reports' },
  'awaiting-close-approval': { vi: 'chờ duyệt kết thúc', en: 'awaiting close approval' },
  closed: { vi: 'đã kết thúc', en: 'closed' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

/** The approval a plan waits for in a stage: the issue before it is issued, the close while it runs. */
export function pendingApproval(stage: PlanStage): 'issue' | 'close' | undefined {
  if (stage === 'awaiting-issue-approval') return 'issue';
  if (stage === 'in-progress' || stage === 'consolidating' || stage === 'awaiting-close-approval') return 'close';
  return undefined;
}

export const FINAL_STATUSES: readonly AssignmentStatus[] = ['done-on-time', 'done-late', 'cancelled', 'reassigned'];
/** Statuses the clock moves work between (the others are set by people's actions). */
export const CLOCK_STATUSES: readonly AssignmentStatus[] = ['not-due', 'due-soon', 'overdue', 'no-deadline'];
/** Statuses in which the agency still has to act, so reminders and escalations apply. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['not-due', 'due-soon', 'overdue', 'returned'];

export type StatusCounts = Record<AssignmentStatus, number>;

export interface Scorecard {
  counts: StatusCounts;
  total: number;
  /**
   * Done on time over everything that is done or already late (done-on-time + done-late + overdue); undefined
   * while nothing is due yet. Work not yet due does not count for or against anyone.
   */
  onTimeShare?: number;
}

export function scorecard(statuses: Iterable<AssignmentStatus>): Scorecard {
  const counts = Object.fromEntries(AssignmentStatus.options.map((s) => [s, 0])) as StatusCounts;
  let total = 0;
  for (const s of statuses) {
    counts[s]++;
    total++;
  }
  const judged = counts['done-on-time'] + counts['done-late'] + counts.overdue;
  return { counts, total, onTimeShare: judged === 0 ? undefined : counts['done-on-time'] / judged };
}

/** What a plan records when it cannot apply something: a malformed status signal, a failed child, unusable data. */
export const IncidentKind = z.enum(['refused-signal', 'child-failed', 'data-error']);
export type IncidentKind = z.infer<typeof IncidentKind>;
