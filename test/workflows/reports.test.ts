// Reports, reviews and extensions on the time-skipping server: what is refused (and leaves no trace), how a
// returned report ends late, how an extension moves the reminders, and how the district consolidates.
import type { Client } from '@temporalio/client';
import mammoth from 'mammoth';
import { consolidationDocx } from '../../client/commands/render';
import {
  approve, cancelPlan, consolidateNow, consolidation, extendDeadline, planStatus, reviewReport, startPlan,
  submitReport,
} from '../../client/planflow';
import { addWorkingDays, civilDateAt, deadlineInstant, noticeSchedule } from '../../model/calendar';
import { assignmentWorkflowId, stepWorkflowId } from '../../model/ids';
import { assignmentStatusQuery } from '../../workflows/definitions';
import type { Plan } from '../../model/plan';
import { eventually } from '../helpers/eventually';
import { recordHistory } from '../helpers/histories';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { dienBienWithReporting, sentBy, sleepUntil, endedPlan, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const HOUR = 3_600_000;

async function issue(client: Client, plan: Plan, taskQueue: string) {
  const planId = await startPlan(client, plan, taskQueue);
  const status = await approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'issue' });
  const communes = plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members;
  const ids = communes.map((c) => assignmentWorkflowId(planId, 'bao-cao-xa', c));
  const lastDay = Object.values(status.assignments)[0]!.lastDay!;
  return { planId, communes, ids, lastDay };
}

const updateEvents = async (client: Client, workflowId: string) =>
  ((await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []).filter(
    (e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes,
  ).length;

test('reports by the wrong agency, with unknown indicators, out-of-range values or after the close are refused without a trace', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 101);
    const { planId, communes, ids } = await issue(client, plan, taskQueue);
    const [a, b] = communes as [string, string];
    const [idA] = ids as [string];
    const reached = { numerator: 80, denominator: 100 };

    await expect(submitReport(client, idA, { by: b, text: 'x', values: {} })).rejects.toMatchObject({ code: 'wrong-agency' });
    await expect(submitReport(client, idA, { by: a, text: 'x', values: { 'chi-tieu-la': 3 } })).rejects.toMatchObject({ code: 'unknown-indicator' });
    await expect(submitReport(client, idA, { by: a, text: 'x', values: { 'tre-em-tiep-can-dich-vu': { numerator: 120, denominator: 100 } } }))
      .rejects.toMatchObject({ code: 'out-of-range' });
    await expect(submitReport(client, idA, { by: a, text: 'x', values: { 'tre-em-tiep-can-dich-vu': 0.8 } })).rejects.toMatchObject({ code: 'bad-value' });
    await expect(submitReport(client, idA, { by: a, text: '', values: {} })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await updateEvents(client, idA)).toBe(0);

    await submitReport(client, idA, { by: a, text: 'Đã triển khai.', values: { 'tre-em-tiep-can-dich-vu': reached } });
    expect(await updateEvents(client, idA)).toBe(2); // accepted + completed, once

    await consolidateNow(client, planId, { by: 'phong-ldtbxh' });
    await approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'close' });
    const closed = await endedPlan(client, planId);
    expect(closed.stage).toBe('closed');
    await expect(submitReport(client, ids[1]!, { by: b, text: 'muộn', values: {} })).rejects.toMatchObject({ code: 'ended' });
  }));

