// Issue 9's findings 1, 7, 8, 9 and 10 on the time-skipping server (the others are in living-plans.test.ts):
// approving names its stage, a deadline counted from another step's deadline is tracked, the deadline kinds real
// plans use open the cycles they say, reports routed "qua" an office or to each commune's own office reach the
// right reviewer, two issuers' plans with the same number and year run side by side, and an official day off
// announced while a plan runs moves its deadline and its notices.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { approve, assignmentStatus, cancelPlan, planStatus, reviewReport, startPlan, submitReport } from '../../client/planflow';
import {
  addWorkingDays, civilDateAt, countFrom, instantAt, isWorkingDay, lastDay, useOfficialDecisions, type CivilDate, type OfficialBreak,
} from '../../model/calendar';
import { assignmentWorkflowId, planKey, planWorkflowId, stepWorkflowId } from '../../model/ids';
import type { Deadline, Plan } from '../../model/plan';
import { officialCalendarSignal, planStatusQuery } from '../../workflows/definitions';
import { planflow } from '../helpers/cli';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { dienBienWithReporting, endedPlan, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const LEADER = 'chu-tich-ubnd-huyen';
const LEAD = 'phong-ldtbxh';

const today = async () => civilDateAt(await env().currentTimeMs());
const communesOf = (plan: Plan) => plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members;

const WEEK = 7 * 86_400_000;
/**
 * Real time a week of skipped time may take before the test gives up, instead of hanging the suite's later tests. Above
 * a step's workflow task timeout (LARGE_WORKFLOW_TASK_TIMEOUT, 1 minute): the time-skipping server refuses a task that
 * cancels a timer it has just fired ("invalid history builder state for action", its processCancelTimer), and time
 * stands still until that task times out and is retried, which then succeeds (seen in fresh-clone CI, sessions 9–10).
 */
const STALL_MS = 90_000;

/**
 * Skips to `instant` a week at a time. Twice, on the shared machine under other suites' load, one long skip never
 * returned and every later test of the suite hung behind it; a stalled week now fails this test alone, naming
 * what each of the plan's workflows was waiting for.
 */
async function skipTo(planId: string, instant: number): Promise<void> {
  for (let now = await env().currentTimeMs(); now < instant; now = await env().currentTimeMs()) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>((resolve) => { timer = setTimeout(() => resolve('stalled'), STALL_MS); });
    const outcome = await Promise.race([env().sleep(Math.min(WEEK, instant - now)).then(() => 'ok' as const), stalled]);
    clearTimeout(timer);
    if (outcome === 'stalled') throw new Error(`time stopped skipping at ${new Date(now).toISOString()}: ${await waiting(planId)}`);
  }
}

/** What the plan's running workflows wait for: pending activities and workflow tasks. */
async function waiting(planId: string): Promise<string> {
  const ids = [planId, ...Object.keys((await planStatus(env().client, planId)).assignments)];
  const lines = await Promise.all(ids.map(async (id) => {
    const { raw, status } = await env().client.workflow.getHandle(id).describe();
    const activities = (raw.pendingActivities ?? []).map((a) => `${a.activityType?.name ?? '?'} attempt ${a.attempt ?? 0}`);
    return `${id} ${status.name}${raw.pendingWorkflowTask ? ' (workflow task pending)' : ''}${activities.length ? ` [${activities.join(', ')}]` : ''}`;
  }));
  return lines.join('; ');
}

/**
 * An assignment's view as people read it (its status on the clock from its page: it sleeps through the clock) once
 * its workflow has started (children start a moment after the plan's Update returns).
 */
