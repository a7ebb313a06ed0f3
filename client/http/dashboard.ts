// The plan dashboard's figures from Temporal visibility, never from the plan's whole state: "x/y xã đã báo cáo" per
// step (and per cycle of recurring work) by `count` queries, and the overdue assignments by one bounded listing.
import type { Client } from '@temporalio/client';
import { civilDateAt } from '../../model/calendar';
import type { Plan } from '../../model/plan';
import type { StepSpec } from '../../model/work';
import { stepsOf } from '../../model/work';
import { ASSIGNMENT_ASSIGNEE, ASSIGNMENT_LAST_DAY, ASSIGNMENT_PLAN } from '../../workflows/search-attributes';
import { statusFilter } from './clock';
import { workingDaysLeft } from './dates';
import { dayOf, ID, INBOX_LIMIT, PLAN_ID } from './inbox';
import { describeAssignment } from './memo';

/** Reported: the report is in (waiting for review or accepted). Work cancelled or passed on is not counted at all. */
const REPORTED = "PlanflowStatus IN ('submitted', 'done-on-time', 'done-late')";
const COUNTED = "PlanflowStatus NOT IN ('cancelled', 'reassigned')";
/** A cycle's assignments are named one by one (their ids end with the cycle); this many ids per count query. */
const IDS_PER_QUERY = 100;

export interface Progress {
  reported: number;
  total: number;
}

export interface StepProgress extends Progress {
  stepId: string;
  title: string;
  /** Every assignee is a commune: the dashboard says "xã" rather than "đơn vị". */
  communes: boolean;
  cycles: (Progress & { key: string; label: string })[];
}

const quoted = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

/** The assignments of one plan, by ids in their formats only (a plan id or step id cannot change a query's shape). */
function planScope(planId: string): string {
  if (!PLAN_ID.test(planId)) throw new Error(`${planId}: không phải mã kế hoạch`);
  return `WorkflowType = 'assignment' AND ${ASSIGNMENT_PLAN.name} = '${planId}'`;
}

async function progressOf(client: Client, scope: string): Promise<Progress> {
  const [reported, total] = await Promise.all([
    client.workflow.count(`${scope} AND ${REPORTED}`), client.workflow.count(`${scope} AND ${COUNTED}`),
  ]);
  return { reported: reported.count, total: total.count };
}

/** A cycle's figures: its assignments named in chunks, each chunk two counts. */
async function cycleProgress(client: Client, plan: string, step: StepSpec, key: string): Promise<Progress> {
  const ids = step.assignees.map((a) => `${step.common.planId}/${step.stepId}/${a.assignee.id}/${key}`);
  const sum: Progress = { reported: 0, total: 0 };
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const part = await progressOf(client, `${plan} AND WorkflowId IN (${quoted(ids.slice(i, i + IDS_PER_QUERY))})`);
    sum.reported += part.reported;
    sum.total += part.total;
  }
  return sum;
}

/** Per step of the plan (and per cycle that has opened), how many of its agencies have reported. */
export async function stepProgress(client: Client, plan: Plan, planId: string, issuedOn: string, now: Date): Promise<StepProgress[]> {
  const scope = planScope(planId);
  const kinds = new Map(plan.agencies.map((a) => [a.id, a.kind]));
  const today = civilDateAt(now.getTime());
  const result: StepProgress[] = [];
  for (const step of stepsOf(plan, planId, issuedOn)) {
    if (!ID.test(step.stepId)) continue;
    const progress = await progressOf(client, `${scope} AND WorkflowId STARTS_WITH '${planId}/${step.stepId}/'`);
    const opened = (step.cycles ?? []).filter((c) => c.opensOn <= today);
    const cycles = [];
    for (const c of opened) if (ID.test(c.key)) cycles.push({ key: c.key, label: c.label, ...await cycleProgress(client, scope, step, c.key) });
    result.push({
      stepId: step.stepId, title: step.common.stepTitle ?? step.stepId, ...progress, cycles,
      communes: step.assignees.every((a) => kinds.get(a.assignee.id) === 'commune'),
    });
  }
  return result;
}

export interface OverdueRow {
  id: string;
  agency: string | undefined;
  step: string;
  cycle: string | undefined;
  lastDay: string | undefined;
  /** Working days past the last day, as offices count them. */
  workingDaysLate: number | undefined;
}

/** The plan's overdue assignments, longest overdue first: at most INBOX_LIMIT rows, and how many there are in all. */
export async function overdueList(client: Client, planId: string, now: Date): Promise<{ rows: OverdueRow[]; total: number }> {
  const query = `${planScope(planId)} AND ExecutionStatus = 'Running' AND ${statusFilter('overdue', now)}`;
  const rows: OverdueRow[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    const lastDay = dayOf(wf.typedSearchAttributes.get(ASSIGNMENT_LAST_DAY));
    const memo = describeAssignment(wf);
    rows.push({
      id: wf.workflowId, agency: wf.typedSearchAttributes.get(ASSIGNMENT_ASSIGNEE), step: memo.title, cycle: memo.cycle, lastDay,
      workingDaysLate: lastDay === undefined ? undefined : -workingDaysLeft(lastDay, now),
    });
    if (rows.length >= INBOX_LIMIT) break;
  }
  const total = rows.length < INBOX_LIMIT ? rows.length : (await client.workflow.count(query)).count;
  return { rows: rows.sort((a, b) => (b.workingDaysLate ?? 0) - (a.workingDaysLate ?? 0)), total };
}
