// One step of a plan (a clause or a report submission) fanned out to its agencies: one assignment child per agency
// and, for recurring work, per cycle — each cycle opened on its own schedule whatever happened to the one before (a
// step of several cycles starts a child of this same workflow per cycle, which runs that cycle's work).
// At most PAGE_SIZE agencies per workflow (larger steps start child pages of this same workflow, a tree). Forwards
// its children's status changes to its parent in batches, applies amendments, and ends when all its work has.
import {
  CancellationScope, condition, getExternalWorkflowHandle, isCancellation, patched, proxyLocalActivities, setHandler, startChild, workflowInfo,
} from '@temporalio/workflow';
import { untrackPromise } from '@temporalio/workflow/lib/stack-helpers';
import type { Activities } from '../activities';
import { useOfficialDecisions } from '../model/calendar';
import { assignmentWorkflowId, cycleWorkflowId, pageWorkflowId, workTaskQueue } from '../model/ids';
import { FINAL_STATUSES } from '../model/status';
import { assignmentSpec, countedLastDay, cycleOpensAt, type Assignee, type AssignmentSpec, type StepCycle, type StepSpec } from '../model/work';
import { TypedSearchAttributes } from '@temporalio/common';
import type { StepAmendment } from './amendments';
import { assignment, assignmentIndex, initialSummary } from './assignment';
import { amendStepSignal, assignmentsChangedSignal, incidentSignal, officialCalendarSignal, sentNoticesQuery } from './definitions';
import { PageClock } from './page-clock';
import { events } from './sinks';
import { ASSIGNMENT_REVIEWERS, type AssignmentMemo } from './search-attributes';
import { LARGE_WORKFLOW_TASK_TIMEOUT } from './task-timeouts';
import type { AssignmentSummary } from './state';
import * as v1 from './v1/plan-step';

/**
 * The memo and search attributes an assignment starts with (bounded: the plan schema bounds each text): the reviewers,
 * and, when its parent announces it, the status and deadline it starts at.
 */
function describe(spec: AssignmentSpec, announced?: AssignmentSummary, asleep?: boolean): { memo: Record<string, unknown>; typedSearchAttributes: TypedSearchAttributes } {
  const memo: AssignmentMemo = {
    title: spec.stepTitle ?? spec.stepId, planNumber: spec.plan.number, planTitle: spec.plan.title, cycle: spec.cycle?.label,
  };
  const indexed = announced ? assignmentIndex(spec, announced, asleep) : [];
  return { memo: { ...memo }, typedSearchAttributes: new TypedSearchAttributes([{ key: ASSIGNMENT_REVIEWERS, value: spec.reviewers }, ...indexed]) };
}

/** Far below Temporal's 2,000 pending children per run, and keeps each history well under 10,000 events. */
export const PAGE_SIZE = 500;

// Inside the page's own workflow task at its close, STOP_BATCH assignments a call (activities/work.ts).
const { cancelWork, stopWork } = proxyLocalActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

export interface StepInputV2 {
  v: 2;
  step: StepSpec;
}
export type StepInput = StepInputV2 | Parameters<typeof v1.planStep>[0];

/** Workflows started before plans lived for years keep running on the code they started with (workflows/v1). */
export async function planStep(input: StepInput): Promise<AssignmentSummary[]> {
  // v1 results are only ever read by v1 parents, which replay their own recorded histories.
  return 'v' in input ? planStepV2(input) : (v1.planStep(input) as unknown as Promise<AssignmentSummary[]>);
}

interface Child {
  id: string;
  agencyId: string;
  cycle?: StepCycle;
  /** Settles once the child has started (or failed to). */
  started?: Promise<unknown>;
  result: Promise<AssignmentSummary[]>;
  /** Ends the wait for an assignment the page stopped at the close (its end may never be told: stopped() says why). */
  stop?: () => void;
}

/**
 * A page opens its agencies' work this many at a time, one workflow task each: 500 starts in one task took over the
 * worker's 5-second limit per activation on a loaded machine, and a task that always times out never ends.
 */
export const START_BATCH = 50;

