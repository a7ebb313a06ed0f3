// `planflow simulate`: a plan's whole life previewed on the time-skipping test server, running the real workflows.
// A worker whose notify activity records each notification (instead of mailing) and whose sinks record statuses,
// stages and consolidations turns the run into a timeline; scripted actions go through the public client functions.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type InjectedSinks, type WorkflowBundleOption } from '@temporalio/worker';
import { z } from 'zod';
import type { Activities } from '../activities';
import { workActivities } from '../activities/work';
import { planflowDataConverter } from '../codec';
import { createPlanflowWorkers } from '../worker/workers';
import {
  addDays, addWorkingDays, civilDateAt, dayNumber, deadlineInstant, formatVietnamese, instantAt, yearOf, type CivilDate,
} from '../model/calendar';
import { PLAN_PAGE } from '../model/actions';
import { planKey, planWorkflowId, stepWorkflowId } from '../model/ids';
import type { Notification } from '../model/notifications';
import type { Plan } from '../model/plan';
import { referenceDate, rebasePlan } from '../model/rebase';
import { AssignmentStatus, FINAL_STATUSES, PlanStage } from '../model/status';
import { approversOf, planEnd } from '../model/work';
import { registerSearchAttributes } from '../worker/search-attributes';
import { resolveTemporalExecutable } from '../worker/temporal-binaries';
import { planflowBundleOptions } from '../worker/bundle-options';
import { prebuiltWorkflowBundle } from '../worker/workflow-code';
import type { PlanflowSinks } from '../workflows/sinks';
import type { AssignmentSummary, AssignmentView, PlanView } from '../workflows/state';
import {
  amendPlan, approve, cancelPlan, consolidateNow, extendDeadline, planStatus, PlanflowError, reviewReport, startPlan,
  submitReport,
} from './planflow';
import { ActionName, localTime, type RebaseTo, type ScriptAction } from './simulate-script';
import { silentLogger } from '../worker/silent-logger';

const DAY = 86_400_000;
/** How far the clock moves between checks that the plan has ended: a short wait after the end, few round trips. */
const STEP = 30 * DAY;

const At = z.iso.datetime();

/** The JSON contract of a timeline entry (issue 9); `at` is an ISO 8601 instant in whole seconds. */
export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notice'), at: At, event: z.string(), to: z.string(), workflowId: z.string(), cycle: z.string().optional() }),
  z.object({
    kind: z.literal('consolidation'), at: At, id: z.string(), cycle: z.string().optional(), reported: z.number(), missing: z.array(z.string()),
    supplement: z.boolean(),
  }),
  z.object({ kind: z.literal('stage'), at: At, stage: PlanStage }),
  z.object({ kind: z.literal('status'), at: At, workflowId: z.string(), status: AssignmentStatus, cycle: z.string().optional() }),
  /** `automatic`: done by simulate itself (no script): the issue and the close approved as soon as asked. */
  z.object({
    kind: z.literal('action'), at: At, action: ActionName, as: z.string(), workflowId: z.string(), input: z.record(z.string(), z.unknown()),
    automatic: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('refused'), at: At, action: ActionName, as: z.string(), code: z.string(), reason: z.string(), input: z.record(z.string(), z.unknown()),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const FinalState = z.object({
  planId: z.string(),
  stage: PlanStage,
  /** True when the plan's workflow still ran at `until` (the simulation's bound) and was stopped there. */
  open: z.boolean(),
  until: At,
  assignments: z.array(z.object({
    workflowId: z.string(), stepId: z.string(), agencyId: z.string(), cycle: z.string().optional(), status: AssignmentStatus,
    lastDay: z.string().optional(),
  })),
});
export type FinalState = z.infer<typeof FinalState>;

export const Simulation = z.object({ timeline: z.array(TimelineEntry), final: FinalState });
export type Simulation = z.infer<typeof Simulation>;

export interface SimulateOptions {
  /** A running time-skipping environment to use (tests share one); otherwise one is started and stopped. */
  env?: TestWorkflowEnvironment;
  /** Shift the plan so it is issued on this day (`today`: the simulated clock's day), the script by as many days. */
  rebase?: RebaseTo;
}

/** Runs the plan from its start to its end (or the bound) and returns what happened, in time order. */
export async function simulate(plan: Plan, script: ScriptAction[], options: SimulateOptions = {}): Promise<Simulation> {
  const env = options.env ?? (await startEnvironment());
  try {
    const now = await env.currentTimeMs();
    const prepared = rebased(plan, script, options.rebase, now);
    refuseThePast(prepared.plan, prepared.script, now);
    return await run(env, prepared.plan, prepared.script);
  } finally {
    if (!options.env) await env.teardown();
  }
}

async function startEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: resolveTemporalExecutable('testServer') }, client: { dataConverter: planflowDataConverter() } });
  try {
    await registerSearchAttributes(env.connection);
    return env;
  } catch (error) {
    await env.teardown();
    throw error;
  }
}

