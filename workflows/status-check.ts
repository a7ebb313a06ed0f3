// Status signals are data arriving from outside the plan's own code: each summary is checked (shape, an id that
// belongs to this plan and the step it names, an agency given that step, a cycle of that step, a status that can
// follow the one known) before it counts. Anything else is ignored and recorded as an incident — never thrown,
// because a throw here would fail the workflow task again on every retry and stop the plan.
import { z } from 'zod';
import { ReportValues } from '../model/actions';
import { assignmentWorkflowId } from '../model/ids';
import { LocalDate } from '../model/plan';
import { AssignmentStatus, FINAL_STATUSES, IncidentKind } from '../model/status';
import type { AssignmentSummary } from './state';

const Text = (max: number) => z.string().max(max);
const Count = z.number().int().nonnegative().max(1_000_000);
const Instant = z.number().int().nonnegative().max(8_640_000_000_000_000);

/** A summary's shape, bounded like every other input; unknown fields are dropped. */
export const AssignmentSummarySchema = z.object({
  id: Text(600), stepId: Text(200), agencyId: Text(200), agencyName: Text(500), status: AssignmentStatus,
  lastDay: LocalDate.optional(), cycle: Text(20).optional(), remindersSent: Count, escalationLevel: Count,
  submittedAt: Instant.optional(), completedAt: Instant.optional(), reportSummary: Text(500).optional(), values: ReportValues.optional(),
});

/** Incidents kept in the plan's state (the count goes on): bounded whatever arrives. */
export const INCIDENTS_KEPT = 20;

/** An incident told by a step (a child that failed), checked like any signal. */
export const IncidentSchema = z.object({ at: Instant, kind: IncidentKind, detail: Text(300) });

/** At most this many summaries per signal: a page forwards its changes in batches far smaller. */
export const MAX_SUMMARIES_PER_SIGNAL = 5_000;

/** What the plan knows to judge a summary by. */
export interface PlanFacts {
  planId: string;
  /** The step's cycle keys (recurring work), or undefined when it has none; undefined step: not in this plan. */
  step(stepId: string): { cycles?: string[] } | undefined;
  /** Whether the agency was ever given the step (amendments included). */
  given(stepId: string, agencyId: string): boolean;
  known(id: string): AssignmentSummary | undefined;
}

export type Checked = { ok: true; summary: AssignmentSummary } | { ok: false; reason: string } | { ok: 'stale' };

/** Checks one summary; `stale` is a late signal of work already ended (normal, not an incident). */
export function checkSummary(facts: PlanFacts, input: unknown): Checked {
  const parsed = AssignmentSummarySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `tín hiệu trạng thái sai định dạng (${issue.path.join('.') || 'dữ liệu'}: ${issue.message})` };
  }
  const s = parsed.data;
  const step = facts.step(s.stepId);
  if (!step) return { ok: false, reason: `tín hiệu trạng thái về bước "${s.stepId}" không thuộc kế hoạch` };
  if (!facts.given(s.stepId, s.agencyId)) return { ok: false, reason: `tín hiệu trạng thái của đơn vị "${s.agencyId}" không được giao bước "${s.stepId}"` };
  if (step.cycles ? !s.cycle || !step.cycles.includes(s.cycle) : s.cycle !== undefined) {
    return { ok: false, reason: `tín hiệu trạng thái có kỳ báo cáo "${s.cycle ?? ''}" không thuộc bước "${s.stepId}"` };
  }
  const expectedId = `${assignmentWorkflowId(facts.planId, s.stepId, s.agencyId)}${s.cycle ? `/${s.cycle}` : ''}`;
  if (s.id !== expectedId) return { ok: false, reason: `tín hiệu trạng thái có mã "${s.id}" không khớp bước và đơn vị` };
  if ((s.status === 'done-on-time' || s.status === 'done-late') && s.completedAt === undefined) {
    return { ok: false, reason: `tín hiệu trạng thái "${s.status}" của "${s.id}" không có thời điểm hoàn thành` };
  }
  const known = facts.known(s.id);
  if (known && FINAL_STATUSES.includes(known.status) && known.status !== s.status) return { ok: 'stale' };
  return { ok: true, summary: s };
}