async function planStepV2({ step: original }: StepInputV2): Promise<AssignmentSummary[]> {
  useOfficialDecisions(original.common.calendar);
  const step: StepSpec = { ...original, assignees: [...original.assignees] };
  const { workflowId } = workflowInfo();
  const paged = step.assignees.length > PAGE_SIZE;
  const changed = new Map<string, AssignmentSummary>();
  const finalIds = new Set<string>(); // children whose work has ended (from their status)
  const stoppedIds = new Set<string>(); // assignments the page stopped at the close
  const children: Child[] = [];
  let opened: StepCycle | undefined; // the latest cycle opened
  let closing = false;

  // Steps recorded before this change forwarded signals only; their histories replay without the extra batches.
  const forwardsResults = patched('forward-child-results');
  // Assignments started before inboxes showed titles and reviews carry neither memo nor reviewers.
  const describes = patched('assignment-memo');
  // Steps recorded before failures were reported let a failed child go unseen.
  const reportsFailures = patched('report-child-failures');
  // Steps recorded before national plans forwarded every change in one signal and returned every summary; now each
  // signal carries at most FORWARD_BATCH and the result nothing (the parent has had it all by signal).
  const bounded = patched('bounded-step-messages');
  // Steps recorded before large steps coalesced their forwarding sent each change as it came.
  const coalesces = step.assignees.length > COALESCE_FROM && patched('coalesced-forwarding');
  // Recurring steps recorded before each cycle had its own child ran every cycle's work in this one workflow (and in
  // each page), so a five-year plan's history grew with every cycle. Now a step of several cycles starts a child per
  // cycle, on the cycle's schedule; the child runs (and pages) that cycle's work alone.
  const byCycle = (step.cycles?.length ?? 0) > 1 && patched('cycle-children');
  // Steps recorded before starts were batched opened all their work in one workflow task.
  const batchesStarts = step.assignees.length > START_BATCH && patched('batched-starts');
  // Assignments started before they had their own task queue ran on the step's (worker/workers.ts says why).
  const work = patched('work-queue') ? { taskQueue: workTaskQueue(workflowInfo().taskQueue) } : {};
  // Assignments started before their parents announced them signalled their first summary, one workflow task of the
  // parent each; now the parent counts them from the start, with their search attributes set as they start.
  const announces = describes && patched('announced-starts');
  // Assignments started before their parents followed the clock signalled each move between its statuses (due soon,
  // overdue): a workflow task of the assignment and of its parent each. Now the parent moves them as their deadlines
  // come, with the reminders and escalation step the clock has given them (page-clock.ts).
  const countsClock = announces && patched('clock-statuses-by-parent');
  // Assignments started before their parents sent the clock's notices (reminders, overdue, escalation) woke for each
  // and sent it themselves. Now the parent sends them when they fall due (clock-notices.ts), inside its own workflow
  // task; an assignment wakes only when its status moves.
  const sendsNotices = countsClock && patched('clock-notices-by-parent');
  // Assignments started before their parents answered for their clock's statuses where people look woke as each came
  // (due soon, overdue) to write it in their search attributes. Now they sleep through them (assignment.ts): the
  // page's clock tells the preview's timeline and the sentNotices query; lists read the dates they were started with.
  const sleeps = sendsNotices && patched('clock-asleep');
  // Steps recorded before the close asked their work to stop from outside cancelled each assignment as a child: a
  // request and an acknowledgement in the page's history for each, the acknowledgement a workflow task of the page
  // (a page of 500 took ~800 tasks at a large plan's close). Now its assignments are started out of reach of its own
  // cancellation and, when it is cancelled, asked to stop by a local activity; it still waits for each to end (a child
  // that ends after its parent froze the time-skipping server's clock: README, Benchmark).
  const asksToStop = announces && patched('close-asks-work-to-stop');
  // Assignments started before this change recorded a marker for each of their own patches and waited for their last
  // mail on a timer. Now they are started settled (assignment.ts): a patch marker here stands for all of theirs.
  const settles = sleeps && patched('settled-assignments');
  // Assignments started before this change could complete while their last signal's acknowledgement was on its way,
  // and had that completion refused (assignment.ts, `endsAfterSignal`).
  const endsAfterSignal = settles && patched('work-ends-after-its-signal');
  let stopAsked = false;
  if (asksToStop) CancellationScope.current().cancelRequested.catch(() => (stopAsked = true));
  // Its own assignments as it last counted them (at most PAGE_SIZE), and the clock that moves them.
  const clock = new PageClock(step.common.policy, { counts: countsClock, sends: sendsNotices, asleep: sleeps }, (s) => count(s));

  /** Tells the plan that a child ended without a result (failed, terminated, timed out). */
  function failed(childId: string, who: string, error: unknown): void {
    const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    const detail = `công việc của ${who} (${childId}) dừng bất thường: ${why}`.slice(0, 300);
    getExternalWorkflowHandle(step.common.planId).signal(incidentSignal, { at: Date.now(), kind: 'child-failed', detail }).catch(() => undefined);
  }
  setHandler(assignmentsChangedSignal, (summaries) => summaries.forEach((s) => {
    // A status signalled before the child's end can arrive after its final result: never step back.
    const known = changed.get(s.id);
    if (!(known && FINAL_STATUSES.includes(known.status) && !FINAL_STATUSES.includes(s.status)) && !finalIds.has(s.id)) count(s);
  }));
  setHandler(officialCalendarSignal, (decisions) => {
    useOfficialDecisions(decisions);
    clock.calendarChanged();
  });
  setHandler(amendStepSignal, (amendment) => amend(amendment));
  setHandler(sentNoticesQuery, (id) => clock.sent(id) ?? null);

  /** To be forwarded; its own assignments as the clock has them (a summary may have taken a while to come). */
  function count(summary: AssignmentSummary): void {
    const s = clock.heard(summary, Date.now()) ?? summary;
    changed.set(s.id, s);
  }

  /**
   * An assignment that failed or was terminated says nothing more: the plan would count it as it last heard for
   * ever (an announced one as not yet due). It counts as cancelled; the plan's incident says why.
   */
  function countEnded(id: string): void {
    const last = clock.last(id);
    if (last && !FINAL_STATUSES.includes(last.status) && patched('failed-child-cancelled')) count({ ...last, status: 'cancelled' });
  }

  const childId = (agencyId: string, cycle?: StepCycle) =>
    `${assignmentWorkflowId(step.common.planId, step.stepId, agencyId)}${cycle ? `/${cycle.key}` : ''}`;

  function open(a: Assignee, cycle: StepCycle | undefined): void {
    const id = childId(a.assignee.id, cycle);
    // An agency added back keeps its one workflow per cycle; a page asked to stop opens no more.
    if (children.some((c) => c.id === id) || stopAsked) return;
    // A new official day off moves a cycle counted from the data cut-off, if it has not opened yet.
    const dated = cycle?.counted ? { ...cycle, lastDay: countedLastDay(cycle.counted) } : cycle;
    const spec = assignmentSpec(step, a, dated);
    const announced = announces ? initialSummary(id, spec, Date.now()) : undefined;
    const described = describes ? describe(spec, announced, sleeps) : {};
    const clockCounted = countsClock
      ? {
        clockCounted: true as const, ...(sendsNotices ? { clockNoticed: true as const } : {}), ...(sleeps ? { clockAsleep: true as const } : {}),
        ...(settles ? { settled: true as const } : {}), ...(endsAfterSignal ? { endsAfterSignal: true as const } : {}),
      }
      : {};
    const start = () => startChild(assignment, {
      workflowId: id, args: [{ v: 2, spec, ...(announced ? { announced } : {}), ...clockCounted }], ...work, ...described,
    });
    const started = asksToStop ? CancellationScope.nonCancellable(start) : start();
    if (announced) {
      clock.announce(id, spec, announced, Date.now());
      count(announced);
    }
    // Settles when the child ends, or when the page has ended it at the close (stopped(), which may never hear of it).
    let finish!: (summaries: AssignmentSummary[]) => void;
    const result = untracked(new Promise<AssignmentSummary[]>((resolve) => (finish = resolve)));
    void untracked(untracked(started.then((child) => untracked(child.result()))).then((summary) => {
      // Its last signal may arrive after its completion; the result says the same, so forward that too.
      if (forwardsResults) count(summary);
      finish([summary]);
    }, (error: unknown) => {
      // A failed or terminated child never takes its siblings with it; the plan records it for people to see.
      if (reportsFailures && !stoppedIds.has(id)) failed(id, a.assignee.name, error);
      countEnded(id);
      finish([]);
    }));
    children.push({ id, agencyId: a.assignee.id, cycle, started, result, stop: () => finish([]) });
  }

  /** Opens every agency's work for a cycle, a batch per workflow task where the step is large. */
  async function openAll(cycle: StepCycle | undefined): Promise<void> {
    for (const [i, a] of step.assignees.entries()) {
      open(a, cycle);
      if (batchesStarts && (i + 1) % START_BATCH === 0) {
        await Promise.all(children.slice(-START_BATCH).map((c) => (c.started ?? Promise.resolve()).catch(() => undefined)));
      }
    }
  }

  function openPages(): void {
    for (let i = 0, n = 1; i < step.assignees.length; i += PAGE_SIZE, n++) {
      const page: StepSpec = { ...step, assignees: step.assignees.slice(i, i + PAGE_SIZE) };
      const id = pageWorkflowId(workflowId, n);
      const result = startChild(planStep, { workflowId: id, args: [{ v: 2, step: page }], workflowTaskTimeout: LARGE_WORKFLOW_TASK_TIMEOUT })
        .then((child) => child.result())
        .catch((error: unknown) => {
          if (reportsFailures) failed(id, `trang ${n}`, error);
          return [];
        });
      children.push({ id, agencyId: '', result });
    }
  }

  function amend(amendment: StepAmendment): void {
    // Cycles still to open take the amendment from this step's own list; the ones open apply it to their work.
    if (byCycle) {
      amendOwnList(amendment);
      return forwardAmendment(amendment);
    }
    // Each page applies what concerns its own agencies.
    if (paged) return forwardAmendment(amendment);
    if (!amendOwnList(amendment)) return;
    switch (amendment.kind) {
      case 'reassign':
      case 'remove-agency': {
        const open = children.filter((c) => c.agencyId === amendment.agency && !finalIds.has(c.id));
        for (const c of open) getExternalWorkflowHandle(c.id).cancel().catch(() => undefined);
        if (amendment.kind === 'reassign') for (const c of open) openFor(amendment.to, c.cycle);
        return;
      }
      case 'add-agency':
        if (opened || !step.cycles) openFor(amendment.assignee, opened);
        return;
      case 'change-deadline':
        for (const c of children) if (!finalIds.has(c.id)) getExternalWorkflowHandle(c.id).signal(amendStepSignal, amendment).catch(() => undefined);
        return;
      default:
        return amendment satisfies never;
    }
  }

  /** Applies an amendment to this step's own agencies and deadline; false when the agency named is not among them. */
  function amendOwnList(amendment: StepAmendment): boolean {
    switch (amendment.kind) {
      case 'reassign':
      case 'remove-agency': {
        const at = step.assignees.findIndex((a) => a.assignee.id === amendment.agency);
        if (at < 0) return false;
        step.assignees.splice(at, 1, ...(amendment.kind === 'reassign' ? [amendment.to] : []));
        return true;
      }
      case 'add-agency':
        step.assignees.push(amendment.assignee);
        return true;
      case 'change-deadline':
        step.common = { ...step.common, lastDay: amendment.lastDay };
        return true;
      default:
        return amendment satisfies never;
    }
  }

  /** Children running parts of this step (pages, cycles) apply it to their own work; an added agency joins the last. */
  function forwardAmendment(amendment: StepAmendment): void {
    const targets = amendment.kind === 'add-agency' ? children.slice(-1) : children;
    for (const c of targets) getExternalWorkflowHandle(c.id).signal(amendStepSignal, amendment).catch(() => undefined);
  }

  /** One child per cycle, each started when its cycle opens, with the agencies the step has then. */
  async function openCycles(cycles: StepCycle[]): Promise<void> {
    for (const cycle of cycles) {
      const opensAt = cycleOpensAt(cycle, cycles[0]!.opensOn, step.common.policy.officeHours.start);
      if (opensAt > Date.now()) await condition(() => false, opensAt - Date.now());
      opened = cycle;
      const id = cycleWorkflowId(workflowId, cycle.key);
      const own: StepSpec = { ...step, assignees: [...step.assignees], cycles: [cycle] };
      const result = startChild(planStep, { workflowId: id, args: [{ v: 2, step: own }], workflowTaskTimeout: LARGE_WORKFLOW_TASK_TIMEOUT })
        .then((child) => child.result())
        .catch((error: unknown) => {
          failed(id, `chu kỳ ${cycle.label}`, error);
          return [];
        });
      children.push({ id, agencyId: '', cycle, result });
    }
  }

  /** Opens work for an agency that joins while the step runs, once its first cycle has opened. */
  function openFor(a: Assignee, cycle: StepCycle | undefined): void {
    if (!closing) open(a, cycle);
  }

  const parent = workflowInfo().parent;
  const forward = async () => {
    while (!closing || changed.size) {
      await condition(() => closing || changed.size > 0);
      if (!changed.size) continue;
      // A large step gathers what else changes within the window into the same signal: reports from thousands of
      // communes would otherwise reach the plan one signal each, past what one history should hold.
      if (coalesces && !closing) await condition(() => closing, COALESCE_WINDOW);
      const batch = [...changed.values()];
      changed.clear();
      for (const s of batch) if (FINAL_STATUSES.includes(s.status)) finalIds.add(s.id);
      if (!parent) continue;
      for (const part of bounded ? chunks(batch, FORWARD_BATCH) : [batch]) {
        await getExternalWorkflowHandle(parent.workflowId).signal(assignmentsChangedSignal, part);
      }
    }
  };
  // Forwarding outlives a cancellation: the last statuses still reach the parent before the step ends.
  const forwarding = CancellationScope.nonCancellable(forward);
  // Likewise the clock: it stops when the step closes, whether it ends or is cancelled.
  const clockWatching = countsClock ? CancellationScope.nonCancellable(() => clock.run()) : Promise.resolve();
  // Its work asked to stop once it is cancelled, each assignment that has started and not ended.
  const stopping = asksToStop ? CancellationScope.nonCancellable(async () => {
    await condition(() => stopAsked || closing);
    if (!stopAsked) return;
    await Promise.all(children.map((c) => (c.started ?? Promise.resolve()).catch(() => undefined)));
    const open = children.filter((c) => c.agencyId && !FINAL_STATUSES.includes(clock.last(c.id)?.status ?? 'cancelled'));
    // Pages recorded before the close ended work on the server asked each assignment to cancel: a workflow task of
    // each, a replay where it was no longer cached. Now work at rest is terminated (activities/work.ts); the
    // time-skipping server never tells a parent of a child's termination, so the page counts each as cancelled itself
    // and waits no more for it.
    const ends = patched('close-terminates-work');
    for (const part of chunks(open, ends ? STOP_BATCH : PAGE_SIZE)) {
      const ids = part.map((c) => c.id);
      if (!ends) {
        await cancelWork(ids);
        continue;
      }
      const waitFor = new Set(await stopWork(ids));
      for (const c of part) if (!waitFor.has(c.id)) stopped(c);
    }
  }) : Promise.resolve();

  /**
   * An assignment the page ended at the close, whose end the page may never hear of (the time-skipping server never tells
   * a parent of a termination): counted as cancelled, in the timeline too, as it would have said itself.
   */
  function stopped(c: Child): void {
    stoppedIds.add(c.id);
    countEnded(c.id);
    events.status(Date.now(), 'cancelled', c.cycle?.key, c.id);
    c.stop?.();
  }

  try {
    if (byCycle) await openCycles(step.cycles!);
    else if (paged) openPages();
    else {
      const cycles = step.cycles ?? [undefined];
      for (const cycle of cycles) {
        const opensAt = cycle ? cycleOpensAt(cycle, step.cycles![0]!.opensOn, step.common.policy.officeHours.start) : Date.now();
        if (opensAt > Date.now()) await condition(() => false, opensAt - Date.now());
        opened = cycle;
        await openAll(cycle);
      }
    }
    const all = await settle(children);
    closing = true;
    clock.stop();
    await Promise.all([forwarding, clockWatching, stopping]);
    return bounded ? [] : all;
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelling this workflow cancels its children; wait for them to end so none is left behind.
    closing = true;
    clock.stop();
    return CancellationScope.nonCancellable(async () => {
      const all = await settle(children);
      await Promise.all([forwarding, clockWatching, stopping]);
      return bounded ? [] : all;
    });
  }
}

