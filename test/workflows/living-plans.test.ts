// Plans that live for years (issue 9), on the time-skipping server: every cycle opens on its own schedule, every
// cycle is consolidated (and supplemented after a late report), an early close ends everything, late starts are
// chased at once, nobody reviews their own report, leaders amend running plans, and mail never holds up the work.
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import {
  amendPlan, approve, cancelPlan, consolidateNow, consolidation, extendDeadline, planStatus, reviewReport, startPlan, submitReport,
} from '../../client/planflow';
import { recordOf } from '../../client/plan-source';
import { addDays, civilDateAt, instantAt } from '../../model/calendar';
import { assignmentWorkflowId, cycleWorkflowId, stepWorkflowId } from '../../model/ids';
import type { Notification } from '../../model/notifications';
import type { Plan } from '../../model/plan';
import { assignmentStatusQuery } from '../../workflows/definitions';
import { recordHistory } from '../helpers/histories';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { dienBienWithReporting, endedPlan, sentBy, sleepUntil, usePlanflowWorker } from '../helpers/planflow';

/** In plan 912, mail to this commune answers 451 for ever (its plan-issued notice too): its work must go on regardless. */
const UNREACHABLE = 'xa-thanh-an';
const recorded: Notification[] = [];
const { env, run } = usePlanflowWorker(createTimeSkippingEnv, (): Pick<Activities, 'notify'> => ({
  notify: (n) => {
    if (n.to.id === UNREACHABLE && n.plan.number.startsWith('912/')) {
      return Promise.reject(ApplicationFailure.retryable('451 4.3.0 mailbox busy, try again later', 'transient'));
    }
    recorded.push(n);
    return Promise.resolve({ delivered: true });
  },
}));
const DAY = 24 * 3_600_000;
const LEADER = 'chu-tich-ubnd-huyen';
const LEAD = 'phong-ldtbxh';

/** Điện Biên's plan with a yearly report "đến ngày 14/12 hằng năm" over three years from now, consolidated yearly. */
async function yearlyPlan(number: number, communes: number): Promise<{ plan: Plan; year: number }> {
  const base = await dienBienWithReporting(env(), number, communes);
  const year = Number(civilDateAt(await env().currentTimeMs()).slice(0, 4));
  const plan: Plan = {
    ...base,
    document: { ...base.document, period: { from: year, to: year + 2 } },
    reporting: {
      ...base.reporting,
      submissions: base.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'recurring', every: 'year', on: '12-14' } })),
    },
  };
  return { plan, year };
}

async function issue(client: Client, plan: Plan, taskQueue: string) {
  const planId = await startPlan(client, plan, taskQueue);
  await approve(client, planId, { by: LEADER, stage: 'issue' });
  const communes = plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members;
  return { planId, communes };
}

const cycleId = (planId: string, agency: string, year: number) => `${assignmentWorkflowId(planId, 'bao-cao-xa', agency)}/${year}`;
const query = (client: Client, id: string) => client.workflow.getHandle(id).query(assignmentStatusQuery).catch(() => undefined);
const running = async (client: Client, id: string) => (await client.workflow.getHandle(id).describe()).status.name === 'RUNNING';

/** Skips time until the plan's view satisfies `done` (bounded). */
async function skipUntil(client: Client, planId: string, done: (v: Awaited<ReturnType<typeof planStatus>>) => boolean, step = 2 * DAY) {
  for (let i = 0; i < 200; i++) {
    const view = await planStatus(client, planId);
    if (done(view)) return view;
    await env().sleep(step);
  }
  throw new Error(`${planId}: the awaited state never came`);
}

async function endPlan(client: Client, planId: string): Promise<void> {
  await cancelPlan(client, planId, { by: LEADER, reason: 'Kết thúc phép thử.' });
  await endedPlan(client, planId);
}