function rebased(plan: Plan, script: ScriptAction[], rebase: SimulateOptions['rebase'], now: number): { plan: Plan; script: ScriptAction[] } {
  if (!rebase) return { plan, script };
  const day = rebase === 'today' ? civilDateAt(now) : rebase;
  const days = dayNumber(day) - dayNumber(referenceDate(plan));
  return { plan: rebasePlan(plan, day), script: script.map((a) => shiftAction(a, days)) };
}

/** The same action `days` later: its instant and the dates it names. */
function shiftAction(action: ScriptAction, days: number): ScriptAction {
  const at = action.at + days * DAY;
  switch (action.kind) {
    case 'extend':
      return { ...action, at, input: { ...action.input, to: addDays(action.input.to, days) } };
    case 'review':
      return { ...action, at, input: { ...action.input, newLastDay: action.input.newLastDay && addDays(action.input.newLastDay, days) } };
    case 'approve':
    case 'report':
    case 'reassign':
    case 'cancel':
    case 'consolidate':
      return { ...action, at }; // they name no date
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The test server's clock starts now and never goes back, so a plan or script dated earlier cannot be previewed. */
function refuseThePast(plan: Plan, script: ScriptAction[], now: number): void {
  const today = civilDateAt(now);
  const hint = `đồng hồ mô phỏng bắt đầu từ hôm nay (${formatVietnamese(today)}) và không lùi được; dùng --rebase today hoặc --rebase YYYY-MM-DD để dời mọi ngày của kế hoạch (và kịch bản) sang tương lai.`;
  const { issuedOn, period } = plan.document;
  if (issuedOn && issuedOn < today) throw new PlanflowError('dated-in-the-past', `Kế hoạch ban hành ngày ${formatVietnamese(issuedOn)}: ${hint}`);
  if (!issuedOn && period && period.to < yearOf(today)) throw new PlanflowError('dated-in-the-past', `Kế hoạch thực hiện đến năm ${period.to}: ${hint}`);
  const first = script[0];
  if (first && first.at < now) {
    throw new PlanflowError('dated-in-the-past', `Thao tác đầu tiên của kịch bản lúc ${localTime(first.at)}: ${hint} Với kịch bản, chọn một ngày sau hôm nay.`);
  }
}

/** The last instant worth simulating: the plan's end (period or a year after issue), then its longest escalation ladder. */
export function simulationBound(plan: Plan, issuedOn: CivilDate): number {
  const policies = [plan.reminderPolicy, ...plan.clauses.map((c) => c.reminders), ...plan.reporting.submissions.map((s) => s.reminders)];
  const ladder = Math.max(0, ...policies.flatMap((p) => p?.escalateAfter ?? []).map((e) => e.after));
  return deadlineInstant(addWorkingDays(planEnd(plan, issuedOn), ladder + 1));
}

/** The workflow bundle of `npm run build`, else built once per process: bundling takes seconds and every simulation runs the same code. */
let bundle: Promise<WorkflowBundleOption> | undefined;
function workflowBundle(): Promise<WorkflowBundleOption> {
  const prebuilt = prebuiltWorkflowBundle();
  bundle ??= prebuilt ? Promise.resolve(prebuilt) : bundleWorkflowCode({ ...planflowBundleOptions(), logger: silentLogger });
  return bundle;
}

let runs = 0;

/**
 * For a process that prints the timeline (the CLI): worker and server logs to stderr, errors only, so stdout carries
 * the timeline or the one JSON object alone. Call before anything else of Temporal's starts.
 */
export function quietRuntime(): void {
  Runtime.install({
    logger: new DefaultLogger('ERROR', (entry) => void process.stderr.write(`${entry.message}\n`)),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
  });
}

/** What one simulation records, in the order it happened; sorted by instant at the end. */
class Recorder {
  private readonly entries: { at: number; entry?: DistributiveOmit<TimelineEntry, 'at'> }[] = [];
  add(at: number, entry: DistributiveOmit<TimelineEntry, 'at'>): void {
    this.entries.push({ at, entry });
  }
  /** A place for an entry known later (an action's outcome), so that it comes before what the action caused. */
  reserve(at: number): (entry: DistributiveOmit<TimelineEntry, 'at'>) => void {
    const slot: (typeof this.entries)[number] = { at };
    this.entries.push(slot);
    return (entry) => void (slot.entry = entry);
  }
  timeline(): TimelineEntry[] {
    const seconds = (at: number) => Math.floor(at / 1000);
    return this.entries
      .flatMap(({ at, entry }) => (entry ? [{ at, entry }] : []))
      .sort((a, b) => seconds(a.at) - seconds(b.at)) // Array#sort is stable: equal instants keep their order
      .map(({ at, entry }) => ({ at: isoSeconds(at), ...entry }));
  }
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export const isoSeconds = (at: number) => new Date(Math.floor(at / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Run {
  env: TestWorkflowEnvironment;
  client: Client;
  plan: Plan;
  planId: string;
  recorder: Recorder;
  /** No script: simulate approves the issue and the close itself. */
  automatic: boolean;
}

async function run(env: TestWorkflowEnvironment, plan: Plan, script: ScriptAction[]): Promise<Simulation> {
  const recorder = new Recorder();
  const ctx: Run = { env, client: env.client, plan, planId: planWorkflowId(planKey(plan)), recorder, automatic: script.length === 0 };
  const taskQueue = `planflow-simulate-${process.pid}-${++runs}`;
  const worker = await createPlanflowWorkers({
    connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), dataConverter: planflowDataConverter(), activities: { notify: recordingNotify(ctx), ...workActivities },
    sinks: recordingSinks(recorder), shutdownGraceTime: '5s',
  });
  const running = worker.run();
  let started = false;
  try {
    const startedAt = await env.currentTimeMs();
    await startPlan(ctx.client, plan, taskQueue);
    started = true;
    if (ctx.automatic) await approveIssue(ctx);
    for (const action of script) await perform(ctx, action);
    const until = Math.max(simulationBound(plan, plan.document.issuedOn ?? civilDateAt(startedAt)), ...script.map((a) => a.at));
    const open = !(await runUntilEnd(ctx, until));
    return { timeline: recorder.timeline(), final: await finalState(ctx, open, until) };
  } finally {
    if (started) await stopPlan(ctx);
    worker.shutdown();
    await running;
  }
}

/** The notify activity of a preview: records the notification; in automatic mode the close is approved when asked. */
function recordingNotify(ctx: Run): Activities['notify'] {
  let closeApproved = false;
  return async (n: Notification) => {
    const cycle: unknown = (n as { cycle?: unknown }).cycle;
    // The work the notice is about, as its portal link names it (a page sends its assignments' reminders); the key
    // starts with the same id, but ids and events both hold slashes. Older notices: the workflow that sent it.
    const about = /^\/(?:assignments|plans)\/([^/]+)$/u.exec(n.page ?? '')?.[1];
    const workflowId = about ? decodeURIComponent(about) : Context.current().info.workflowExecution?.workflowId ?? n.key;
    ctx.recorder.add(n.plannedAt ?? n.createdAt, {
      kind: 'notice', event: n.data.event, to: n.to.id, workflowId, ...(typeof cycle === 'string' ? { cycle } : {}),
    });
    // Approved from inside the activity: while it runs the test server holds its clock, so the approval lands at
    // the very instant the plan asked for it, before any later timer can fire.
    const closeRequest = n.data.event === 'approval-request' && n.data.stage === 'close' && workflowId === ctx.planId;
    if (ctx.automatic && closeRequest && !closeApproved && approversOf(ctx.plan, 'close').includes(n.to.id)) {
      closeApproved = true;
      await act(ctx, { kind: 'approve', at: n.createdAt, as: n.to.id, input: { stage: 'close' } }, true);
    }
    return { delivered: true };
  };
}

function recordingSinks(recorder: Recorder): InjectedSinks<PlanflowSinks> {
  const cycleOf = (cycle?: string) => (cycle === undefined ? {} : { cycle });
  return {
    planflow: {
      status: {
        fn: (info, at, status, cycle, workflowId) => recorder.add(at, { kind: 'status', workflowId: workflowId ?? info.workflowId, status, ...cycleOf(cycle) }),
        callDuringReplay: false,
      },
      stage: { fn: (_info, at, stage) => recorder.add(at, { kind: 'stage', stage }), callDuringReplay: false },
      consolidation: {
        fn: (_info, at, e) => recorder.add(at, {
          kind: 'consolidation', id: e.id, ...cycleOf(e.cycle), reported: e.reported, missing: e.missing, supplement: e.supplement,
        }),
        callDuringReplay: false,
      },
    },
  };
}

async function sleepUntil(env: TestWorkflowEnvironment, instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant > now) await env.sleep(instant - now);
}

/** Without a script the issue is approved by the plan's first issue approver: on its issue date, or at once. */
async function approveIssue(ctx: Run): Promise<void> {
  const { issuedOn } = ctx.plan.document;
  const at = Math.max(await ctx.env.currentTimeMs(), issuedOn ? instantAt(issuedOn, ctx.plan.reminderPolicy.officeHours.start) : 0);
  await sleepUntil(ctx.env, at);
  const [approver] = approversOf(ctx.plan, 'issue');
  await act(ctx, { kind: 'approve', at, as: approver ?? '(chưa khai báo)', input: { stage: 'issue' } }, true);
}

async function perform(ctx: Run, action: ScriptAction): Promise<void> {
  const now = await ctx.env.currentTimeMs();
  // Actions at one minute share it; one more than a second behind the clock was scripted for the simulated past.
  if (action.at < now - 1000) {
    const reason = `${localTime(action.at)} đã qua (đồng hồ mô phỏng: ${localTime(now)}).`;
    ctx.recorder.add(now, { kind: 'refused', action: action.kind, as: action.as, code: 'in-the-past', reason, input: { ...action.input } });
    return;
  }
  await sleepUntil(ctx.env, action.at);
  const done = await act(ctx, action, false);
  if (done && ends(action)) await settleEnd(ctx);
}

const ends = (action: ScriptAction) => action.kind === 'cancel' || (action.kind === 'approve' && action.input.stage === 'close');

/** Sends one action through the public client functions and records it, or its refusal; true when it was done. */
async function act(ctx: Run, action: ScriptAction, automatic: boolean): Promise<boolean> {
  const record = ctx.recorder.reserve(action.at);
  try {
    const { workflowId, view } = await send(ctx, action);
    record({ kind: 'action', action: action.kind, as: action.as, workflowId, input: { ...action.input }, ...(automatic ? { automatic } : {}) });
    if (view && 'spec' in view) await settle(ctx, workflowId, view);
    return true;
  } catch (error) {
    if (!(error instanceof PlanflowError)) throw error;
    record({ kind: 'refused', action: action.kind, as: action.as, code: error.code, reason: error.message, input: { ...action.input } });
    return false;
  }
}

type Sent = { workflowId: string; view?: PlanView | AssignmentView };

async function send(ctx: Run, action: ScriptAction): Promise<Sent> {
  const { client, planId } = ctx;
  const by = action.as;
  switch (action.kind) {
    case 'approve':
      return { workflowId: planId, view: await approve(client, planId, { by, stage: action.input.stage }) };
    case 'cancel':
      return { workflowId: planId, view: await cancelPlan(client, planId, { by, reason: action.input.reason }) };
    case 'consolidate':
      await consolidateNow(client, planId, { by, id: action.input.id });
      return { workflowId: planId };
    case 'reassign': {
      const { step, agency, to, reason } = action.input;
      return { workflowId: planId, view: await amendPlan(client, planId, { kind: 'reassign', by, step, agency, to, reason }) };
    }
    case 'report': {
      const { step, text, values, cycle } = action.input;
      const id = await assignmentFor(ctx, { step, agency: by, cycle, want: 'open' });
      return { workflowId: id, view: await submitReport(client, id, { by, text, values: values ?? {} }) };
    }
    case 'review': {
      const { step, agency, decision, reason, newLastDay, cycle } = action.input;
      const id = await assignmentFor(ctx, { step, agency, cycle, want: 'submitted' });
      const input = decision === 'accept' ? { by, decision } : { by, decision, reason: reason ?? '', newLastDay };
      return { workflowId: id, view: await reviewReport(client, id, input) };
    }
    case 'extend': {
      const { step, agency, to, reason, cycle } = action.input;
      const id = await assignmentFor(ctx, { step, agency, cycle, want: 'open' });
      return { workflowId: id, view: await extendDeadline(client, id, { by, newLastDay: to, reason }) };
    }
  }
}

const cycleLabel = (a: Pick<AssignmentSummary, 'cycle'>): string | undefined => (a.cycle === undefined ? undefined : String(a.cycle));
const oldestFirst = (a: AssignmentSummary, b: AssignmentSummary) =>
  (a.lastDay ?? '').localeCompare(b.lastDay ?? '') || (cycleLabel(a) ?? '').localeCompare(cycleLabel(b) ?? '', 'en', { numeric: true });

/**
 * The assignment workflow an action addresses, from the plan's status: the cycle named, else the oldest one open
 * (for a review: the oldest submitted). With none such, the latest one, whose workflow then says why it refuses.
 */
async function assignmentFor(
  ctx: Run, { step, agency, cycle, want }: { step: string; agency: string; cycle?: string; want: 'open' | 'submitted' },
): Promise<string> {
  const all = Object.values((await planStatus(ctx.client, ctx.planId, { step, agency, limit: PLAN_PAGE.max })).assignments)
    .sort(oldestFirst);
  if (!all.length) throw new PlanflowError('no-assignment', `Kế hoạch không giao "${step}" cho "${agency}".`);
  if (cycle !== undefined) {
    const named = all.find((a) => cycleLabel(a) === cycle);
    if (!named) throw new PlanflowError('no-cycle', `"${step}" của "${agency}" không có kỳ "${cycle}" (các kỳ: ${all.map(cycleLabel).join(', ')}).`);
    return named.id;
  }
  const fits = (a: AssignmentSummary) => (want === 'submitted' ? a.status === 'submitted' : !FINAL_STATUSES.includes(a.status));
  return (all.find(fits) ?? all.at(-1)!).id;
}

/**
 * Checks every `everyMs` of real time, with the simulated clock held (nothing here sleeps on it), until `done` or
 * `times` checks: what it waits for travels between workflows, which the held clock does not stop.
 */
async function waitHeld(done: () => Promise<boolean>, times: number, everyMs: number): Promise<void> {
  for (let i = 0; i < times && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

/**
 * Waits until the plan's status shows what an action did to an assignment, so the next action at the same instant
 * finds it: the change travels up through the step's signal.
 */
async function settle(ctx: Run, workflowId: string, view: AssignmentView): Promise<void> {
  const shown = async () => {
    const page = await planStatus(ctx.client, ctx.planId, { step: view.spec.stepId, agency: view.spec.assignee.id, limit: PLAN_PAGE.max });
    return page.assignments[workflowId]?.status === view.status;
  };
  await waitHeld(shown, 50, 50);
}

/**
 * After a close or a cancellation, waits until the plan's workflow has stopped its work and ended: moved on at once,
 * the clock could skip past an assignment still being asked to stop, and a report scripted after the close would then
 * be accepted by work the close had ended. Bounded (30 s): a plan that does not end in real time (its work waits for
 * a timer) is left to the clock.
 */
async function settleEnd(ctx: Run): Promise<void> {
  await waitHeld(() => hasEnded(ctx), 300, 100);
}

async function hasEnded(ctx: Run): Promise<boolean> {
  return (await ctx.client.workflow.getHandle(ctx.planId).describe()).status.name !== 'RUNNING';
}

/** Moves the clock on until the plan's workflow ends (true) or the bound is reached (false). */
async function runUntilEnd(ctx: Run, until: number): Promise<boolean> {
  for (;;) {
    if (await hasEnded(ctx)) return true;
    const now = await ctx.env.currentTimeMs();
    if (now >= until) return false;
    await ctx.env.sleep(Math.min(STEP, until - now));
  }
}

async function finalState(ctx: Run, open: boolean, until: number): Promise<FinalState> {
  // A preview is of a plan people read through: its largest page holds every assignment it has.
  const view = await planStatus(ctx.client, ctx.planId, { limit: PLAN_PAGE.max });
  const assignments = Object.values(view.assignments)
    .sort((a, b) => a.stepId.localeCompare(b.stepId) || a.agencyId.localeCompare(b.agencyId) || oldestFirst(a, b))
    .map((a) => ({
      workflowId: a.id, stepId: a.stepId, agencyId: a.agencyId, ...(cycleLabel(a) === undefined ? {} : { cycle: cycleLabel(a) }),
      status: a.status, ...(a.lastDay ? { lastDay: a.lastDay } : {}),
    }));
  return { planId: ctx.planId, stage: view.stage, open, until: isoSeconds(until), assignments };
}

/**
 * A plan still running at the bound (or when a run fails) is ended here: its workflows would otherwise wait for a
 * worker that is gone, and a time-skipping server shared with later runs cannot skip time while any task waits.
 */
async function stopPlan(ctx: Run): Promise<void> {
  if (await hasEnded(ctx).catch(() => true)) return;
  const assignments = Object.values((await planStatus(ctx.client, ctx.planId, { limit: PLAN_PAGE.max }).catch(() => undefined))?.assignments ?? {});
  const ids = [ctx.planId, ...new Set(assignments.map((a) => stepWorkflowId(ctx.planId, a.stepId))), ...assignments.map((a) => a.id)];
  for (const id of ids) {
    try {
      await ctx.client.workflow.getHandle(id).terminate('planflow simulate: hết thời gian mô phỏng');
    } catch {
      // already ended: nothing left to stop
    }
  }
}

export type { ScriptAction };
