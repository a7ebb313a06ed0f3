// The memo each assignment starts with (clause title, plan number and title, cycle), read from a visibility listing
// and checked at this boundary: an old assignment without one, or one that does not fit, falls back to its id.
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { z } from 'zod';
import type { AssignmentMemo } from '../../workflows/search-attributes';

/** The plan schema bounds each of these texts; the same bounds here keep a page's rows bounded. */
export const AssignmentMemoSchema = z.object({
  title: z.string().min(1).max(2000),
  planNumber: z.string().min(1).max(200),
  planTitle: z.string().min(1).max(2000),
  cycle: z.string().min(1).max(200).optional(),
});
// A compile error here means workflows/search-attributes.ts changed the memo: change the schema with it.
const sameShape: z.ZodType<AssignmentMemo> = AssignmentMemoSchema;
void sameShape;

/** What a list row names an assignment by (the workflow id as its title when it has no memo). */
export const Described = z.object({
  title: z.string(),
  planNumber: z.string().optional(),
  planTitle: z.string().optional(),
  cycle: z.string().optional(),
});
export type Described = z.infer<typeof Described>;

export function describeAssignment(wf: Pick<WorkflowExecutionInfo, 'workflowId' | 'memo'>): Described {
  const memo = AssignmentMemoSchema.safeParse(wf.memo);
  if (!memo.success) return { title: wf.workflowId };
  return { title: memo.data.title, planNumber: memo.data.planNumber, planTitle: memo.data.planTitle, cycle: memo.data.cycle };
}
