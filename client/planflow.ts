// The public client functions: start a plan and act on it. Inputs are validated with the model's schemas before
// anything is sent, and Temporal's errors come back as PlanflowError with a code and a Vietnamese reason.
import {
  WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { Amend, Approve, Cancel, Consolidate, ConsolidationQuery, Extend, Review, SubmitReport, type PlanQuery } from '../model/actions';
import { documentNumber, planKey, planWorkflowId } from '../model/ids';
import { zodErrorMap } from '../model/messages';
import { CLOCK_STATUSES } from '../model/status';
import type { Plan } from '../model/plan';
import {
  amendUpdate, approveUpdate, assignmentStatusQuery, cancelUpdate, sentNoticesQuery, consolidateUpdate, consolidationQuery, extendUpdate, planStatusQuery,
  reviewUpdate, submitReportUpdate,
} from '../workflows/definitions';
import type { planLifecycle } from '../workflows/plan-lifecycle';
import { PLAN_ISSUER, PLAN_NUMBER, PLAN_OVERDUE, PLAN_STAGE } from '../workflows/search-attributes';
import { LARGE_WORKFLOW_TASK_TIMEOUT } from '../workflows/task-timeouts';
import type { AssignmentView, ConsolidationDetail, ConsolidationSummary, PlanStage, PlanView } from '../workflows/state';
import { officialDecisions } from './calendar';

export const DEFAULT_TASK_QUEUE = 'planflow';

export class PlanflowError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PlanflowError';
  }
}

/**
 * The plan travels as its workflow's input, and Temporal refuses an input over its 2 MiB blob limit with an English
 * "Failed to start Workflow" (a 25,000-commune plan, 3.1 MB as JSON, was). A plan file may hold 16 MB of text, so
 * the plan is measured first, with room left for the calendar and the start event around it.
 */
export const MAX_PLAN_INPUT_BYTES = 1.5 * 1024 * 1024;

/** Refuses, in Vietnamese and before anything reaches Temporal, a plan too large to start. */
export function checkPlanInputSize(plan: Plan): void {
  const bytes = Buffer.byteLength(JSON.stringify(plan));
  if (bytes <= MAX_PLAN_INPUT_BYTES) return;
  const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  throw new PlanflowError('plan-too-large', `(kế hoạch): quá lớn để khởi chạy (${mb(bytes)} MB khi gửi đi, tối đa ${mb(MAX_PLAN_INPUT_BYTES)} MB); hãy tách thành nhiều kế hoạch, ví dụ theo huyện hoặc theo giai đoạn`);
}

/** Starts a plan's workflow; a plan already started (running or ended) is refused, never run twice. */
export async function startPlan(client: Client, plan: Plan, taskQueue = DEFAULT_TASK_QUEUE): Promise<string> {
  const planId = planWorkflowId(planKey(plan));
  checkPlanInputSize(plan);
  try {
    // By its type name: importing the workflow's code would load the workflow SDK into every CLI call and the portal.
    await client.workflow.start<typeof planLifecycle>('planLifecycle', {
      workflowId: planId,
      taskQueue,
      // The official days off announced so far travel with the plan; later ones reach it by signal.
      args: [{ v: 2, plan, calendar: [...(await officialDecisions(client))] }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowTaskTimeout: LARGE_WORKFLOW_TASK_TIMEOUT,
      typedSearchAttributes: [
        { key: PLAN_NUMBER, value: documentNumber(plan) },
        { key: PLAN_ISSUER, value: plan.document.issuer },
        { key: PLAN_STAGE, value: 'awaiting-issue-approval' },
        { key: PLAN_OVERDUE, value: 0 },
      ],
    });
    return planId;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new PlanflowError('already-started', `Kế hoạch ${documentNumber(plan)} đã được khởi chạy (${planId}); xem: planflow status ${planId}`);
    }
    throw error;
  }
}

/** Validates an action's input at the client boundary, reporting `path: message` lines. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input, { error: zodErrorMap('vi') });
  if (parsed.success) return parsed.data;
  throw new PlanflowError('invalid-input', parsed.error.issues.map((i) => `${i.path.join('.') || '(dữ liệu)'}: ${i.message}`).join('\n'));
}

/**
 * Runs a call against one workflow, turning Temporal's failures into PlanflowError. Assignments start a moment
 * after the issue is approved, so a workflow not found yet is tried again for a few seconds.
 */