test('returned, sent again and accepted after the deadline is done late; accepted before it is done on time', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 102, 2);
    const { planId, communes, ids, lastDay } = await issue(client, plan, taskQueue);
    const [a, b] = communes as [string, string];
    const [idA, idB] = ids as [string, string];

    await submitReport(client, idA, { by: a, text: 'Bản đầu.' });
    await expect(reviewReport(client, idA, { by: a, decision: 'accept' })).rejects.toMatchObject({ code: 'not-reviewer' });
    const returned = await reviewReport(client, idA, { by: 'phong-ldtbxh', decision: 'return', reason: 'Thiếu số liệu trẻ em.' });
    expect(returned.status).toBe('returned');

    await submitReport(client, idB, { by: b, text: 'Đúng hạn.' });
    expect((await reviewReport(client, idB, { by: 'phong-ldtbxh', decision: 'accept' })).status).toBe('done-on-time');

    await sleepUntil(env(), deadlineInstant(lastDay) + 2 * HOUR);
    await submitReport(client, idA, { by: a, text: 'Bản bổ sung.' });
    expect((await reviewReport(client, idA, { by: 'phong-ldtbxh', decision: 'accept' })).status).toBe('done-late');
    // Started settled by its step: no marker of the assignment's own patches, no timer waiting on its last mail (the
    // acceptance notice, in flight as it ended), and its search attributes written as they changed, its status alone.
    await client.workflow.getHandle(idA).result();
    const events = (await client.workflow.getHandle(idA).fetchHistory()).events ?? [];
    expect(events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toEqual([]);
    expect(events.filter((e) => e.timerStartedEventAttributes)).toEqual([]);
    const upserted = events.flatMap((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));
    expect(upserted).toEqual(['PlanflowStatus', 'PlanflowStatus', 'PlanflowStatus', 'PlanflowStatus']); // submitted, returned, submitted, done
    // It ends once its page has its last summary: the acknowledgement is in its history, and no task of it failed.
    const last = (has: (e: (typeof events)[number]) => unknown) => events.map((e) => Boolean(has(e))).lastIndexOf(true);
    expect(last((e) => e.externalWorkflowExecutionSignaledEventAttributes))
      .toBeGreaterThan(last((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes));
    expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    await recordHistory(client, idA, 'v2-assignment-returned-then-late');
    await recordHistory(client, idA, 'v11-assignment-returned-then-late-settled');
    await recordHistory(client, idA, 'v12-assignment-returned-then-late-ends-after-signal');
    await endPlan(client, planId);
    await recordHistory(client, stepWorkflowId(planId, 'bao-cao-xa'), 'v12-step-work-ends-after-signal');
  }));

test('an extended deadline moves the reminders; no reminder of the old deadline fires', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await dienBienWithReporting(env(), 103, 1);
    const { planId, ids, lastDay } = await issue(client, plan, taskQueue);
    const [idA] = ids as [string];
    const before = noticeSchedule(lastDay, plan.reminderPolicy);

    await sleepUntil(env(), before[0]!.at + HOUR); // the first reminder (7 working days before) has gone out
    const newLastDay = addWorkingDays(lastDay, 10);
    await expect(extendDeadline(client, idA, { by: communeOf(plan), newLastDay, reason: 'x' })).rejects.toMatchObject({ code: 'not-allowed' });
    await extendDeadline(client, idA, { by: 'phong-ldtbxh', newLastDay, reason: 'Xã bị ảnh hưởng mưa lũ.' });
    const after = noticeSchedule(newLastDay, plan.reminderPolicy);
    await sleepUntil(env(), after.find((n) => n.kind === 'overdue')!.at - HOUR);

    const reminders = sentBy(sent, idA).filter((n) => n.data.event === 'reminder').map((n) => n.plannedAt);
    expect(reminders).toEqual([before[0]!.at, ...after.filter((n) => n.kind === 'reminder').map((n) => n.at)]);
    expect(sentBy(sent, idA).filter((n) => n.data.event === 'overdue' || n.data.event === 'escalation')).toEqual([]);
    expect(sentBy(sent, idA).some((n) => n.data.event === 'deadline-extended')).toBe(true);
    await recordHistory(client, idA, 'v2-assignment-extended');
    await endPlan(client, planId);
  }));

