// A plan from issue to close: a leader approves the issue; recipients are notified; every step fans out to its
// agencies; reports are consolidated and sent up; a leader approves the close. Cancellable by a leader throughout.
import {
  CancellationScope, condition, executeChild, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { Approve, Cancel, Consolidate } from '../../model/actions';
import { civilDateAt, type CivilDate } from '../../model/calendar';
import { consolidate, consolidatedMarkdown, type AcceptedReport } from '../../model/consolidate';
import { assignmentWorkflowId, documentNumber, stepWorkflowId } from '../../model/ids';
import type { Notification } from '../../model/notifications';
import type { Plan } from '../../model/plan';
import { planText } from '../../model/plan-text';
import { FINAL_STATUSES } from '../../model/status';
import { approversOf, contacts, expandAgencies, recipientIds, stepsOf, type StepSpec } from './work';
import { approveUpdate, assignmentsChangedSignal, cancelUpdate, consolidateUpdate, planStatusQuery } from './definitions';
import { notification, send } from './notifications';
import {
  closeReady, consolidationDueAt, consolidationReady, reportingWindowClosesAt, scorecards, validateApprove, validateCancel, validateConsolidate,
} from './plan-rules';
import { planStep } from './plan-step';
import { PLAN_OVERDUE, PLAN_STAGE } from '../search-attributes';
import type { AssignmentSummary, PlanState, PlanView } from './state';

export interface PlanInput {
  plan: Plan;
}

export async function planLifecycle({ plan }: PlanInput): Promise<PlanView> {
  const id = workflowInfo().workflowId;
  const planRef = { id, number: documentNumber(plan), title: plan.document.title };
  const state: PlanState = { stage: 'awaiting-issue-approval', assignments: {}, consolidations: {}, actions: [] };
  const outbox: Notification[] = [];
  const consolidationRequests = new Set<string>();
  let changes = 0;
  let steps: StepSpec[] = [];
  const view = (): PlanView => ({ id, plan: { document: plan.document, number: planRef.number }, ...state, ...scorecards(state) });

  let searchAttributes = ''; // the stage and overdue count last written
  const tell = (ids: string[], event: string, data: Notification['data']) =>
    contacts(plan, ids).forEach((to) => outbox.push(notification(planRef, to, event, data)));

  // Registered once everything they use exists: an Update already waiting runs as soon as its handler is set.
  setHandler(planStatusQuery, view);
  setHandler(approveUpdate, (input) => (approve(input), view()), { validator: (input) => validateApprove(plan, state, input) });
  setHandler(cancelUpdate, (input) => (cancel(input), view()), { validator: (input) => validateCancel(plan, state, input) });
  setHandler(consolidateUpdate, (input) => (requestConsolidation(input), view()), {
    validator: (input) => validateConsolidate(plan, state, input),
  });
  setHandler(assignmentsChangedSignal, (summaries) => merge(summaries));

  function approve({ by, stage, note }: Approve): void {
    state.actions.push({ at: Date.now(), action: 'approve', by, note: note ?? stage });
    state.stage = stage === 'issue' ? 'in-progress' : 'closed';
    if (stage === 'issue') issue(plan.document.issuedOn ?? civilDateAt(Date.now()));
    changes++;
  }

  /** Issuing fixes the dates; every assignment exists from then on, so the approval's answer already lists them. */
  function issue(issuedOn: CivilDate): void {
    state.issuedOn = issuedOn;
    steps = stepsOf(plan, id, issuedOn);
    for (const step of steps) {
      for (const a of step.assignees) {
        const assignmentId = assignmentWorkflowId(id, step.stepId, a.assignee.id);
        state.assignments[assignmentId] = {
          id: assignmentId, stepId: step.stepId, agencyId: a.assignee.id, agencyName: a.assignee.name,
          status: step.common.lastDay ? 'not-due' : 'no-deadline', lastDay: step.common.lastDay, remindersSent: 0, escalationLevel: 0,
        };
      }
    }
  }

  function cancel({ by, reason }: Cancel): void {
    state.actions.push({ at: Date.now(), action: 'cancel', by, note: reason });
    state.stage = 'cancelled';
    changes++;
  }

  function requestConsolidation({ by }: Consolidate): void {
    state.actions.push({ at: Date.now(), action: 'consolidate', by });
    plan.reporting.consolidations.filter((c) => c.by === by).forEach((c) => consolidationRequests.add(c.id));
    changes++;
  }

  function merge(summaries: AssignmentSummary[]): void {
    if (state.stage === 'closed' || state.stage === 'cancelled') return; // the plan's own verdict stands
    for (const s of summaries) state.assignments[s.id] = s;
    changes++;
  }

  async function flush(): Promise<void> {
    const overdue = Object.values(state.assignments).filter((a) => a.status === 'overdue').length;
    const fingerprint = `${state.stage}/${overdue}`;
    if (fingerprint !== searchAttributes) {
      searchAttributes = fingerprint;
      upsertSearchAttributes([{ key: PLAN_STAGE, value: state.stage }, { key: PLAN_OVERDUE, value: overdue }]);
    }
    // A plan-level notice that cannot be delivered (a recipient's refused address) is kept for the status view.
    for (const { notification: n, reason } of await send(outbox.splice(0))) {
      state.undeliverable = [...(state.undeliverable ?? []), { to: n.to.id, event: n.data.event, reason, at: Date.now() }];
    }
  }

  /** Sends what is queued, then waits for a change or an instant; true when `done` holds. */
  async function waitUntil(done: () => boolean, until?: number): Promise<boolean> {
    for (;;) {
      await flush();
      if (done()) return true;
      const seen = changes;
      if (until === undefined) await condition(() => changes !== seen || outbox.length > 0);
      else if (until <= Date.now() || !(await condition(() => changes !== seen || outbox.length > 0, until - Date.now()))) return false;
    }
  }

  // Issue.
  tell(approversOf(plan, 'issue'), 'approval-request-issue', { event: 'approval-request', stage: 'issue', stageLabel: 'Ký ban hành kế hoạch' });
  await waitUntil(() => state.stage !== 'awaiting-issue-approval');
  if (state.stage === 'cancelled') return finish();
  const issuedOn = state.issuedOn!;
  const signatory = plan.signatory && plan.people.find((p) => p.id === plan.signatory!.person);
  tell(recipientIds(plan), 'plan-issued', { event: 'plan-issued', issuedOn, signedBy: signatory?.name ?? signatory?.title, planText: planText(plan, issuedOn) });

  // Work: one child per step, all in one scope so a cancel or close stops them together.
  const work = new CancellationScope();
  const stepsDone = work.run(() =>
    Promise.all(steps.map((step) => executeChild(planStep, { workflowId: stepWorkflowId(id, step.stepId), args: [step] }).then(merge))),
  );
  stepsDone.catch(() => undefined); // a cancelled scope rejects; the plan's stage already says why

  // Consolidate each report as it becomes ready, then wait for the leader to close.
  const reportingCloses = reportingWindowClosesAt(plan, issuedOn);
  while (state.stage === 'in-progress' || state.stage === 'consolidating' || state.stage === 'awaiting-close-approval') {
    if (state.stage === 'in-progress' && reportingCloses !== undefined && Date.now() >= reportingCloses) state.stage = 'consolidating';
    for (const c of plan.reporting.consolidations) {
      if (!state.consolidations[c.id] && consolidationReady(plan, c, state, Date.now(), consolidationRequests.has(c.id))) {
        runConsolidation(c.id, issuedOn);
      }
    }
    if ((state.stage === 'in-progress' || state.stage === 'consolidating') && closeReady(plan, state)) {
      state.stage = 'awaiting-close-approval';
      tell(approversOf(plan, 'close'), 'approval-request-close', { event: 'approval-request', stage: 'close', stageLabel: 'Kết thúc kế hoạch' });
    }
    const nextDue = [reportingCloses, ...plan.reporting.consolidations
      .filter((c) => !state.consolidations[c.id])
      .map((c) => consolidationDueAt(plan, c, issuedOn))]
      .filter((t): t is number => t !== undefined && t > Date.now());
    const seen = changes;
    await waitUntil(() => changes !== seen, nextDue.length ? Math.min(...nextDue) : undefined);
  }

  work.cancel(); // closed or cancelled: stop what still runs (standing duties without a deadline)
  await CancellationScope.nonCancellable(() => stepsDone.catch(() => undefined));
  return finish();

  function runConsolidation(consolidationId: string, asOf: CivilDate): void {
    const c = plan.reporting.consolidations.find((x) => x.id === consolidationId)!;
    const from = Object.values(state.assignments).filter((a) => c.of.includes(a.stepId));
    const reports: AcceptedReport[] = from
      .filter((a) => a.values)
      .map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, values: a.values! }));
    const indicatorIds = new Set(plan.reporting.submissions.filter((s) => c.of.includes(s.id)).flatMap((s) => s.indicators));
    const expected = expandAgencies(plan, plan.reporting.submissions.filter((s) => c.of.includes(s.id)).flatMap((s) => s.from));
    const result = consolidate(
      plan.indicators.filter((i) => indicatorIds.has(i.id)), reports,
      contacts(plan, expected).map((x) => ({ id: x.id, name: x.name })), civilDateAt(Date.now()) < asOf ? asOf : civilDateAt(Date.now()),
    );
    const [by] = contacts(plan, [c.by]);
    const markdown = consolidatedMarkdown(planRef, by!.name, contacts(plan, c.to).map((x) => x.name), result);
    state.consolidations[c.id] = { at: Date.now(), result, markdown };
    tell(c.to, `consolidated-${c.id}`, { event: 'consolidated-report', consolidationId: c.id, markdown, missing: result.missing });
    changes++;
  }

  async function finish(): Promise<PlanView> {
    if (state.stage === 'cancelled') {
      for (const a of Object.values(state.assignments)) if (!FINAL_STATUSES.includes(a.status)) a.status = 'cancelled';
      const cancelled = state.actions.at(-1);
      const everyone = [...new Set([...recipientIds(plan), ...Object.values(state.assignments).map((a) => a.agencyId)])];
      tell(everyone, 'plan-cancelled', { event: 'plan-cancelled', reason: cancelled?.note ?? '', by: cancelled?.by ?? '' });
    } else {
      tell(recipientIds(plan), 'plan-closed', { event: 'plan-closed', by: state.actions.at(-1)?.by ?? '' });
    }
    await flush();
    return view();
  }
}

