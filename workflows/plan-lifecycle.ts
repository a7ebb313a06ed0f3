// A plan from issue to close: a leader approves the issue; recipients are notified; every step fans out to its
// agencies and cycles; reports are consolidated per cycle (and again when a late one is accepted) and sent up; a
// leader approves the close, early or when all is done. Leaders may amend or cancel it while it runs. Closing or
// cancelling ends every workflow of the plan, and every view agrees on what became of each piece of work.
import {
  CancellationScope, condition, executeChild, getExternalWorkflowHandle, patched, setHandler, startChild, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import { PLAN_PAGE, type Amend, type Approve, type Cancel, type PlanQuery } from '../model/actions';
import { civilDateAt, useOfficialDecisions, type CivilDate, type OfficialBreak } from '../model/calendar';
import { consolidate, consolidatedMarkdown, type AcceptedReport } from '../model/consolidate';
import { digestLines, needsAction, nextDigestAt, noIncidents, type DigestEntry } from '../model/digest';
import { broadcastWorkflowId, stepWorkflowId } from '../model/ids';
import { closeSummary, noticePlan } from '../model/notice-context';
import type { Contact, Notification } from '../model/notifications';
import type { Plan } from '../model/plan';
import { planText } from '../model/plan-text';
import { consolidatedReport } from '../model/report';
import { stepTitles } from '../model/step-title';
import { FINAL_STATUSES, type IncidentKind, type PlanStage } from '../model/status';
import { approversOf, assigneeFor, cycleOpensAt, PlanIndex, recipientIds, stepsOf, type StepSpec } from '../model/work';
import type { StepAmendment } from './amendments';
import {
  amendStepSignal, amendUpdate, approveUpdate, assignmentsChangedSignal, cancelUpdate, consolidateUpdate, consolidationQuery, incidentSignal,
  officialCalendarSignal, planStatusQuery,
} from './definitions';
import { broadcast, BROADCAST_FROM, BROADCAST_PAGE, type BroadcastInput } from './broadcast';
import { Mailroom, notification } from './notifications';
import {
  closeReady, inRound, reportingWindowClosesAt, roundComplete, roundDueAt, roundKey, roundsOf, scorecards, validateAmend, validateApprove,
  validateCancel, validateConsolidate, type Assigned, type Round,
} from './plan-rules';
import { planStep } from './plan-step';
import { roundOf, summarize } from './consolidation-summary';
import { consolidationDetail, planView, recordUndeliverable } from './plan-view';
import { PLAN_OVERDUE, PLAN_STAGE } from './search-attributes';
import { events } from './sinks';
import { LARGE_WORKFLOW_TASK_TIMEOUT } from './task-timeouts';
import type { AssignmentSummary, ConsolidationRecord, ConsolidationSummary, PlanState, PlanView } from './state';
import { checkSummary, IncidentSchema, INCIDENTS_KEPT, MAX_SUMMARIES_PER_SIGNAL, type PlanFacts } from './status-check';
import * as v1 from './v1/plan-lifecycle';

export interface PlanInputV2 {
  v: 2;
  plan: Plan;
  /** Official days off announced since planflow shipped, as known at start (later ones arrive by signal). */
  calendar?: OfficialBreak[];
}
export type PlanInput = PlanInputV2 | v1.PlanInput;

/** Plans started before they lived for years keep running on the code they started with (workflows/v1). */
export async function planLifecycle(input: PlanInput): Promise<PlanView> {
  // v1 results are only read by v1 clients of those plans.
  return 'v' in input ? planV2(input) : (v1.planLifecycle(input) as unknown as Promise<PlanView>);
}

const OPEN_STAGES: readonly PlanStage[] = ['in-progress', 'consolidating', 'awaiting-close-approval'];

async function planV2({ plan: original, calendar = [] }: PlanInputV2): Promise<PlanView> {
  useOfficialDecisions(calendar);
  let decisions = calendar;
  let plan = original; // amendments may add agencies (a successor after a merger)
  let index = PlanIndex.of(plan);
  const id = workflowInfo().workflowId;
  const planRef = noticePlan(plan, id);
  const state: PlanState = { stage: 'awaiting-issue-approval', assignments: {}, consolidations: [], actions: [], undeliverable: [], undeliverableCount: 0 };
  const outbox: Notification[] = [];
  const decided = new Set<string>(); // assignments whose end the plan decided (reassigned, removed)
  const assigned: Assigned = new Map();
  let steps: StepSpec[] = [];
  let rounds: Round[] = [];
  let changes = 0;
  let searchAttributes = ''; // the stage and overdue count last written
  const mail = new Mailroom((n, reason) => {
    recordUndeliverable(state, [{ to: n.to.id, event: n.data.event, reason, at: Date.now() }]);
    changes++;
  });
  // One page of assignments with counts over all, and summaries of consolidations (answers decide nothing, so replay
  // is unaffected); Updates answer with a short page: a national plan's approval must fit in a workflow task's completion.
  const view = (query?: PlanQuery): PlanView =>
    planView({ id, plan: { document: plan.document, number: planRef.number }, stepTitles: stepTitles(plan) }, state, query);
  const answer = () => view({ limit: PLAN_PAGE.ofUpdates });
  const broadcasting: Promise<void>[] = []; // children sending plan-wide notices; the plan ends after them
  const tell = (ids: string[], event: string, data: Notification['data'], cycle?: string) => {
    const contacts = index.contacts(ids);
    if (broadcasts && contacts.length > BROADCAST_FROM) return broadcastTo(contacts, event, data, cycle);
    contacts.forEach((to) => outbox.push(notification(planRef, to, event, data, undefined, cycle)));
  };

  /** A notice to many (every commune of a national plan) goes out from children of at most BROADCAST_PAGE each. */
  function broadcastTo(contacts: Contact[], event: string, data: Notification['data'], cycle?: string): void {
    for (let i = 0, page = 1; i < contacts.length; i += BROADCAST_PAGE, page++) {
      const input: BroadcastInput = { owner: id, plan: planRef, event, data, to: contacts.slice(i, i + BROADCAST_PAGE), cycle };
      broadcasting.push(executeChild(broadcast, { workflowId: broadcastWorkflowId(id, event, page), args: [input] }).then(
        (undelivered) => {
          recordUndeliverable(state, undelivered);
          if (undelivered.length) changes++;
        },
        (error: unknown) => incident('child-failed', `gửi thông báo ${event} (trang ${page}) không hoàn thành: ${error instanceof Error ? error.message : String(error)}`),
      ));
    }
  }

  // Plans recorded before this change ignored their steps' results; their histories replay without it.
  const mergesResults = patched('merge-step-results');
  // Plans recorded before lead offices received weekly digests (and before everyone who had work heard of the close).
  const digests = patched('lead-digest');
  let digestAt: number | undefined;
  const digestSent = new Map<string, string>(); // per lead office, the lines it last received
  const leads = new Map<string, string>(); // `${stepId}/${agencyId}` → its lead office, where not the step's
  // Plans recorded before status signals were checked applied them as they came.
  const checksSignals = patched('check-status-signals');
  // Plans recorded before plan-wide notices went out from children sent each from the plan itself.
  const broadcasts = patched('broadcast-notices');
  const everGiven = new Set<string>(); // `${stepId}/${agencyId}` of every agency ever given a step
  let newIncidents = noIncidents(); // since the last digests
  const facts: PlanFacts = {
    planId: id,
    step: (stepId) => {
      const step = steps.find((s) => s.stepId === stepId);
      return step && { cycles: step.cycles?.map((c) => c.key) };
    },
    given: (stepId, agencyId) => everGiven.has(`${stepId}/${agencyId}`),
    known: (assignmentId) => state.assignments[assignmentId],
  };

  // Registered once everything they use exists: an Update already waiting runs as soon as its handler is set.
  setHandler(planStatusQuery, view);
  setHandler(consolidationQuery, (query) => consolidationDetail(state.consolidations, query));
  setHandler(approveUpdate, (input) => (approve(input), answer()), { validator: (input) => validateApprove(plan, state, input) });
  setHandler(cancelUpdate, (input) => (cancel(input), answer()), { validator: (input) => validateCancel(plan, state, input) });
  setHandler(consolidateUpdate, ({ by, id: only }) => consolidateNow(by, only), { validator: (input) => validateConsolidate(plan, state, input) });
  setHandler(amendUpdate, (input) => (amend(input), answer()), {
    validator: (input) => validateAmend(plan, state, steps, assigned, input, Date.now()),
  });

  /** Records what could not be applied; bounded whatever arrives. */
  function incident(kind: IncidentKind, detail: string): void {
    const incidents = (state.incidents ??= { count: 0, latest: [] });
    incidents.count++;
    newIncidents[kind]++;
    incidents.latest = [...incidents.latest, { at: Date.now(), kind, detail: detail.slice(0, 300) }].slice(-INCIDENTS_KEPT);
  }

  /** Data must never make the plan throw: a throw would fail every retry of the task and stop the plan for good. */
  function guard(run: () => void): boolean {
    if (!checksSignals) return (run(), true);
    try {
      run();
      return true;
    } catch (error) {
      incident('data-error', `không xử lý được dữ liệu: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
  // Set once what they use exists: a signal already waiting is delivered as soon as its handler is set.
  setHandler(assignmentsChangedSignal, (summaries) => void guard(() => merge(summaries)));
  setHandler(incidentSignal, (input) => {
    const parsed = IncidentSchema.safeParse(input);
    incident(parsed.success ? parsed.data.kind : 'refused-signal', parsed.success ? parsed.data.detail : 'tín hiệu sự cố sai định dạng');
  });

  /**
   * Statuses from the steps, by signal while they run and in their results when they end (a child's last signal
   * can reach a step after its completion). A final status is never overwritten by an earlier one arriving late.
   */
  function merge(input: unknown): void {
    if (!OPEN_STAGES.includes(state.stage)) return; // the plan's own verdict stands
    for (const s of checksSignals ? checked(input) : (input as AssignmentSummary[])) {
      const known = state.assignments[s.id];
      if (decided.has(s.id) || (known && FINAL_STATUSES.includes(known.status) && !FINAL_STATUSES.includes(s.status))) continue;
      state.assignments[s.id] = s;
    }
    changes++;
  }
  /** The summaries of a status signal that may count; the rest recorded as incidents. */
  function checked(input: unknown): AssignmentSummary[] {
    if (!Array.isArray(input) || input.length > MAX_SUMMARIES_PER_SIGNAL) {
      incident('refused-signal', 'tín hiệu trạng thái không phải danh sách hợp lệ');
      return [];
    }
    const valid: AssignmentSummary[] = [];
    for (const item of input as unknown[]) {
      const result = checkSummary(facts, item);
      if (result.ok === true) valid.push(result.summary);
      else if (result.ok === false) incident('refused-signal', result.reason);
    }
    return valid;
  }
  setHandler(officialCalendarSignal, (added) => {
    decisions = added;
    useOfficialDecisions(added);
    changes++;
  });

  function setStage(stage: PlanStage): void {
    state.stage = stage;
    events.stage(Date.now(), stage);
    changes++;
  }

  function approve({ by, stage, note }: Approve): void {
    state.actions.push({ at: Date.now(), action: 'approve', by, note: note ?? stage });
    if (stage === 'issue') issue(plan.document.issuedOn ?? civilDateAt(Date.now()));
    setStage(stage === 'issue' ? 'in-progress' : 'closed');
  }

  /** Issuing fixes the dates; every first-cycle assignment exists from then on, so the approval's answer lists them. */
  function issue(issuedOn: CivilDate): void {
    state.issuedOn = issuedOn;
    planRef.issuedOn = issuedOn;
    steps = stepsOf(plan, id, issuedOn, decisions);
    rounds = roundsOf(plan, steps);
    for (const step of steps) {
      assigned.set(step.stepId, new Set(step.assignees.map((a) => a.assignee.id)));
      for (const a of step.assignees) {
        if (a.lead) leads.set(`${step.stepId}/${a.assignee.id}`, a.lead.id);
        everGiven.add(`${step.stepId}/${a.assignee.id}`);
      }
      const first = step.cycles?.[0];
      if (step.cycles && !first) continue;
      for (const a of step.assignees) {
        const assignmentId = `${stepWorkflowId(id, step.stepId)}/${a.assignee.id}${first ? `/${first.key}` : ''}`;
        const lastDay = first?.lastDay ?? step.common.lastDay;
        state.assignments[assignmentId] = {
          id: assignmentId, stepId: step.stepId, agencyId: a.assignee.id, agencyName: a.assignee.name, cycle: first?.key,
          status: lastDay ? 'not-due' : 'no-deadline', lastDay, remindersSent: 0, escalationLevel: 0,
        };
      }
    }
  }

  function cancel({ by, reason }: Cancel): void {
    state.actions.push({ at: Date.now(), action: 'cancel', by, note: reason });
    setStage('cancelled');
  }

  function consolidateNow(by: string, only?: string): ConsolidationSummary[] {
    state.actions.push({ at: Date.now(), action: 'consolidate', by, note: only });
    // The open round of each of the office's consolidations: the earliest cycle not yet consolidated that has opened.
    const mine = rounds.filter((r) => r.consolidation.by === by && (!only || r.consolidation.id === only) && !consolidated(r) && opened(r));
    const due = [...new Map(mine.map((r) => [r.consolidation.id, r])).values()];
    changes++;
    const made = due.map((r) => runRound(r, false));
    // Summaries only: each record names every missing commune; the consolidation query gives one whole.
    return made.length ? summarize(state.consolidations).slice(-made.length) : [];
  }

  function amend(input: Amend): void {
    const newAgency = 'newAgency' in input ? input.newAgency : undefined;
    if (newAgency && !index.agencies.has(newAgency.id)) {
      plan = { ...plan, agencies: [...plan.agencies, newAgency] };
      index = PlanIndex.of(plan);
    }
    const step = steps.find((s) => s.stepId === input.step)!;
    const current = assigned.get(step.stepId)!;
    const note = input.kind === 'reassign' ? `${input.agency} → ${input.to}${input.reason ? `: ${input.reason}` : ''}` : input.kind === 'change-deadline' ? `${input.lastDay}: ${input.reason}` : input.reason;
    state.actions.push({ at: Date.now(), action: input.kind, by: input.by, note: `${input.step}${'agency' in input ? `/${input.agency}` : ''} ${note ?? ''}`.trim() });
    let amendment: StepAmendment;
    switch (input.kind) {
      case 'reassign': {
        const to = assigneeFor(index, step, input.to);
        end(step.stepId, input.agency, 'reassigned');
        tell([input.agency], `reassigned/${step.stepId}/${input.to}`, { event: 'reassigned', stepId: step.stepId, clauseText: step.common.text, successor: to.assignee.name, reason: input.reason });
        current.delete(input.agency);
        current.add(input.to);
        everGiven.add(`${step.stepId}/${input.to}`);
        amendment = { kind: 'reassign', agency: input.agency, to, by: input.by, reason: input.reason };
        break;
      }
      case 'add-agency':
        current.add(input.agency);
        everGiven.add(`${step.stepId}/${input.agency}`);
        amendment = { kind: 'add-agency', assignee: assigneeFor(index, step, input.agency), by: input.by, reason: input.reason };
        break;
      case 'remove-agency':
        end(step.stepId, input.agency, 'cancelled');
        current.delete(input.agency);
        amendment = { kind: 'remove-agency', agency: input.agency, by: input.by, reason: input.reason };
        break;
      case 'change-deadline':
        amendment = { kind: 'change-deadline', lastDay: input.lastDay, by: input.by, reason: input.reason };
        break;
      default:
        return input satisfies never;
    }
    getExternalWorkflowHandle(stepWorkflowId(id, step.stepId)).signal(amendStepSignal, amendment).catch(() => undefined);
    changes++;
  }

  /** The plan decides how an agency's open work on a step ended; its workflows' own later word does not change that. */
  function end(stepId: string, agencyId: string, status: 'reassigned' | 'cancelled'): void {
    for (const a of Object.values(state.assignments)) {
      if (a.stepId !== stepId || a.agencyId !== agencyId || FINAL_STATUSES.includes(a.status)) continue;
      a.status = status;
      decided.add(a.id);
    }
  }

  const consolidated = (r: Round) => state.consolidations.some((c) => !c.supplement && roundOf(c) === roundKey(r));
  const opensAt = (r: Round) => r.cycle && cycleOpensAt(r.cycle, state.issuedOn!, plan.reminderPolicy.officeHours.start);
  const opened = (r: Round) => !r.cycle || opensAt(r)! <= Date.now();
  const expectedIn = (r: Round) => r.stepIds.reduce((n, stepId) => n + (assigned.get(stepId)?.size ?? 0), 0);

  /** Consolidates a round with what has come in, naming who is missing; a supplement adds reports accepted since. */
  function runRound(round: Round, supplement: boolean): ConsolidationRecord {
    const { consolidation: c, cycle } = round;
    const entries = Object.values(state.assignments).filter((a) => inRound(round, a) && a.status !== 'reassigned' && a.status !== 'cancelled');
    const reports: AcceptedReport[] = entries.filter((a) => a.values).map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, values: a.values! }));
    const indicatorIds = new Set(plan.reporting.submissions.filter((s) => c.of.includes(s.id)).flatMap((s) => s.indicators));
    const expected = entries.map((a) => ({ id: a.agencyId, name: a.agencyName }));
    const asOf = civilDateAt(Date.now());
    const result = consolidate(plan.indicators.filter((i) => indicatorIds.has(i.id)), reports, expected, asOf);
    const markdown = consolidatedMarkdown(planRef, index.contact(c.by).name, index.contacts(c.to).map((x) => x.name), result, { cycleLabel: cycle?.label, supplement });
    const count = state.consolidations.filter((x) => x.id === c.id && x.cycle === cycle?.key).length;
    const record: ConsolidationRecord = { id: c.id, cycle: cycle?.key, supplement, at: Date.now(), included: reports.map((r) => r.agencyId), result, markdown };
    state.consolidations.push(record);
    const missing = entries.filter((a) => !record.included.includes(a.agencyId)).map((a) => a.agencyId);
    // The report itself travels with the notice: the email shows its table and attaches it as a .docx (Decree 30).
    const report = consolidatedReport(plan, c, result, { cycle: cycle?.label, supplement });
    tell(c.to, `consolidated-${roundKey(round)}${count ? `/${count + 1}` : ''}`, {
      event: 'consolidated-report', consolidationId: c.id, markdown, missing: result.missing, cycleLabel: cycle?.label, supplement, report,
    }, cycle?.key);
    events.consolidation(Date.now(), { id: c.id, cycle: cycle?.key, reported: reports.length, missing, supplement });
    changes++;
    return record;
  }

  /** Reports accepted after their round was consolidated: a supplementary report (báo cáo bổ sung) to the same superiors. */
  function lateAccepted(round: Round): boolean {
    const records = state.consolidations.filter((x) => x.id === round.consolidation.id && x.cycle === round.cycle?.key);
    if (!records.length) return false;
    const included = new Set(records.flatMap((x) => x.included));
    return Object.values(state.assignments).some((a) => inRound(round, a) && (a.status === 'done-on-time' || a.status === 'done-late') && !included.has(a.agencyId));
  }

  /**
   * Each lead office's weekly digest: sent when it has a report to receive or a unit to chase, or when its lines
   * changed since the last one (a week of silence is not news).
   */
  function sendDigests(): void {
    const byLead = new Map<string, DigestEntry[]>();
    const stepOf = new Map(steps.map((s) => [s.stepId, s]));
    for (const a of Object.values(state.assignments)) {
      const step = stepOf.get(a.stepId);
      if (!step) continue;
      const lead = leads.get(`${a.stepId}/${a.agencyId}`) ?? step.common.lead.id;
      const cycle = a.cycle ? step.cycles?.find((c) => c.key === a.cycle)?.label ?? a.cycle : undefined;
      const entry = { stepId: a.stepId, title: step.common.stepTitle ?? a.stepId, cycle, agencyName: a.agencyName, status: a.status };
      const entries = byLead.get(lead) ?? [];
      entries.push(entry);
      byLead.set(lead, entries);
    }
    const weekOf = civilDateAt(Date.now());
    // Incidents since the last digests: every lead office hears how many, as it may have to ask the operators.
    const incidents = { ...newIncidents };
    const told = Object.values(incidents).some((n) => n > 0);
    newIncidents = noIncidents();
    for (const [lead, entries] of byLead) {
      const lines = digestLines(entries);
      const fingerprint = JSON.stringify(lines);
      if (!told && (!lines.length || (!needsAction(lines) && digestSent.get(lead) === fingerprint))) continue;
      digestSent.set(lead, fingerprint);
      tell([lead], `digest-${weekOf}`, { event: 'digest', weekOf, lines, ...(told ? { incidents } : {}) });
    }
  }

  function flush(): void {
    const overdue = Object.values(state.assignments).filter((a) => a.status === 'overdue').length;
    const fingerprint = `${state.stage}/${overdue}`;
    if (fingerprint !== searchAttributes) {
      searchAttributes = fingerprint;
      upsertSearchAttributes([{ key: PLAN_STAGE, value: state.stage }, { key: PLAN_OVERDUE, value: overdue }]);
    }
    mail.post(outbox.splice(0));
  }

  /** Sends what is queued, then waits for a change or an instant. */
  async function waitForChange(until?: number): Promise<void> {
    flush();
    const seen = changes;
    if (until === undefined) await condition(() => changes !== seen);
    else if (until > Date.now()) await condition(() => changes !== seen, until - Date.now());
  }

  // Issue.
  tell(approversOf(plan, 'issue'), 'approval-request-issue', { event: 'approval-request', stage: 'issue', stageLabel: 'Ký ban hành kế hoạch' });
  while (state.stage === 'awaiting-issue-approval') await waitForChange();
  if (state.stage === 'cancelled') return finish();
  const issuedOn = state.issuedOn!;
  const signatory = plan.signatory && plan.people.find((p) => p.id === plan.signatory!.person);
  tell(recipientIds(plan), 'plan-issued', { event: 'plan-issued', issuedOn, signedBy: signatory?.name ?? signatory?.title, planText: planText(plan, issuedOn) });

  // Work: one child per step, all in one scope so a cancel or close stops them together, cycles included.
  const work = new CancellationScope();
  const stepsDone = work.run(() =>
    Promise.allSettled(steps.map((step) =>
      startChild(planStep, { workflowId: stepWorkflowId(id, step.stepId), args: [{ v: 2, step }], workflowTaskTimeout: LARGE_WORKFLOW_TASK_TIMEOUT })
        .then((child) => child.result())
        .then((summaries) => mergesResults && guard(() => merge(summaries))))),
  );

  // Consolidate each round as it becomes ready (and again after late reports), then wait for the leader to close.
  const reportingCloses = reportingWindowClosesAt(plan, steps);
  const failedRounds = new Set<string>(); // a round whose data could not be consolidated is not retried in a loop
  while (OPEN_STAGES.includes(state.stage)) {
    if (state.stage === 'in-progress' && reportingCloses !== undefined && Date.now() >= reportingCloses) setStage('consolidating');
    for (const round of rounds) {
      const due = roundDueAt(plan, round, steps, issuedOn);
      if (failedRounds.has(roundKey(round))) continue;
      if (!consolidated(round) && opened(round) && (roundComplete(round, state, expectedIn(round)) || (due !== undefined && Date.now() >= due))) {
        if (!guard(() => runRound(round, false))) failedRounds.add(roundKey(round));
      } else if (lateAccepted(round) && !guard(() => runRound(round, true))) failedRounds.add(roundKey(round));
    }
    if ((state.stage === 'in-progress' || state.stage === 'consolidating') && closeReady(plan, state, steps, rounds)) {
      setStage('awaiting-close-approval');
      tell(approversOf(plan, 'close'), 'approval-request-close', {
        event: 'approval-request', stage: 'close', stageLabel: 'Kết thúc kế hoạch',
        summary: closeSummary(scorecards(state).scorecard, state.consolidations.length),
      });
    }
    if (digests && (state.stage === 'in-progress' || state.stage === 'consolidating')) {
      if (digestAt !== undefined && Date.now() >= digestAt) guard(sendDigests);
      if (digestAt === undefined || Date.now() >= digestAt) digestAt = nextDigestAt(Date.now(), plan.reminderPolicy.officeHours.start);
    }
    const next = [reportingCloses, digestAt, ...rounds.filter((r) => !consolidated(r)).flatMap((r) => [roundDueAt(plan, r, steps, issuedOn), opensAt(r)])]
      .filter((t): t is number => t !== undefined && t > Date.now());
    await waitForChange(next.length ? Math.min(...next) : undefined);
  }

  work.cancel(); // closed or cancelled: stop what still runs, every cycle of it
  await CancellationScope.nonCancellable(() => stepsDone);
  return finish();

  async function finish(): Promise<PlanView> {
    for (const a of Object.values(state.assignments)) if (!FINAL_STATUSES.includes(a.status)) a.status = 'cancelled';
    const last = state.actions.at(-1);
    if (state.stage === 'cancelled') {
      // Work stops unfinished: everyone who had some hears why, as well as the plan's recipients.
      const everyone = [...new Set([...recipientIds(plan), ...Object.values(state.assignments).map((a) => a.agencyId)])];
      tell(everyone, 'plan-cancelled', { event: 'plan-cancelled', reason: last?.note ?? '', by: last?.by ?? '' });
    } else {
      const workers = digests ? Object.values(state.assignments).map((a) => a.agencyId) : [];
      tell([...new Set([...recipientIds(plan), ...workers])], 'plan-closed', { event: 'plan-closed', by: last?.by ?? '' });
    }
    flush();
    await mail.drain();
    await Promise.all(broadcasting);
    return view();
  }
}