/**
 * Steps (and pages) of more agencies than this forward their changes at most once per window: the plan's counts of a
 * national plan lag by up to a window per level, its history stays bounded. Small steps forward at once.
 */
export const COALESCE_FROM = 100;
export const COALESCE_WINDOW = '10 minutes';

/**
 * Work stopped per local activity at the close. A page's 500 in one took over a minute at 3,321 × 5 × 2 (a history read
 * and a termination each, on a server that slows with every change it makes), past the page's workflow-task timeout,
 * and ran again; stopWork is safe to run again, and smaller calls rarely need to.
 */
export const STOP_BATCH = 100;

/** Far below the plan's limit per signal (status-check.ts), and a payload of tens of kilobytes. */
export const FORWARD_BATCH = 500;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * A promise the workflow keeps pending for long, left out of the SDK's record of pending promises for its stack-trace
 * query. That record keeps each one's stack, formatted and as frames (a few KB): with a page's 500 children each
 * waited on through a few such promises, the time-skipping bench's 3,321 × 5 × 2 plan held ~300 MiB of them in the
 * tree's workflow thread (its V8 heap grew from 117 to 332 MiB alive as pages opened, `--trace-gc`, 2026-11-27); the
 * worker as a whole passed 1 GiB. The stack-trace query still shows where the page waits, through its other promises.
 * The SDK untracks its own long-lived promises the same way (cancellation scopes); it exports the function from an
 * internal module only.
 */
function untracked<T>(promise: Promise<T>): Promise<T> {
  untrackPromise(promise);
  return promise;
}

/** Waits for every child, including any an amendment starts meanwhile. */
async function settle(children: Child[]): Promise<AssignmentSummary[]> {
  let count = -1;
  while (count !== children.length) {
    count = children.length;
    await Promise.all(children.map((c) => c.result));
  }
  return (await Promise.all(children.map((c) => c.result))).flat();
}