test('2. each yearly cycle opens on its own schedule, also for a commune that never reports; a missed cycle stays overdue', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, year } = await yearlyPlan(901, 2);
    const { planId, communes } = await issue(client, plan, taskQueue);
    const [late, silent] = communes as [string, string];
    await sleepUntil(env(), instantAt(`${year + 1}-06-01`));
    for (const agency of [late, silent]) expect(await query(client, cycleId(planId, agency, year + 1))).toBeDefined();
    const view = await planStatus(client, planId);
    expect(view.assignments[cycleId(planId, silent, year)]).toMatchObject({ status: 'overdue', cycle: `${year}` });
    // A late report for the first cycle is accepted as done late, while the second cycle runs.
    await submitReport(client, cycleId(planId, late, year), { by: late, text: 'Báo cáo năm, nộp muộn.' });
    await reviewReport(client, cycleId(planId, late, year), { by: LEAD, decision: 'accept' });
    await sleepUntil(env(), instantAt(`${year + 2}-06-01`));
    expect(await query(client, cycleId(planId, silent, year + 2))).toBeDefined();
    const later = await planStatus(client, planId);
    expect(later.assignments[cycleId(planId, late, year)]!.status).toBe('done-late');
    expect(later.assignments[cycleId(planId, silent, year + 1)]!.status).toBe('overdue');
    expect(later.byAgency[silent]!.counts.overdue).toBe(2);
    expect(later.scorecard.counts['done-late']).toBe(1);
    await endPlan(client, planId);
  }));

test('3. every cycle is consolidated with who is missing; a late acceptance gives a supplement; zero reports said plainly', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, year } = await yearlyPlan(902, 2);
    const { planId, communes } = await issue(client, plan, taskQueue);
    const [early, tardy] = communes as [string, string];
    await submitReport(client, cycleId(planId, early, year), { by: early, text: 'Đã thực hiện.', values: { 'tre-em-tiep-can-dich-vu': { numerator: 8, denominator: 10 } } });
    await reviewReport(client, cycleId(planId, early, year), { by: LEAD, decision: 'accept' });
    const first = await skipUntil(client, planId, (v) => v.consolidations.length > 0);
    // Answers carry a summary; the record itself, with who it includes and who is missing, comes from its own query.
    expect(first.consolidations[0]).toMatchObject({ id: 'tong-hop-huyen', cycle: `${year}`, supplement: false, index: 0, expected: 2, reported: 1, missing: 1 });
    const firstRecord = await consolidation(client, planId, { id: 'tong-hop-huyen', cycle: `${year}`, index: 0 });
    expect(firstRecord).toMatchObject({ supplement: false, included: [early], index: 0, count: 1 });
    expect(firstRecord!.result.missing).toHaveLength(1);
    await submitReport(client, cycleId(planId, tardy, year), { by: tardy, text: 'Nộp muộn.', values: { 'tre-em-tiep-can-dich-vu': { numerator: 5, denominator: 10 } } });
    await reviewReport(client, cycleId(planId, tardy, year), { by: LEAD, decision: 'accept' });
    const supplemented = await skipUntil(client, planId, (v) => v.consolidations.some((c) => c.supplement), DAY / 4);
    expect(supplemented.consolidations.find((c) => c.supplement)).toMatchObject({ cycle: `${year}`, index: 1, reported: 2, missing: 0 });
    expect(await consolidation(client, planId, { cycle: `${year}` })).toMatchObject({ supplement: true, included: [early, tardy], index: 1, count: 2 });
    const reports = sentBy(recorded, planId).filter((n) => n.data.event === 'consolidated-report');
    expect(reports.map((n) => n.to.id)).toEqual(['ubnd-huyen', 'ubnd-huyen']);
    // The next cycle, consolidated on request before anyone reported: the Update answers with it.
    await sleepUntil(env(), instantAt(`${year + 1}-01-05`));
    const made = await consolidateNow(client, planId, { by: LEAD });
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ cycle: `${year + 1}`, supplement: false, reported: 0 });
    expect((await recordOf(client, planId, made[0]!))!.markdown).toContain('chưa có đơn vị nào gửi báo cáo');
    await endPlan(client, planId);
  }));

