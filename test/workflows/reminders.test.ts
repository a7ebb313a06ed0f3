// Reminders and escalation by the calendar: with 7/3/1 working-day reminders, a commune that never reports gets
// three reminders, an overdue notice and each escalation step once, at the computed instants; a commune that
// reports after the second reminder gets no third.
import { approve, assignmentStatus, planStatus, startPlan, submitReport } from '../../client/planflow';
import { lastDay, noticeSchedule } from '../../model/calendar';
import { assignmentWorkflowId, stepWorkflowId } from '../../model/ids';
import { recordHistory } from '../helpers/histories';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { rehearse, reportingOnly, sentBy, sleepUntil, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const MINUTE = 60_000;

test('reminders 7/3/1, overdue notice and escalation ladder, once each, at the calendar instants', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = reportingOnly(await rehearse(env(), 'van-quan-2021-tre-em.yaml'), 2);
    const [silent, prompt] = plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members as [string, string];
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });

    const submission = plan.reporting.submissions[0]!;
    const due = lastDay(submission.deadline, {})!;
    const schedule = noticeSchedule(due, plan.reminderPolicy);
    const reminders = schedule.filter((n) => n.kind === 'reminder');
    expect(reminders.map((r) => r.kind === 'reminder' && r.workingDaysLeft)).toEqual([7, 3, 1]);

    await sleepUntil(env(), reminders[1]!.at + MINUTE);
    const silentId = assignmentWorkflowId(planId, submission.id, silent);
    // Its step moved it to due soon at its first reminder, without a word from it (below).
    expect((await planStatus(client, planId)).assignments[silentId]).toMatchObject({ status: 'due-soon', remindersSent: 1 });
    const promptId = assignmentWorkflowId(planId, submission.id, prompt);
    await submitReport(client, promptId, { by: prompt, text: 'Báo cáo kết quả triển khai năm 2021.' });
    await sleepUntil(env(), schedule.at(-1)!.at + 24 * 60 * MINUTE);

    const toSilent = sentBy(sent, silentId).filter((n) => n.data.event !== 'assignment');
    // Notices due at one instant go out together, so compare them in a fixed order.
    const byTime = (a: [string, string, number?], b: [string, string, number?]) => a[2]! - b[2]! || a[0].localeCompare(b[0]);
    expect(toSilent.map((n): [string, string, number?] => [n.data.event, n.to.id, n.plannedAt]).sort(byTime)).toEqual(
      schedule.flatMap((n): [string, string, number][] => {
        if (n.kind !== 'escalation') return [[n.kind, silent, n.at]];
        const to = n.to === 'assignee-head' ? [silent] : n.to === 'lead' ? ['phong-ldtbxh-dt'] : ['trieu-duc-dung'];
        return to.map((id) => ['escalation', id, n.at]);
      }).sort(byTime),
    );
    for (const n of toSilent) expect(n.createdAt - n.plannedAt!).toBeLessThan(MINUTE);
    expect(new Set(toSilent.map((n) => n.key)).size).toBe(toSilent.length);

    const toPrompt = sentBy(sent, promptId).filter((n) => n.data.event === 'reminder');
    expect(toPrompt.map((n) => n.plannedAt)).toEqual([reminders[0]!.at, reminders[1]!.at]);
    expect(sentBy(sent, promptId).some((n) => n.data.event === 'overdue' || n.data.event === 'escalation')).toBe(false);

    // The plan hears of each change of status, with the counts as they were then (reminders and escalations alone
    // send no signal: a page of 500 would get thousands a cycle); the assignment's view has them, and its status as its
    // page's clock gives it (it slept through the clock).
    const status = await planStatus(client, planId);
    expect(status.assignments[silentId]).toMatchObject({ status: 'overdue', remindersSent: 3, escalationLevel: 0 });
    expect(await assignmentStatus(client, silentId)).toMatchObject({ status: 'overdue', remindersSent: 3, escalationLevel: 3 });
    expect(status.assignments[promptId]).toMatchObject({ status: 'submitted', remindersSent: 2, escalationLevel: 0 });

    await recordHistory(client, silentId, 'v2-assignment-never-reports');
    await recordHistory(client, promptId, 'v2-assignment-reports-after-second-reminder');
    await recordHistory(client, silentId, 'v3-assignment-never-reports-coalesced');
    await recordHistory(client, silentId, 'v4-assignment-never-reports-announced');
    await recordHistory(client, silentId, 'v5-assignment-never-reports-in-task');
    await recordHistory(client, silentId, 'v6-assignment-never-reports-clock-by-parent');
    await recordHistory(client, stepWorkflowId(planId, submission.id), 'v6-step-clock-by-parent');
    await recordHistory(client, silentId, 'v7-assignment-never-reports-noticed-by-parent');
    await recordHistory(client, stepWorkflowId(planId, submission.id), 'v7-step-sends-clock-notices');
    await recordHistory(client, silentId, 'v8-assignment-never-reports-asleep');
    await recordHistory(client, stepWorkflowId(planId, submission.id), 'v8-step-clock-asleep');
    await recordHistory(client, silentId, 'v11-assignment-never-reports-settled');
    await recordHistory(client, stepWorkflowId(planId, submission.id), 'v11-step-settled');

    // Its step announced its first summary and search attributes as it started it: its first workflow task neither
    // signalled the step nor wrote the search attributes (the step would have taken a workflow task for each commune).
    const events = (await client.workflow.getHandle(silentId).fetchHistory()).events ?? [];
    const firstDone = events.findIndex((e) => e.workflowTaskCompletedEventAttributes);
    const nextTask = events.findIndex((e, i) => i > firstDone && e.workflowTaskScheduledEventAttributes);
    const firstCommands = events.slice(firstDone + 1, nextTask < 0 ? undefined : nextTask);
    expect(firstCommands.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toBe(true); // the assignment notice
    expect(firstCommands.filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes)).toEqual([]);
    const indexed = (e: (typeof events)[number]) => 'PlanflowStatus' in (e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
    expect(firstCommands.filter(indexed)).toEqual([]);
    // Nor later: it slept through its clock (due soon, overdue), which lists read from the dates it started with.
    expect(events.filter(indexed)).toEqual([]);
    const started = events[0]?.workflowExecutionStartedEventAttributes?.searchAttributes?.indexedFields ?? {};
    expect(Object.keys(started)).toEqual(expect.arrayContaining(['PlanflowStatus', 'PlanflowLastDay', 'PlanflowDueSoon']));
    // It sent its assignment notice itself, inside its first workflow task (a local activity's marker: no activity task
    // on the server, no workflow task for its result); its step sent the clock's notices, the same way.
    const markers = (list: typeof events) => list.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    expect(markers(events)).toHaveLength(1);
    const stepEvents = (await client.workflow.getHandle(stepWorkflowId(planId, submission.id)).fetchHistory()).events ?? [];
    expect(stepEvents.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    const clockNotices = [...sentBy(sent, silentId), ...sentBy(sent, promptId)].filter((n) => ['reminder', 'overdue', 'escalation'].includes(n.data.event));
    expect(markers(stepEvents)).toHaveLength(clockNotices.length);
    // So it never woke after its start: nobody acted on it, and the clock's statuses are its page's to tell.
    expect(events.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    // Nobody acted on it, so it never signalled its step: the step moved it between the clock's statuses itself, with
    // the reminders the clock had given it (the plan's view above), a workflow task of each saved per move.
    expect(events.filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes)).toEqual([]);
  }));