async function call<T>(client: Client, workflowId: string, run: () => Promise<T>, retryUntil = Date.now() + 10_000): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError && Date.now() < retryUntil) {
      if (await hasEnded(client, workflowId)) throw new PlanflowError('ended', `"${workflowId}" đã kết thúc; không thể thao tác thêm.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return call(client, workflowId, run, retryUntil);
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure) throw new PlanflowError(cause.type ?? 'rejected', cause.message);
      throw new PlanflowError('update-failed', `${workflowId}: thao tác không thành công (${cause?.message ?? error.message})`);
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new PlanflowError('not-found', `Không tìm thấy "${workflowId}" hoặc kế hoạch đã kết thúc.`);
    }
    throw error;
  }
}

async function hasEnded(client: Client, workflowId: string): Promise<boolean> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name !== 'RUNNING';
  } catch {
    return false;
  }
}

const handle = (client: Client, workflowId: string) => client.workflow.getHandle(workflowId);

/** The kind of workflow an id names (`plan`, `assignment`, …), for commands that take either; an unknown id in words. */
export async function workflowType(client: Client, workflowId: string): Promise<string> {
  try {
    return (await handle(client, workflowId).describe()).type;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new PlanflowError('not-found', `Không tìm thấy "${workflowId}": không có kế hoạch hay nhiệm vụ nào mang mã này.`);
    }
    throw error;
  }
}

export const approve = (client: Client, planId: string, input: Approve): Promise<PlanView> =>
  call(client, planId, () => handle(client, planId).executeUpdate(approveUpdate, { args: [checked(Approve, input)] }));

export const cancelPlan = (client: Client, planId: string, input: Cancel): Promise<PlanView> =>
  call(client, planId, () => handle(client, planId).executeUpdate(cancelUpdate, { args: [checked(Cancel, input)] }));

/** Consolidates the lead office's open reporting rounds now; answers with summaries of the consolidations it made. */
export const consolidateNow = (client: Client, planId: string, input: Consolidate): Promise<ConsolidationSummary[]> =>
  call(client, planId, () => handle(client, planId).executeUpdate(consolidateUpdate, { args: [checked(Consolidate, input)] }));

/** A leader's amendment in flight: reassign, add or remove an agency, or move a step's deadline. */
export const amendPlan = (client: Client, planId: string, input: Amend): Promise<PlanView> =>
  call(client, planId, () => handle(client, planId).executeUpdate(amendUpdate, { args: [checked(Amend, input)] }));

export const submitReport = (client: Client, assignmentId: string, input: z.input<typeof SubmitReport>): Promise<AssignmentView> =>
  call(client, assignmentId, () => handle(client, assignmentId).executeUpdate(submitReportUpdate, { args: [checked(SubmitReport, input)] }));

export const reviewReport = (client: Client, assignmentId: string, input: Review): Promise<AssignmentView> =>
  call(client, assignmentId, () => handle(client, assignmentId).executeUpdate(reviewUpdate, { args: [checked(Review, input)] }));

export const extendDeadline = (client: Client, assignmentId: string, input: Extend): Promise<AssignmentView> =>
  call(client, assignmentId, () => handle(client, assignmentId).executeUpdate(extendUpdate, { args: [checked(Extend, input)] }));

/** A plan's counts, one page of its assignments (by default the first 500) and summaries of its consolidations. */
export async function planStatus(client: Client, planId: string, query?: PlanQuery): Promise<PlanView> {
  return call(client, planId, () => handle(client, planId).query(planStatusQuery, query));
}

/**
 * One consolidation record whole (result, text, agencies included): by default the plan's newest; undefined when
 * there is none. Plans started before consolidations were summarised (workflows/v1) answer no such query.
 */
export async function consolidation(client: Client, planId: string, query: ConsolidationQuery = {}): Promise<ConsolidationDetail | undefined> {
  const checkedQuery = checked(ConsolidationQuery, query);
  return (await call(client, planId, () => handle(client, planId).query(consolidationQuery, checkedQuery))) ?? undefined;
}

/**
 * An assignment as it stands. When its page sends its clock's notices, the reminders and escalation step as its page
 * sent them, and the mail of theirs that could not be delivered beside its own; when it sleeps through its clock, the
 * status the page's clock has given it since it last woke (due soon, overdue), unless a person's action came since.
 */
export async function assignmentStatus(client: Client, assignmentId: string): Promise<AssignmentView> {
  const view = await call(client, assignmentId, () => handle(client, assignmentId).query(assignmentStatusQuery));
  if (!view.noticedBy) return view;
  const sent = await handle(client, view.noticedBy).query(sentNoticesQuery, assignmentId).catch(() => null);
  if (!sent) return view;
  const { status, ...counts } = sent;
  const onClock = status && CLOCK_STATUSES.includes(status) && CLOCK_STATUSES.includes(view.status) ? { status } : {};
  return { ...view, ...counts, ...onClock, undeliverable: [...view.undeliverable, ...sent.undeliverable] };
}

export interface PlanListing {
  id: string;
  number?: string;
  issuer?: string;
  stage?: PlanStage;
  overdue?: number;
  status: string;
  startTime: Date;
}

/** Every plan the server knows, newest first, from the visibility store (search attributes). */
export async function listPlans(client: Client): Promise<PlanListing[]> {
  const plans: PlanListing[] = [];
  for await (const wf of client.workflow.list({ query: `WorkflowType = 'planLifecycle'` })) {
    const sa = wf.typedSearchAttributes;
    plans.push({
      id: wf.workflowId,
      number: sa.get(PLAN_NUMBER),
      issuer: sa.get(PLAN_ISSUER),
      stage: sa.get(PLAN_STAGE) as PlanStage | undefined,
      overdue: sa.get(PLAN_OVERDUE),
      status: wf.status.name,
      startTime: wf.startTime,
    });
  }
  return plans;
}

/** Waits for a plan to end (closed or cancelled) and returns its final state. */
export const planResult = (client: Client, planId: string): Promise<PlanView> =>
  client.workflow.getHandle<typeof planLifecycle>(planId).result();