test('consolidation sums numerators and denominators, compares with 70% and 90%, and names who is missing', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await dienBienWithReporting(env(), 104, 4);
    const { planId, communes, ids } = await issue(client, plan, taskQueue);
    const figures = [{ numerator: 300, denominator: 400 }, { numerator: 90, denominator: 100 }, { numerator: 10, denominator: 100 }];
    for (const [i, f] of figures.entries()) {
      await submitReport(client, ids[i]!, { by: communes[i]!, text: 'Báo cáo.', values: { 'tre-em-tiep-can-dich-vu': f } });
      await reviewReport(client, ids[i]!, { by: 'phong-ldtbxh', decision: 'accept' });
    }
    const status = await waitForConsolidation(client, planId);
    expect(status.consolidations.find((c) => c.id === 'tong-hop-huyen')).toMatchObject({ expected: 4, reported: 3, missing: 1 });
    const { result } = (await consolidation(client, planId, { id: 'tong-hop-huyen' }))!;
    const reach = result.indicators[0]!;
    expect(reach).toMatchObject({ numerator: 400, denominator: 600 }); // 66.7%, not the 58.3% mean of 75/90/10
    expect(reach.value).toBeCloseTo(66.67, 1);
    expect(reach.targets.map((t) => [t.value, t.met])).toEqual([[70, false], [90, false]]);
    expect(result.missing).toEqual([plan.agencies.find((x) => x.id === communes[3])!.name]);
    const report = sentBy(sent, planId).filter((n) => n.data.event === 'consolidated-report');
    expect(report.map((n) => n.to.id)).toEqual(['ubnd-huyen']);
    const markdown = report[0]!.data.event === 'consolidated-report' ? report[0]!.data.markdown : '';
    expect(markdown).toContain('66,7%');
    // `planflow render consolidation`: the plan read back from the workflow's history, its consolidation as .docx.
    const { entry, docx } = await consolidationDocx(client, planId);
    expect(entry).toMatchObject({ id: 'tong-hop-huyen', supplement: false });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('66,7% (400/600)');
    // `--cycle` (and the portal's `?cycle=`) names a cycle or, for one-off reporting, the consolidation itself.
    expect((await consolidationDocx(client, planId, 'tong-hop-huyen')).entry).toMatchObject({ id: 'tong-hop-huyen', at: entry.at });
    await expect(consolidationDocx(client, planId, '2031')).rejects.toMatchObject({ code: 'no-consolidation' });
    await approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'close' });
    await endedPlan(client, planId);
    await recordHistory(client, planId, 'v2-plan-consolidated-and-closed');
    await recordHistory(client, `${planId}/bao-cao-xa`, 'v2-step-consolidated-and-closed');
  }));

test('cancelling mid-flight ends every child; no reminder fires afterwards', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await dienBienWithReporting(env(), 105, 3);
    const { planId, ids, lastDay } = await issue(client, plan, taskQueue);
    await expect(cancelPlan(client, planId, { by: 'phong-ldtbxh', reason: 'x' })).rejects.toMatchObject({ code: 'not-leader' });
    await cancelPlan(client, planId, { by: 'chu-tich-ubnd-huyen', reason: 'Điều chỉnh kế hoạch.' });
    const result = await endedPlan(client, planId);
    expect(result.stage).toBe('cancelled');
    const ends = await Promise.all(ids.map(async (id) => (await client.workflow.getHandle(id).describe()).status.name));
    expect(ends.filter((s) => s !== 'COMPLETED' && s !== 'TERMINATED')).toEqual([]);
    // Its step asked its work to stop from outside its history (close-asks-work-to-stop): no request or acknowledgement
    // of each in it, one local activity. Work still busy just after it started was asked to cancel, and the step waited
    // for each such to end; work already at rest was ended on the server (close-terminates-work).
    const stepEvents = (await client.workflow.getHandle(stepWorkflowId(planId, 'bao-cao-xa')).fetchHistory()).events ?? [];
    const cancelledAt = stepEvents.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
    expect(cancelledAt).toBeGreaterThan(0);
    const afterCancel = stepEvents.slice(cancelledAt);
    expect(afterCancel.filter((e) => e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes || e.externalWorkflowExecutionCancelRequestedEventAttributes)).toEqual([]);
    expect(afterCancel.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(1);
    const cancelled = ids.filter((_, i) => ends[i] === 'COMPLETED');
    expect(afterCancel.filter((e) => e.childWorkflowExecutionCompletedEventAttributes)).toHaveLength(cancelled.length);
    for (const id of cancelled) expect(await client.workflow.getHandle(id).result()).toMatchObject({ status: 'cancelled' });
    const sentAtCancel = sentBy(sent, planId).length;
    await sleepUntil(env(), deadlineInstant(addWorkingDays(lastDay, 10)));
    expect(sentBy(sent, planId)).toHaveLength(sentAtCancel);
    expect(sentBy(sent, planId).filter((n) => n.data.event === 'reminder')).toEqual([]);
    expect(Object.values(result.assignments).every((a) => a.status === 'cancelled')).toBe(true);
    expect(civilDateAt(await env().currentTimeMs()) > lastDay).toBe(true);
    await recordHistory(client, planId, 'v2-plan-cancelled');
    await recordHistory(client, ids[0]!, 'v2-assignment-cancelled');
    await recordHistory(client, stepWorkflowId(planId, 'bao-cao-xa'), 'v9-step-asks-work-to-stop');
  }));

