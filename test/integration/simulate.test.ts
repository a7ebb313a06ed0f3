// `planflow simulate` on one shared time-skipping server: a scripted three-year plan (notices, actions, refusals,
// final state), the automatic run without a script, plans and scripts dated in the past, script errors, and the
// command as a coordinator runs it; and the issue's acceptance scenario (three communes over three years).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { simulateCommand } from '../../client/commands/simulate';
import { formatSimulation } from '../../client/simulate-run';
import type { PlanflowError } from '../../client/planflow';
import { isoSeconds, simulate, simulationBound, Simulation, type TimelineEntry } from '../../client/simulate';
import { MAX_ACTIONS, parseScript, parseScriptText, type ScriptAction } from '../../client/simulate-script';
import {
  addDays, addWorkingDays, civilDateAt, dayNumber, instantAt, noticeSchedule, recurringDays, type CivilDate,
} from '../../model/calendar';
import { loadPlanText } from '../../model/load';
import type { Plan } from '../../model/plan';
import { rebasePlan, referenceDate } from '../../model/rebase';
import { approversOf, planEnd, recipientIds } from '../../model/work';
import { planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';
import { createTimeSkippingEnv, useTestEnv } from '../helpers/temporal-env';

const env = useTestEnv(createTimeSkippingEnv);
const FIXTURES = join(ROOT, 'test', 'fixtures', 'simulate');
const PLAN_FILE = join(FIXTURES, 'three-communes.yaml');
const DAY = 86_400_000;
const COMMUNES = ['xa-an-phu', 'xa-binh-minh', 'xa-cat-tien'];

function fixturePlan(): Plan {
  const loaded = loadPlanText(readFileSync(PLAN_FILE, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.plan;
}

function fixtureScript(name: string): ScriptAction[] {
  const parsed = parseScriptText(readFileSync(join(FIXTURES, name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.script;
}

/** The fixture is dated 2027; once the shared clock has passed its issue date, it is rebased to tomorrow. */
async function issueDay(plan: Plan): Promise<CivilDate | undefined> {
  const today = civilDateAt(await env().currentTimeMs());
  return plan.document.issuedOn! > today ? undefined : addDays(today, 1);
}

/** The plan and script as simulate runs them after `--rebase day`. */
function asRun(plan: Plan, script: ScriptAction[], day?: CivilDate): { plan: Plan; at: (line: number) => number } {
  const shift = day ? (dayNumber(day) - dayNumber(referenceDate(plan))) * DAY : 0;
  const at = (line: number) => script[line]!.at + shift;
  return { plan: day ? rebasePlan(plan, day) : plan, at };
}

const ms = (e: TimelineEntry) => Date.parse(e.at);
/** The agency of an assignment's workflow id: `…/bao-cao-nam/xa-an-phu`, or `…/bao-cao-nam/xa-an-phu/2027` per cycle. */
const agencyOf = (workflowId: string) => workflowId.split('/bao-cao-nam/')[1]?.split('/')[0];
const ofKind = <K extends TimelineEntry['kind']>(timeline: TimelineEntry[], kind: K) =>
  timeline.filter((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);
const notices = (timeline: TimelineEntry[]) => ofKind(timeline, 'notice');
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The scripted run of the fixture, shared by the tests that read it (one simulation for all of them). */
let scripted: Promise<{ plan: Plan; at: (line: number) => number; result: Simulation }> | undefined;
function scriptedRun() {
  scripted ??= (async () => {
    const base = fixturePlan();
    const script = fixtureScript('actions.yaml');
    const day = await issueDay(base);
    const result = await simulate(base, script, { env: env(), rebase: day });
    return { ...asRun(base, script, day), result };
  })();
  return scripted;
}

test('a scripted run records each action and refusal at its instant, and ends closed', async () => {
  const { at, result } = await scriptedRun();
  expect(Simulation.parse(result)).toEqual(result);
  const instants = result.timeline.map((e) => e.at);
  expect(instants).toEqual([...instants].sort());
  expect(instants.every((a) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(a))).toBe(true);

  // The reassignment is refused by the stub of client/planflow.ts, or done by the amend Update that replaces it.
  const reassign = result.timeline.filter((e) => (e.kind === 'action' || e.kind === 'refused') && e.action === 'reassign');
  expect(reassign).toHaveLength(1);
  expect([['refused', 'not-supported', at(8)], ['action', 'done', at(8)]])
    .toContainEqual([reassign[0]!.kind, reassign[0]!.kind === 'refused' ? reassign[0]!.code : 'done', ms(reassign[0]!)]);

  const actions = ofKind(result.timeline, 'action').filter((e) => e.action !== 'reassign').map((e) => [e.action, e.as, ms(e)]);
  expect(actions).toEqual([
    ['approve', 'chu-tich', at(0)], ['report', 'xa-an-phu', at(2)], ['review', 'so-vhttdl', at(4)], ['report', 'xa-cat-tien', at(5)],
    ['review', 'so-vhttdl', at(6)], ['extend', 'chu-tich', at(7)], ['approve', 'chu-tich', at(9)],
  ]);
  const refused = ofKind(result.timeline, 'refused').filter((e) => e.action !== 'reassign');
  expect(refused.map((e) => [e.action, e.as, e.code, ms(e)])).toEqual([
    ['approve', 'chu-tich', 'wrong-stage', at(1)], // a second `approve issue`
    ['report', 'so-vhttdl', 'no-assignment', at(3)], // an agency the report is not asked of
    ['report', 'xa-an-phu', 'ended', at(10)], // after the close
  ]);
  expect(refused.every((e) => /[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i.test(e.reason))).toBe(true);

  expect(result.final).toMatchObject({ stage: 'closed', open: false });
  expect(result.final.assignments.map((a) => a.agencyId)).toEqual(expect.arrayContaining(COMMUNES));
});

test('notices go to the right people at the instants the calendar gives, and none after the close', async () => {
  const { plan, at, result } = await scriptedRun();
  const planId = result.final.planId;
  const all = notices(result.timeline);
  const leaders = approversOf(plan, 'issue');

  expect(sorted(all.filter((n) => n.event === 'plan-issued').map((n) => [n.to, ms(n)]))).toEqual(sorted(recipientIds(plan).map((to) => [to, at(0)])));
  expect(sorted(all.filter((n) => n.event === 'assignment' && ms(n) === at(0)).map((n) => [n.to, agencyOf(n.workflowId)])))
    .toEqual(sorted(COMMUNES.map((c) => [c, c])));

  // Bình Minh never reports: the reminders, the overdue notice and the whole escalation ladder of its first year.
  const binhMinh = all.filter((n) => n.workflowId.startsWith(`${planId}/bao-cao-nam/`) && agencyOf(n.workflowId) === 'xa-binh-minh');
  const submission = plan.reporting.submissions[0]!;
  const firstDay = recurringDays(submission.deadline as Extract<typeof submission.deadline, { kind: 'recurring' }>, plan.document.issuedOn!, planEnd(plan, plan.document.issuedOn!))[0]!;
  const chased = ['reminder', 'overdue', 'escalation'];
  const expected = noticeSchedule(firstDay, plan.reminderPolicy).flatMap((n) => {
    if (n.kind !== 'escalation') return [[n.kind, 'xa-binh-minh', n.at]];
    return (n.to === 'assignee-head' ? ['xa-binh-minh'] : n.to === 'lead' ? ['so-vhttdl'] : leaders).map((to) => ['escalation', to, n.at]);
  });
  expect(sorted(binhMinh.filter((n) => chased.includes(n.event) && ms(n) < at(7)).map((n) => [n.event, n.to, ms(n)]))).toEqual(sorted(expected));

  // The extension (at(7)) to 31/03/2028 gives a new schedule: its reminders, none of the old deadline.
  const extendedTo = addDays('2028-03-31', (dayNumber(plan.document.issuedOn!) - dayNumber('2027-01-04')));
  expect(binhMinh.filter((n) => n.event === 'deadline-extended').map((n) => [n.to, ms(n)])).toEqual([['xa-binh-minh', at(7)]]);
  const newReminders = noticeSchedule(extendedTo, plan.reminderPolicy).filter((n) => n.kind === 'reminder').map((n) => n.at);
  expect(binhMinh.filter((n) => n.event === 'reminder' && ms(n) > at(7) && ms(n) < at(8)).map(ms)).toEqual(newReminders);

  // An Phú's report reaches the lead office; the acceptance reaches An Phú.
  expect(all.filter((n) => n.event === 'report-received').map((n) => [n.to, ms(n)])).toEqual([['so-vhttdl', at(2)], ['so-vhttdl', at(5)]]);
  expect(all.filter((n) => n.event === 'report-accepted').map((n) => [n.to, ms(n)])).toEqual([['xa-an-phu', at(4)], ['xa-cat-tien', at(6)]]);

  // After the early close, only the close itself is announced: no work notice at all.
  const after = all.filter((n) => ms(n) >= at(9));
  expect(after.map((n) => n.event).filter((e) => e !== 'plan-closed')).toEqual([]);
  expect(after.map((n) => n.to)).toEqual(expect.arrayContaining(recipientIds(plan)));
});

test('stages, statuses, consolidations and cycles of the scripted run come from the workflows', async () => {
  const { at, result } = await scriptedRun();
  const planId = result.final.planId;
  const stages = result.timeline.filter((e) => e.kind === 'stage').map((e) => [e.stage, ms(e)]);
  expect(stages).toContainEqual(['in-progress', at(0)]);
  expect(stages.at(-1)).toEqual(['closed', at(9)]);

  const statuses = result.timeline.filter((e) => e.kind === 'status').map((e) => [agencyOf(e.workflowId), e.status, ms(e)]);
  expect(statuses).toEqual(expect.arrayContaining([
    ['xa-an-phu', 'submitted', at(2)], ['xa-an-phu', 'done-on-time', at(4)], ['xa-cat-tien', 'done-late', at(6)],
  ]));

  // The first year: consolidated with An Phú alone, then supplemented once Cát Tiên's late report is accepted.
  const consolidations = result.timeline.filter((e) => e.kind === 'consolidation');
  const first = consolidations[0]!;
  expect(first).toMatchObject({ id: 'tong-hop-tinh', reported: 1, supplement: false });
  expect(first.missing.sort()).toEqual(['xa-binh-minh', 'xa-cat-tien']);
  expect(consolidations.find((c) => c.supplement && c.cycle === first.cycle && ms(c) >= at(6))).toBeDefined();

  // Every notice of an assignment names its cycle, one value per cycle of one assignment.
  const work = notices(result.timeline).filter((n) => n.workflowId.startsWith(`${planId}/`));
  expect(work.every((n) => n.cycle !== undefined)).toBe(true);
  const firstYear = work.filter((n) => agencyOf(n.workflowId) === 'xa-binh-minh' && n.event === 'reminder' && ms(n) < at(7));
  expect(new Set(firstYear.map((n) => n.cycle)).size).toBe(1);
});

/** The automatic run of the fixture (no script), rebased to start tomorrow on the shared clock. */
let automatic: Promise<{ plan: Plan; result: Simulation }> | undefined;
function automaticRun() {
  automatic ??= (async () => {
    const base = fixturePlan();
    const day = addDays(civilDateAt(await env().currentTimeMs()), 1);
    return { plan: rebasePlan(base, day), result: await simulate(base, [], { env: env(), rebase: day }) };
  })();
  return automatic;
}

test('without a script the issue approver approves on the issue date and the run stops at the bound at the latest', async () => {
  const { plan, result } = await automaticRun();
  const issuedOn = plan.document.issuedOn!;
  const approvals = result.timeline.filter((e) => e.kind === 'action');
  expect(approvals[0]).toMatchObject({
    action: 'approve', as: approversOf(plan, 'issue')[0], automatic: true, input: { stage: 'issue' },
    at: isoSeconds(instantAt(issuedOn, plan.reminderPolicy.officeHours.start)),
  });
  expect(result.timeline.filter((e) => e.kind === 'refused')).toEqual([]);
  // The bound: the period's last day, then the longest escalation ladder (7 working days) and one more.
  expect(result.final.until).toBe(isoSeconds(simulationBound(plan, issuedOn)));
  expect(civilDateAt(simulationBound(plan, issuedOn) - 1)).toBe(addWorkingDays(`${plan.document.period!.to}-12-31`, 8));
  expect(result.final.open || result.final.stage === 'closed').toBe(true);
  expect(Date.parse(result.timeline.at(-1)!.at)).toBeLessThanOrEqual(simulationBound(plan, issuedOn));
  // Nothing of the plan is left running for the next run on this server, ended or stopped at the bound.
  for (const id of [result.final.planId, ...result.final.assignments.map((a) => a.workflowId)]) {
    expect((await env().client.workflow.getHandle(id).describe()).status.name).not.toBe('RUNNING');
  }
});

test('without a script every commune is asked three times, each year is consolidated, and the close is approved', async () => {
  const { result } = await automaticRun();
  for (const commune of COMMUNES) {
    const asked = notices(result.timeline).filter((n) => n.event === 'assignment' && n.to === commune);
    expect(new Set(asked.map((n) => n.cycle)).size).toBe(3);
  }
  const consolidations = result.timeline.filter((e) => e.kind === 'consolidation');
  expect(consolidations.map((c) => [c.reported, c.supplement])).toEqual([[0, false], [0, false], [0, false]]);
  expect(result.timeline.filter((e) => e.kind === 'action' && e.input.stage === 'close')).toHaveLength(1);
  expect(result.final).toMatchObject({ stage: 'closed', open: false });
  expect(result.final.assignments).toHaveLength(9);
});

test('a plan or script dated before the simulated clock is refused with a hint to --rebase', async () => {
  const plan = fixturePlan();
  const refusal = (run: Promise<unknown>) => run.then(() => undefined, (error: PlanflowError) => [error.code, error.message]);
  const [code, reason] = (await refusal(simulate(rebasePlan(plan, '2020-01-06'), [], { env: env() }))) ?? [];
  expect(code).toBe('dated-in-the-past');
  expect(reason).toContain('--rebase');
  const past = parseScript([{ at: '2020-01-06T09:00', as: 'chu-tich', approve: { stage: 'issue' } }]);
  if (!past.ok) throw new Error(past.problems.join('\n'));
  const tomorrow = addDays(civilDateAt(await env().currentTimeMs()), 1);
  expect(await refusal(simulate(rebasePlan(plan, tomorrow), past.script, { env: env() }))).toEqual([
    'dated-in-the-past', expect.stringMatching(/^Thao tác đầu tiên của kịch bản lúc 06\/01\/2020 09:00: .*--rebase/) as string,
  ]);
});

test('script mistakes are reported as path: message lines in Vietnamese', () => {
  const broken = parseScriptText(readFileSync(join(FIXTURES, 'broken-actions.yaml'), 'utf8'));
  expect(broken.ok).toBe(false);
  const problems = broken.ok ? [] : broken.problems;
  expect(problems).toEqual(expect.arrayContaining([
    '[0].aprove: không có trường "aprove" (gõ nhầm?)',
    '[1].at: cần giờ địa phương dạng YYYY-MM-DDTHH:mm (ví dụ 2027-01-04T09:00)',
    '[2].review.reason: trả lại báo cáo cần nêu lý do (reason)',
  ]));
  const tooLong = parseScript(Array.from({ length: MAX_ACTIONS + 1 }, () => ({ at: '2027-01-04T09:00', as: 'chu-tich', cancel: { reason: 'x' } })));
  expect(tooLong.ok ? [] : tooLong.problems).toEqual([`(kịch bản): tối đa ${MAX_ACTIONS} thao tác`]);
  const outOfOrder = parseScript([
    { at: '2027-02-01T09:00', as: 'chu-tich', cancel: { reason: 'x' } },
    { at: '2027-01-01T09:00', as: 'chu-tich', approve: { stage: 'issue' }, cancel: { reason: 'y' } },
  ]);
  expect(outOfOrder.ok ? [] : outOfOrder.problems).toEqual([
    '[1]: cần đúng một thao tác trong: approve, report, review, extend, reassign, cancel, consolidate (đang có 2)',
    '[1].at: các thao tác phải theo thứ tự thời gian (2027-01-01T09:00 trước 2027-02-01T09:00 ở dòng trên)',
  ]);
});

test('the timeline reads as Vietnamese text: local time, names, what happened', async () => {
  const { plan, result } = await scriptedRun();
  const text = formatSimulation(plan, result);
  expect(text).toContain(`Mô phỏng kế hoạch ${result.final.planId}: ${plan.document.title}`);
  expect(text).toMatch(/\d\d\/\d\d\/\d{4} 09:00 {2}Chủ tịch UBND tỉnh Nguyễn Văn Minh \(chu-tich\) duyệt ký ban hành · kế hoạch/);
  expect(text).toMatch(/Thông báo nhắc hạn → UBND xã Bình Minh \(xa-binh-minh\) · bao-cao-nam\/xa-binh-minh/);
  expect(text).toContain('Bị từ chối: Chủ tịch UBND tỉnh Nguyễn Văn Minh (chu-tich) duyệt ký ban hành — ');
  expect(text).toContain('Kết quả: đã kết thúc');
});

test('planflow simulate as a process: --json prints one JSON object, the text names the plan, a bad script exits 1', async () => {
  // The command starts its own server at the real current time: rebase the fixture to the day after tomorrow.
  const day = addDays(civilDateAt(Date.now()), 2);
  const args = ['simulate', PLAN_FILE, '--script', join(FIXTURES, 'issue-and-close.yaml'), '--rebase', day];
  const json = await planflow([...args, '--json']);
  expect(json.code).toBe(0);
  const parsed = Simulation.parse(JSON.parse(json.stdout));
  expect(parsed.final).toMatchObject({ stage: 'closed', open: false });
  expect(parsed.timeline.filter((e) => e.kind === 'action').map((e) => [e.action, String(e.input.stage)])).toEqual([['approve', 'issue'], ['approve', 'close']]);

  const text = await planflow(args);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(fixturePlan().document.title);
  expect(text.stdout).toContain(parsed.final.planId);

  const bad = await planflow(['simulate', PLAN_FILE, '--script', join(FIXTURES, 'broken-actions.yaml')]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('broken-actions.yaml: [0].aprove: không có trường "aprove" (gõ nhầm?)');
}, 120_000);

test('registered on a commander program (as the CLI on main does), the command reads its options the same way', async () => {
  const program = new Command().exitOverride();
  simulateCommand(program);
  try {
    await program.parseAsync(['simulate', PLAN_FILE, '--script', join(FIXTURES, 'broken-actions.yaml'), '--json'], { from: 'user' });
    expect(process.exitCode).toBe(1); // the script's mistakes are found before any server starts
  } finally {
    process.exitCode = undefined;
  }
});

test('issue 9 acceptance: on time, never and late communes over three years; a cycle each, a consolidation each, a supplement; nothing after an early close', async () => {
  const base = fixturePlan();
  const script = fixtureScript('acceptance.yaml');
  const day = await issueDay(base);
  const { at } = asRun(base, script, day);
  const { timeline } = await simulate(base, script, { env: env(), rebase: day });
  const year = Number(civilDateAt(at(0)).slice(0, 4));

  // Every commune, the silent one included, is given the work of each of the three years.
  for (const commune of COMMUNES) {
    const asked = notices(timeline).filter((n) => n.event === 'assignment' && n.to === commune).map((n) => n.cycle);
    expect(asked).toEqual([`${year}`, `${year + 1}`, `${year + 2}`]);
  }
  // One consolidation per consolidated cycle, and a supplement for the first after the late report is accepted.
  const consolidations = timeline.filter((e) => e.kind === 'consolidation');
  expect(consolidations.filter((c) => !c.supplement).map((c) => c.cycle)).toEqual([`${year}`, `${year + 1}`]);
  const supplement = consolidations.filter((c) => c.supplement);
  expect(supplement.map((c) => [c.cycle, c.reported])).toEqual([[`${year}`, 2]]);
  // At the acceptance, or as soon after it as the status reaches the plan — before the next action.
  expect(ms(supplement[0]!)).toBeGreaterThanOrEqual(at(5));
  expect(ms(supplement[0]!)).toBeLessThan(at(6));
  expect(ms(consolidations[0]!)).toBeLessThan(at(4)); // the late report came after the first consolidation
  // A second issue approval is refused; after the early close nothing more is sent.
  expect(timeline.filter((e) => e.kind === 'refused').map((e) => [e.action, e.code])).toEqual([['approve', 'wrong-stage']]);
  const closeAt = at(script.length - 1);
  expect(timeline.filter((e) => e.kind === 'stage').at(-1)).toMatchObject({ stage: 'closed' });
  // The close's own notice goes out as the plan ends (seconds after the action under time skipping); nothing else does.
  expect(notices(timeline).filter((n) => ms(n) > closeAt && n.event !== 'plan-closed')).toEqual([]);
  expect(notices(timeline).filter((n) => n.event === 'plan-closed').length).toBeGreaterThan(0);
});
