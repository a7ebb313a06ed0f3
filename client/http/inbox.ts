// *Việc của tôi* from Temporal visibility: the open assignments of the person's agencies, from the search attributes
// each assignment workflow carries (plan, assignee, status, last day), never by loading a plan's state. Bounded.
import type { Client } from '@temporalio/client';
import { AssignmentStatus } from '../../model/status';
import {
  ASSIGNMENT_ASSIGNEE, ASSIGNMENT_LAST_DAY, ASSIGNMENT_PLAN, ASSIGNMENT_STATUS, PLAN_NUMBER, PLAN_STAGE,
} from '../../workflows/search-attributes';

/** One page of work is what a person can act on in a sitting; a commune has far fewer open assignments. */
export const INBOX_LIMIT = 200;

export interface InboxItem {
  id: string;
  plan: string | undefined;
  assignee: string | undefined;
  status: AssignmentStatus | undefined;
  /** yyyy-mm-dd in Vietnam's time zone. */
  lastDay: string | undefined;
}

export interface InboxFilter {
  agencies: readonly string[];
  plan?: string;
  status?: AssignmentStatus;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Plan workflow ids are `plan/<key>`; quotes, backslashes and spaces cannot be in one and never reach the query. */
const PLAN_ID = /^plan\/[^'"\\\s]{1,300}$/u;

/** The visibility query; ids are checked against their formats, so nothing typed can change the query's shape. */
export function inboxQuery(filter: InboxFilter): string | undefined {
  const agencies = filter.agencies.filter((a) => ID.test(a));
  if (agencies.length === 0) return undefined;
  const parts = [
    "WorkflowType = 'assignment'",
    "ExecutionStatus = 'Running'",
    `${ASSIGNMENT_ASSIGNEE.name} IN (${agencies.map((a) => `'${a}'`).join(', ')})`,
  ];
  if (filter.plan !== undefined && PLAN_ID.test(filter.plan)) parts.push(`${ASSIGNMENT_PLAN.name} = '${filter.plan}'`);
  if (filter.status !== undefined) parts.push(`${ASSIGNMENT_STATUS.name} = '${AssignmentStatus.parse(filter.status)}'`);
  return parts.join(' AND ');
}

const dayOf = (d: Date | undefined) => d?.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The matching assignments, soonest last day first (no last day at the end). */
export async function listInbox(client: Client, filter: InboxFilter): Promise<InboxItem[]> {
  const query = inboxQuery(filter);
  if (!query) return [];
  const items: InboxItem[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    const sa = wf.typedSearchAttributes;
    const status = AssignmentStatus.safeParse(sa.get(ASSIGNMENT_STATUS));
    items.push({ id: wf.workflowId, plan: sa.get(ASSIGNMENT_PLAN), assignee: sa.get(ASSIGNMENT_ASSIGNEE), status: status.success ? status.data : undefined, lastDay: dayOf(sa.get(ASSIGNMENT_LAST_DAY)) });
    if (items.length >= INBOX_LIMIT) break;
  }
  return items.sort((a, b) => (a.lastDay ?? '9999').localeCompare(b.lastDay ?? '9999'));
}

export type Urgency = 'overdue' | 'due-soon' | 'on-track' | 'waiting' | 'done';

/** The colour of a row: quá hạn, sắp đến hạn, trong hạn (and waiting for review, done). */
export function urgencyOf(status: AssignmentStatus | undefined): Urgency {
  switch (status) {
    case 'overdue':
      return 'overdue';
    case 'due-soon':
    case 'returned':
      return 'due-soon';
    case 'not-due':
    case 'no-deadline':
    case undefined:
      return 'on-track';
    case 'submitted':
      return 'waiting';
    case 'done-on-time':
    case 'done-late':
    case 'cancelled':
    case 'reassigned':
      return 'done';
    default: {
      const never: never = status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

export interface WaitingApproval {
  planId: string;
  number: string | undefined;
  stage: 'awaiting-issue-approval' | 'awaiting-close-approval';
  /** When the plan started: how long an issue approval has waited. */
  since: Date;
}

/** Plans waiting for a leader's approval, from the plan search attributes (bounded like the inbox). */
export async function listWaitingApprovals(client: Client): Promise<WaitingApproval[]> {
  const query = "WorkflowType = 'planLifecycle' AND ExecutionStatus = 'Running' AND PlanflowStage IN ('awaiting-issue-approval', 'awaiting-close-approval')";
  const found: WaitingApproval[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    const stage = wf.typedSearchAttributes.get(PLAN_STAGE);
    if (stage !== 'awaiting-issue-approval' && stage !== 'awaiting-close-approval') continue;
    found.push({ planId: wf.workflowId, number: wf.typedSearchAttributes.get(PLAN_NUMBER), stage, since: wf.startTime });
    if (found.length >= INBOX_LIMIT) break;
  }
  return found.sort((a, b) => a.since.getTime() - b.since.getTime());
}