test('4. an early close ends every workflow of the plan, cycles included; no notice afterwards; every view says cancelled', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, year } = await yearlyPlan(903, 2);
    const { planId, communes } = await issue(client, plan, taskQueue);
    await approve(client, planId, { by: LEADER, stage: 'close' });
    const closed = await endedPlan(client, planId);
    expect(closed.stage).toBe('closed');
    const statuses = Object.values(closed.assignments).map((a) => a.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'cancelled')).toBe(true);
    for (const agency of communes) expect(await running(client, cycleId(planId, agency, year))).toBe(false);
    expect(await running(client, stepWorkflowId(planId, 'bao-cao-xa'))).toBe(false);
    const atClose = sentBy(recorded, planId).length;
    await sleepUntil(env(), instantAt(`${year + 2}-12-31`));
    expect(sentBy(recorded, planId)).toHaveLength(atClose);
    expect(await query(client, cycleId(planId, communes[0]!, year + 1))).toBeUndefined();
  }));

test('5. work whose deadline passed before it started gets the overdue notice and the escalation reached, at once', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 904, 1);
    const today = civilDateAt(await env().currentTimeMs());
    const plan: Plan = {
      ...base,
      document: { ...base.document, issuedOn: undefined },
      reporting: { ...base.reporting, submissions: base.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'date', date: addDays(today, 2), wording: 'by' } })) },
    };
    const planId = await startPlan(client, plan, taskQueue);
    await env().sleep(14 * DAY); // the leader signs two weeks late
    await approve(client, planId, { by: LEADER, stage: 'issue' });
    const id = assignmentWorkflowId(planId, 'bao-cao-xa', 'xa-thanh-xuong');
    await skipUntil(client, planId, (v) => v.assignments[id]?.status === 'overdue', DAY / 24);
    await env().sleep(DAY / 24);
    const events = sentBy(recorded, id).map((n) => n.data.event);
    expect(events).toContain('overdue');
    expect(events).toContain('escalation');
    await endPlan(client, planId);
  }));

test('6. a lead office that is its own assignee neither reviews nor extends its own work; the leader does', () =>
  run(async ({ client, taskQueue }) => {
    const base = await dienBienWithReporting(env(), 905, 1);
    const plan: Plan = {
      ...base,
      reporting: { submissions: [], consolidations: [] },
      clauses: [{
        id: 'tong-ket', text: 'Phòng LĐTB&XH và UBND xã tổng kết thực hiện kế hoạch.', lead: LEAD, coordinators: [], assignees: [LEAD, 'xa-thanh-xuong'],
        due: 'report', deadline: { kind: 'after-issue', days: 10, unit: 'working-days' }, indicators: [],
      }],
    };
    const { planId } = await issue(client, plan, taskQueue);
    const own = assignmentWorkflowId(planId, 'tong-ket', LEAD);
    await submitReport(client, own, { by: LEAD, text: 'Báo cáo tổng kết.' });
    await expect(reviewReport(client, own, { by: LEAD, decision: 'accept' })).rejects.toMatchObject({ code: 'not-reviewer' });
    const later = addDays(civilDateAt(await env().currentTimeMs()), 30);
    await expect(extendDeadline(client, own, { by: LEAD, newLastDay: later, reason: 'Tự gia hạn.' })).rejects.toMatchObject({ code: 'not-allowed' });
    const accepted = await reviewReport(client, own, { by: LEADER, decision: 'accept' });
    expect(accepted.status).toBe('done-on-time');
    // The commune's report is still reviewed by the lead office.
    const commune = assignmentWorkflowId(planId, 'tong-ket', 'xa-thanh-xuong');
    await submitReport(client, commune, { by: 'xa-thanh-xuong', text: 'Báo cáo của xã.' });
    expect((await reviewReport(client, commune, { by: LEAD, decision: 'accept' })).status).toBe('done-on-time');
    await endPlan(client, planId);
  }));