test('work at rest when its plan is cancelled ends on the server, counted as cancelled, and the clock goes on', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await dienBienWithReporting(env(), 107, 3);
    const { planId, ids, lastDay } = await issue(client, plan, taskQueue);
    // A day on, each assignment has sent its notice and sleeps until someone acts.
    await env().sleep(24 * HOUR);
    await cancelPlan(client, planId, { by: 'chu-tich-ubnd-huyen', reason: 'Điều chỉnh kế hoạch.' });
    const result = await endedPlan(client, planId);
    expect(result.stage).toBe('cancelled');
    for (const id of ids) expect((await client.workflow.getHandle(id).describe()).status.name).toBe('TERMINATED');
    // The step counted each as cancelled itself, with no incident: nothing ended abnormally.
    expect(Object.values(result.assignments).map((a) => a.status)).toEqual(ids.map(() => 'cancelled'));
    expect(result.incidents?.count ?? 0).toBe(0);
    const stepEvents = (await client.workflow.getHandle(stepWorkflowId(planId, 'bao-cao-xa')).fetchHistory()).events ?? [];
    expect(stepEvents.filter((e) => e.childWorkflowExecutionCompletedEventAttributes)).toEqual([]);
    // The time-skipping server keeps a terminated workflow's unfinished task or activity held for good, and its clock
    // would stop: work is ended only at rest, so the clock still runs to the deadline and past it, and nothing fires.
    const sentAtCancel = sentBy(sent, planId).length;
    await sleepUntil(env(), deadlineInstant(addWorkingDays(lastDay, 10)));
    expect(civilDateAt(await env().currentTimeMs()) > lastDay).toBe(true);
    expect(sentBy(sent, planId)).toHaveLength(sentAtCancel);
    await recordHistory(client, stepWorkflowId(planId, 'bao-cao-xa'), 'v10-step-ends-work-at-rest');
  }));

test('a yearly report runs one workflow per cycle, each opened on its own schedule', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 106, 1);
    const year = Number(civilDateAt(await env().currentTimeMs()).slice(0, 4));
    const plan: Plan = {
      ...base,
      document: { ...base.document, period: { from: year, to: year + 2 } },
      reporting: {
        submissions: base.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'recurring', every: 'year', on: '12-14' } })),
        consolidations: [],
      },
    };
    const { planId, communes, ids } = await issue(client, plan, taskQueue);
    const [id] = ids as [string];
    for (let cycle = 0; cycle < 3; cycle++) {
      const cycleId = `${id}/${year + cycle}`;
      const view = await whenOpened(client, cycleId);
      expect(view).toMatchObject({ lastDay: `${year + cycle}-12-14`, spec: { cycle: { key: `${year + cycle}` } } });
      await submitReport(client, cycleId, { by: communes[0]!, text: `Báo cáo năm ${year + cycle}.` });
      await reviewReport(client, cycleId, { by: 'phong-ldtbxh', decision: 'accept' });
      const done = await eventually(() => client.workflow.getHandle(cycleId).describe(), (d) => d.status.name !== 'RUNNING');
      expect(done.status.name).toBe('COMPLETED');
    }
    await recordHistory(client, `${id}/${year + 2}`, 'v2-assignment-yearly-last-cycle');
    await endPlan(client, planId);
  }));

/** Skips time a week at a time until a cycle's workflow has opened, then reads it. */
async function whenOpened(client: Client, workflowId: string) {
  for (let week = 0; week < 60; week++) {
    const view = await client.workflow.getHandle(workflowId).query(assignmentStatusQuery).catch(() => undefined);
    if (view) return view;
    await env().sleep(7 * 24 * HOUR);
  }
  throw new Error(`${workflowId} never opened`);
}

/** Leaves nothing running for the next test: the time-skipping server waits for every workflow. */
async function endPlan(client: Client, planId: string): Promise<void> {
  await cancelPlan(client, planId, { by: 'chu-tich-ubnd-huyen', reason: 'Kết thúc phép thử.' });
  await endedPlan(client, planId);
}

const communeOf = (plan: Plan) => plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members[0]!;

/** The plan consolidates at the end of its escalation ladder; skip time until it has. */
async function waitForConsolidation(client: Client, planId: string) {
  for (let i = 0; i < 30; i++) {
    const status = await planStatus(client, planId);
    if (status.consolidations.some((c) => c.id === 'tong-hop-huyen')) return status;
    await env().sleep(2 * 24 * HOUR);
  }
  throw new Error('no consolidation');
}
