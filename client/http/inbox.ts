// *Việc của tôi* from Temporal visibility: the open assignments of the person's agencies, from the search attributes
// each assignment workflow carries (plan, assignee, status, last day), never by loading a plan's state. Bounded.
import type { Client } from '@temporalio/client';
import { AssignmentStatus } from '../../model/status';
import { ASSIGNMENT_ASSIGNEE, ASSIGNMENT_DUE_SOON, ASSIGNMENT_LAST_DAY, ASSIGNMENT_PLAN, ASSIGNMENT_STATUS } from '../../workflows/search-attributes';
import { statusFilter, statusNow } from './clock';
import { z } from 'zod';
import { Described, describeAssignment } from './memo';

/** One page of work is what a person can act on in a sitting; a commune has far fewer open assignments. */
export const INBOX_LIMIT = 200;

/** One row of *Việc của tôi* (the JSON API's `items` too). */
export const InboxItem = Described.extend({
  id: z.string(),
  plan: z.string().optional(),
  assignee: z.string().optional(),
  status: AssignmentStatus.optional(),
  /** yyyy-mm-dd in Vietnam's time zone. */
  lastDay: z.string().optional(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export interface InboxFilter {
  agencies: readonly string[];
  plan?: string;
  status?: AssignmentStatus;
}

export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Plan workflow ids are `plan/<key>`; quotes, backslashes and spaces cannot be in one and never reach the query. */
export const PLAN_ID = /^plan\/[^'"\\\s]{1,300}$/u;

/** `IN ('a', 'b')` of the ids in the directory's format only, so nothing typed can change a query's shape. */
export function idList(ids: readonly string[]): string | undefined {
  const valid = ids.filter((a) => ID.test(a));
  return valid.length ? `IN (${valid.map((a) => `'${a}'`).join(', ')})` : undefined;
}

/** The running assignments whose search attribute `key` names one of `ids`. */
export function runningAssignments(key: string, ids: readonly string[]): string[] | undefined {
  const list = idList(ids);
  return list ? ["WorkflowType = 'assignment'", "ExecutionStatus = 'Running'", `${key} ${list}`] : undefined;
}

/**
 * The visibility query at `now` (a status follows the clock: client/http/clock.ts); ids are checked against their
 * formats, so nothing typed can change the query's shape.
 */
export function inboxQuery(filter: InboxFilter, now: Date): string | undefined {
  const parts = runningAssignments(ASSIGNMENT_ASSIGNEE.name, filter.agencies);
  if (!parts) return undefined;
  if (filter.plan !== undefined && PLAN_ID.test(filter.plan)) parts.push(`${ASSIGNMENT_PLAN.name} = '${filter.plan}'`);
  if (filter.status !== undefined) parts.push(statusFilter(AssignmentStatus.parse(filter.status), now));
  return parts.join(' AND ');
}

export const dayOf = (d: Date | undefined) => d?.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The matching assignments, soonest last day first (no last day at the end). */
export async function listInbox(client: Client, filter: InboxFilter, now = new Date()): Promise<InboxItem[]> {
  const query = inboxQuery(filter, now);
  if (!query) return [];
  const items: InboxItem[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 100 })) {
    const sa = wf.typedSearchAttributes;
    const status = AssignmentStatus.safeParse(sa.get(ASSIGNMENT_STATUS));
    const lastDay = sa.get(ASSIGNMENT_LAST_DAY);
    items.push({
      id: wf.workflowId, ...describeAssignment(wf), plan: sa.get(ASSIGNMENT_PLAN), assignee: sa.get(ASSIGNMENT_ASSIGNEE),
      status: status.success ? statusNow(status.data, lastDay, sa.get(ASSIGNMENT_DUE_SOON), now) : undefined, lastDay: dayOf(lastDay),
    });
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