async function started(client: Client, id: string) {
  for (let i = 0; i < 40; i++) {
    const view = await assignmentStatus(client, id).catch(() => undefined);
    if (view) return view;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${id} never started`);
}

async function issue(client: Client, plan: Plan, taskQueue: string): Promise<string> {
  const planId = await startPlan(client, plan, taskQueue);
  await approve(client, planId, { by: LEADER, stage: 'issue' });
  return planId;
}

async function endPlan(client: Client, planId: string): Promise<void> {
  await cancelPlan(client, planId, { by: LEADER, reason: 'Kết thúc phép thử.' });
  await endedPlan(client, planId);
}

/** The refusal code of an Update sent through a raw client, past every client-side check. */
async function refusalOf(client: Client, workflowId: string, update: string, input: unknown): Promise<string> {
  const outcome = await client.workflow.getHandle(workflowId).executeUpdate(update, { args: [input] }).then(() => 'accepted', (e: unknown) => e);
  if (!(outcome instanceof WorkflowUpdateFailedError)) return String(outcome);
  return outcome.cause instanceof ApplicationFailure ? outcome.cause.type ?? '(none)' : String(outcome.cause);
}

/** The plan with one report submission whose deadline (and routing) is given. */
async function reportingPlan(number: number, communes: number, submission: Partial<Plan['reporting']['submissions'][number]>): Promise<Plan> {
  const base = await dienBienWithReporting(env(), number, communes);
  return { ...base, reporting: { ...base.reporting, submissions: base.reporting.submissions.map((s) => ({ ...s, ...submission })) } };
}

test('1. `planflow approve PLAN --as <leader>` without a stage, on a running plan, is refused and closes nothing', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 941, 2);
    const planId = await issue(client, plan, taskQueue);
    const commune = assignmentWorkflowId(planId, 'bao-cao-xa', communesOf(plan)[0]!);
    await started(client, commune);
    // The README's own command, run a second time: it used to approve whatever stage was pending, here the close.
    const data = mkdtempSync(join(tmpdir(), 'planflow-approve-'));
    const cli = (...args: string[]) => planflow(args, { TEMPORAL_ADDRESS: env().address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_DATA_DIR: data });
    const unnamed = await cli('approve', planId, '--as', LEADER);
    const again = await cli('approve', planId, '--as', LEADER, '--stage', 'ban-hanh');
    rmSync(data, { recursive: true, force: true });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--stage');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không chờ duyệt');
    // Past every client-side check, the workflow refuses both as well.
    expect(await refusalOf(client, planId, 'approve', { by: LEADER })).toBe('invalid-input');
    expect(await refusalOf(client, planId, 'approve', { by: LEADER, stage: 'issue' })).toBe('wrong-stage');
    const view = await client.workflow.getHandle(planId).query(planStatusQuery);
    expect(view.stage).toBe('in-progress');
    expect(view.actions.map((a) => a.action)).toEqual(['approve']);
    expect((await started(client, commune)).status).toBe('not-due');
    await endPlan(client, planId);
  }), 60_000);

test('7. a deadline counted from another step\'s deadline is tracked as a deadline, not as "no deadline"', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 942, 1);
    const commune = communesOf(base)[0]!;
    const clause = (id: string, deadline: Deadline) => ({
      id, text: `Nhiệm vụ ${id} của xã.`, lead: LEAD, coordinators: [], assignees: [commune], due: 'report' as const, deadline, indicators: [],
    });
    const plan: Plan = {
      ...base,
      reporting: { submissions: [], consolidations: [] },
      clauses: [
        clause('xay-dung', { kind: 'after-issue', days: 10, unit: 'working-days' }),
        clause('tong-ket', { kind: 'after-step', step: 'xay-dung', event: 'deadline', days: 10, unit: 'days' }),
      ],
    };
    const planId = await issue(client, plan, taskQueue);
    const first = await started(client, assignmentWorkflowId(planId, 'xay-dung', commune));
    const second = await started(client, assignmentWorkflowId(planId, 'tong-ket', commune));
    expect(first.lastDay).toBeDefined();
    expect(second.lastDay).toBe(countFrom(first.lastDay!, 10, 'days'));
    expect(second.status).toBe('not-due');
    await endPlan(client, planId);
  }));

test('7. `planflow start` refuses a deadline counted from another step\'s completion, and starts the same plan counted from its deadline', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 948, 1);
    const commune = communesOf(base)[0]!;
    const withSecond = (event: 'completion' | 'deadline'): Plan => ({
      ...base,
      reporting: { submissions: [], consolidations: [] },
      clauses: [
        { id: 'xay-dung', text: 'Xây dựng kế hoạch của xã.', lead: LEAD, coordinators: [], assignees: [commune], due: 'report', deadline: { kind: 'after-issue', days: 10, unit: 'working-days' }, indicators: [] },
        { id: 'tong-ket', text: 'Tổng kết sau khi xây dựng xong.', lead: LEAD, coordinators: [], assignees: [commune], due: 'report', deadline: { kind: 'after-step', step: 'xay-dung', event, days: 5, unit: 'working-days' }, indicators: [] },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'planflow-after-step-'));
    const start = async (plan: Plan) => {
      const file = join(dir, 'ke-hoach.json');
      writeFileSync(file, JSON.stringify(plan));
      return planflow(['start', file], { TEMPORAL_ADDRESS: env().address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_TASK_QUEUE: taskQueue, PLANFLOW_DATA_DIR: dir });
    };
    try {
      const refused = await start(withSecond('completion'));
      expect(refused.code).toBe(1);
      expect(`${refused.stdout}${refused.stderr}`).toContain('clauses[1].deadline.event');
      const planId = planWorkflowId(planKey(base));
      await expect(client.workflow.getHandle(planId).describe()).rejects.toThrow();
      expect(await start(withSecond('deadline'))).toMatchObject({ code: 0 });
      await endPlan(client, planId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }));

test('8. "trước ngày 20 hằng tháng" opens a cycle every month, each due the day before the 20th', () =>
  run(async ({ client, taskQueue }) => {
    const year = Number((await today()).slice(0, 4));
    const base = await reportingPlan(943, 1, { deadline: { kind: 'recurring', every: 'month', day: 20, wording: 'before' } });
    const plan: Plan = { ...base, document: { ...base.document, period: { from: year, to: year + 1 } } };
    const planId = await issue(client, plan, taskQueue);
    await skipTo(planId, (await env().currentTimeMs()) + 95 * 86_400_000);
    const keys = await cycleKeys(client, planId);
    // One cycle per month (old code: one date a year), consecutive, each due within its own month before the 20th.
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const months = keys.map((k) => { const [y, m] = k.split('-').map(Number) as [number, number]; return y * 12 + m; });
    expect(months).toEqual(months.map((_, i) => months[0]! + i));
    const view = await planStatus(client, planId);
    for (const a of Object.values(view.assignments)) {
      expect(a.lastDay!.slice(0, 7)).toBe(a.cycle);
      expect(Number(a.lastDay!.slice(8))).toBeLessThan(20);
    }
    await endPlan(client, planId);
  }), 120_000);

async function cycleKeys(client: Client, planId: string): Promise<string[]> {
  const view = await planStatus(client, planId);
  return Object.values(view.assignments).map((a) => a.cycle!).sort();
}

test('8. "hằng năm, giai đoạn" bounds the cycles by its years, and "trong tháng MM/YYYY" ends on the month\'s last day', () =>
  run(async ({ client, taskQueue }) => {
    const year = Number((await today()).slice(0, 4));
    const month: Deadline = { kind: 'month', month: `${year + 1}-03` };
    const base = await reportingPlan(944, 1, { deadline: { kind: 'recurring', every: 'year', on: '12-15', wording: 'before', years: { from: year + 1, to: year + 1 } } });
    const commune = communesOf(base)[0]!;
    const plan: Plan = {
      ...base,
      document: { ...base.document, period: { from: year, to: year + 1 } },
      clauses: [{ id: 'tong-ket', text: 'Tổng kết trong tháng 3.', lead: LEAD, coordinators: [], assignees: [commune], due: 'report', deadline: month, indicators: [] }],
    };
    const planId = await issue(client, plan, taskQueue);
    const summary = await started(client, assignmentWorkflowId(planId, 'tong-ket', commune));
    expect(summary.lastDay).toBe(lastDay(month, {}));
    expect(summary.lastDay!.startsWith(`${year + 1}-0`)).toBe(true);
    await skipTo(planId, instantAt(`${year + 2}-01-10`));
    const reports = Object.values((await planStatus(client, planId)).assignments).filter((a) => a.stepId === 'bao-cao-xa');
    // Only the year the text names: no cycle for the issue year (old code: one per year from the issue on).
    expect(reports.map((a) => [a.cycle, a.lastDay])).toEqual([[`${year + 1}`, `${year + 1}-12-14`]]);
    await endPlan(client, planId);
  }), 240_000);

test('8. "gửi UBND huyện qua Phòng LĐTB&XH": the office reviews and the committee hears; the committee cannot review', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await reportingPlan(945, 1, { to: 'ubnd-huyen', via: LEAD });
    const planId = await issue(client, plan, taskQueue);
    const commune = communesOf(plan)[0]!;
    const id = assignmentWorkflowId(planId, 'bao-cao-xa', commune);
    await started(client, id);
    await submitReport(client, id, { by: commune, text: 'Báo cáo của xã.' });
    await expect(reviewReport(client, id, { by: 'ubnd-huyen', decision: 'accept' })).rejects.toMatchObject({ code: 'not-reviewer' });
    expect((await reviewReport(client, id, { by: LEAD, decision: 'accept' })).status).toBe('done-on-time');
    const received = sent.filter((n) => n.key.startsWith(`${id}/report-received`)).map((n) => n.to.id).sort();
    expect(received).toEqual([LEAD, 'ubnd-huyen'].sort());
    await endPlan(client, planId);
  }));

test('8. "mỗi xã gửi phòng chuyên môn của huyện mình": each commune reports to its own office, which alone reviews it', () =>
  run(async ({ client, taskQueue }) => {
    const base = await reportingPlan(946, 2, { to: 'cac-phong' });
    const [a, b] = communesOf(base) as [string, string];
    const offices: Record<string, string> = { [a]: LEAD, [b]: 'phong-yte' };
    const plan: Plan = {
      ...base,
      agencies: base.agencies.map((x) => (offices[x.id] ? { ...x, reportsTo: offices[x.id] } : x)),
      groups: [...base.groups, { id: 'cac-phong', name: 'Các phòng chuyên môn', members: [LEAD, 'phong-yte'], assumed: false }],
    };
    const planId = await issue(client, plan, taskQueue);
    for (const [commune, own] of Object.entries(offices)) {
      const other = own === LEAD ? 'phong-yte' : LEAD;
      const id = assignmentWorkflowId(planId, 'bao-cao-xa', commune);
      await started(client, id);
      await submitReport(client, id, { by: commune, text: 'Báo cáo của xã.' });
      await expect(reviewReport(client, id, { by: other, decision: 'accept' })).rejects.toMatchObject({ code: 'not-reviewer' });
      expect((await reviewReport(client, id, { by: own, decision: 'accept' })).status).toBe('done-on-time');
    }
    await endPlan(client, planId);
  }));

test('9. two communes\' 15/KH-UBND of the same year run as two plans', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 15, 2);
    const day: CivilDate = await today();
    const ofCommune = (issuer: string): Plan => ({ ...base, document: { ...base.document, number: 15, symbol: 'KH-UBND', issuer, issuedOn: day } });
    const [a, b] = communesOf(base) as [string, string];
    const first = await startPlan(client, ofCommune(a), taskQueue);
    const second = await startPlan(client, ofCommune(b), taskQueue);
    expect(first).not.toBe(second);
    for (const [planId, issuer] of [[first, a], [second, b]] as const) {
      expect(planId).toContain(`/${issuer}/15-KH-UBND/`);
      const view = await planStatus(client, planId);
      expect(view.stage).toBe('awaiting-issue-approval');
      expect(view.plan.document.issuer).toBe(issuer);
      await endPlan(client, planId);
    }
  }));

test('10. an official day off announced while a plan runs moves its working-day deadline, and the notices follow it', () =>
  run(async ({ client, taskQueue, sent }) => {
    const plan = await dienBienWithReporting(env(), 947, 1);
    const planId = await issue(client, plan, taskQueue);
    const id = assignmentWorkflowId(planId, 'bao-cao-xa', communesOf(plan)[0]!);
    const before = (await started(client, id)).lastDay!;
    const day = await today();
    expect(before).toBe(addWorkingDays(day, 20));
    let dayOff = addWorkingDays(day, 5);
    while (!isWorkingDay(dayOff)) dayOff = addWorkingDays(dayOff, 1);
    const decisions: OfficialBreak[] = [{ occasions: ['quoc-khanh'], from: dayOff, to: dayOff, source: 'Thông báo thử nghiệm về ngày nghỉ' }];
    useOfficialDecisions(decisions);
    const expected = addWorkingDays(day, 20);
    useOfficialDecisions([]);
    expect(expected).not.toBe(before);
    // What `planflow calendar official add` does for each running workflow it finds (the time-skipping server has no
    // visibility to find them with: official-calendar.test.ts runs the command itself on the dev server).
    for (const workflowId of [planId, stepWorkflowId(planId, 'bao-cao-xa'), id]) await client.workflow.getHandle(workflowId).signal(officialCalendarSignal, decisions);
    let after = await started(client, id);
    for (let i = 0; i < 40 && after.lastDay !== expected; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await started(client, id);
    }
    expect(after.lastDay).toBe(expected);
    await skipTo(planId, instantAt(addWorkingDays(expected, 2)));
    const chased = sentBy(id).filter((n) => ['reminder', 'overdue', 'escalation'].includes(n.data.event));
    expect(chased.map((n) => n.data.event)).toEqual(expect.arrayContaining(['reminder', 'overdue']));
    expect(chased.map((n) => ('lastDay' in n.data ? n.data.lastDay : undefined))).toEqual(chased.map(() => expected));
    expect((await started(client, id)).status).toBe('overdue');
    await endPlan(client, planId);

    function sentBy(workflowId: string) {
      return sent.filter((n) => n.key.startsWith(`${workflowId}/`));
    }
  }), 240_000);