test('11. leaders amend a running plan: reassign to a successor, add and remove agencies, move a deadline; all recorded', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 906, 3);
    const { planId, communes } = await issue(client, plan, taskQueue);
    const [a, b, c] = communes as [string, string, string];
    const successor = { id: 'xa-thanh-xuong-moi', name: 'UBND xã Thanh Xương (mới)', kind: 'commune' as const, emails: ['vanphong@thanhxuongmoi.example'], language: 'vi' as const };
    await expect(amendPlan(client, planId, { kind: 'reassign', by: LEAD, step: 'bao-cao-xa', agency: a, to: successor.id, newAgency: successor }))
      .rejects.toMatchObject({ code: 'not-leader' });
    await amendPlan(client, planId, { kind: 'reassign', by: LEADER, step: 'bao-cao-xa', agency: a, to: successor.id, newAgency: successor, reason: 'Sáp nhập xã từ 1/7/2025.' });
    await amendPlan(client, planId, { kind: 'add-agency', by: LEADER, step: 'bao-cao-xa', agency: 'xa-thanh-luong' });
    await amendPlan(client, planId, { kind: 'remove-agency', by: LEADER, step: 'bao-cao-xa', agency: b, reason: 'Không còn đối tượng.' });
    const newDay = addDays(civilDateAt(await env().currentTimeMs()), 60);
    const view = await amendPlan(client, planId, { kind: 'change-deadline', by: LEADER, step: 'bao-cao-xa', lastDay: newDay, reason: 'Lùi hạn chung.' });
    expect(view.actions.map((x) => x.action)).toEqual(['approve', 'reassign', 'add-agency', 'remove-agency', 'change-deadline']);
    expect(view.assignments[assignmentWorkflowId(planId, 'bao-cao-xa', a)]!.status).toBe('reassigned');
    expect(view.assignments[assignmentWorkflowId(planId, 'bao-cao-xa', b)]!.status).toBe('cancelled');
    const opened = async (agency: string) => {
      for (let i = 0; i < 40; i++) {
        const v = await query(client, assignmentWorkflowId(planId, 'bao-cao-xa', agency));
        if (v && v.lastDay === newDay) return v;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return query(client, assignmentWorkflowId(planId, 'bao-cao-xa', agency));
    };
    for (const agency of [successor.id, 'xa-thanh-luong', c]) expect(await opened(agency)).toMatchObject({ lastDay: newDay });
    expect(await running(client, assignmentWorkflowId(planId, 'bao-cao-xa', a))).toBe(false);
    expect(await running(client, assignmentWorkflowId(planId, 'bao-cao-xa', b))).toBe(false);
    expect(sentBy(recorded, planId).filter((n) => n.data.event === 'reassigned').map((n) => n.to.id)).toEqual([a]);
    await recordHistory(client, stepWorkflowId(planId, 'bao-cao-xa'), 'v2-step-amended');
    // An early close: everyone who had work hears of it, the successor named only by the amendment included.
    await approve(client, planId, { by: LEADER, stage: 'close', note: 'Kết thúc sớm.' });
    await endedPlan(client, planId);
    const closed = sentBy(recorded, planId).filter((n) => n.data.event === 'plan-closed').map((n) => n.to.id);
    for (const agency of [successor.id, 'xa-thanh-luong', a, b, c]) expect(closed).toContain(agency);
    await recordHistory(client, planId, 'v3-plan-amended-closed-early');
    await recordHistory(client, stepWorkflowId(planId, 'bao-cao-xa'), 'v3-step-amended-with-memo');
  }));

test('11. a recurring step runs a child per cycle; amendments reach every open cycle, and the cycles still to come', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, year } = await yearlyPlan(907, 3);
    const { planId, communes } = await issue(client, plan, taskQueue);
    const [a, b, c] = communes as [string, string, string];
    const step = stepWorkflowId(planId, 'bao-cao-xa');
    await sleepUntil(env(), instantAt(`${year + 1}-06-01`)); // the first cycle overdue, the second running
    for (const y of [year, year + 1]) expect(await running(client, cycleWorkflowId(step, String(y)))).toBe(true);
    const successor = { id: 'xa-thanh-xuong-moi', name: 'UBND xã Thanh Xương (mới)', kind: 'commune' as const, emails: ['vanphong@thanhxuongmoi.example'], language: 'vi' as const };
    await amendPlan(client, planId, { kind: 'reassign', by: LEADER, step: 'bao-cao-xa', agency: a, to: successor.id, newAgency: successor, reason: 'Sáp nhập xã.' });
    await amendPlan(client, planId, { kind: 'add-agency', by: LEADER, step: 'bao-cao-xa', agency: 'xa-thanh-luong' });
    await amendPlan(client, planId, { kind: 'remove-agency', by: LEADER, step: 'bao-cao-xa', agency: b, reason: 'Không còn đối tượng.' });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    const opened = async (id: string) => {
      for (let i = 0; i < 40 && !(await query(client, id)); i++) await pause();
      return query(client, id);
    };
    const ended = async (id: string) => {
      for (let i = 0; i < 40 && (await running(client, id)); i++) await pause();
      return !(await running(client, id));
    };
    // Both open cycles: the successor takes over the merged commune's work, the removed commune's work ends.
    for (const y of [year, year + 1]) {
      expect(await opened(cycleId(planId, successor.id, y))).toBeDefined();
      expect(await ended(cycleId(planId, a, y))).toBe(true);
      expect(await ended(cycleId(planId, b, y))).toBe(true);
    }
    // An agency added joins the cycle running now, not the one already past.
    expect(await opened(cycleId(planId, 'xa-thanh-luong', year + 1))).toBeDefined();
    expect(await query(client, cycleId(planId, 'xa-thanh-luong', year))).toBeUndefined();
    // The next cycle opens with the step's agencies as amended.
    await sleepUntil(env(), instantAt(`${year + 2}-06-01`));
    for (const agency of [successor.id, 'xa-thanh-luong', c]) expect(await query(client, cycleId(planId, agency, year + 2))).toBeDefined();
    for (const agency of [a, b]) expect(await query(client, cycleId(planId, agency, year + 2))).toBeUndefined();
    await endPlan(client, planId);
    await recordHistory(client, step, 'v3-step-cycle-children-amended');
    await recordHistory(client, cycleWorkflowId(step, String(year + 1)), 'v3-cycle-child-amended');
  }));

test('12. mail that cannot go out holds up nothing: work starts at once, falls overdue and escalates', () =>
  run(async ({ client, taskQueue }) => {
    recorded.length = 0;
    const base = await dienBienWithReporting(env(), 912, 2);
    // A short deadline keeps the activity's retries (every 30 minutes at most, in skipped time) few.
    const plan: Plan = {
      ...base,
      reporting: { ...base.reporting, submissions: base.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'after-issue', days: 1, unit: 'working-days' } })) },
    };
    const { planId } = await issue(client, plan, taskQueue);
    const stuck = assignmentWorkflowId(planId, 'bao-cao-xa', UNREACHABLE);
    let started = await query(client, stuck);
    for (let i = 0; i < 40 && !started; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      started = await query(client, stuck);
    }
    expect(started).toBeDefined(); // started although the plan's issue notice to the commune still retries
    // Its page's clock chases the commune's work through the lead office and the leader (the work itself sleeps).
    const chased = () => recorded.filter((n) => n.key.startsWith(`${stuck}/escalation`)).map((n) => n.to.id);
    for (let i = 0; i < 200 && !(chased().includes(LEAD) && chased().includes(LEADER)); i++) await env().sleep(DAY);
    expect(chased()).toEqual(expect.arrayContaining([LEAD, LEADER]));
    // Its assignment notice, bounded in time (settled work), was given up after three days of retries: it is on record
    // as undeliverable, and the lead office was told, while the work went on.
    expect((await query(client, stuck))?.undeliverable.map((u) => u.event)).toEqual(['assignment']);
    expect(recorded.filter((n) => n.key.startsWith(`${stuck}/undeliverable/`)).map((n) => n.to.id)).toEqual([LEAD]);
    await cancelPlan(client, planId, { by: LEADER, reason: 'Kết thúc phép thử.' });
    // The commune's mail still fails: the plan ends once its last mail has had three days to go out.
    await env().sleep(4 * DAY);
    const ended = await endedPlan(client, planId);
    expect(ended.undeliverable.map((u) => [u.to, u.event])).toContainEqual([UNREACHABLE, 'plan-cancelled']);
    await recordHistory(client, stuck, 'v2-assignment-mail-held-up');
    await recordHistory(client, stuck, 'v5-assignment-mail-held-up-in-task');
    await recordHistory(client, stuck, 'v11-assignment-mail-held-up-bounded');
  }), 120_000);
