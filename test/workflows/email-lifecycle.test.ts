// The whole lifecycle with the real notify activity and a real SMTP server on the time-skipping server: every
// recipient gets exactly the messages the scenario calls for; an SMTP outage delays reminders but loses none and
// doubles none; a refused address is recorded and the lead office told, without disturbing anyone else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities } from '../../activities';
import { loadMailConfig } from '../../activities/email/config';
import { createMailer, type Mailer } from '../../activities/email/mailer';
import { approve, assignmentStatus, planStatus, startPlan, submitReport } from '../../client/planflow';
import { lastDay, noticeSchedule } from '../../model/calendar';
import { assignmentWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { eventually } from '../helpers/eventually';
import { rehearse, reportingOnly, sleepUntil, usePlanflowWorker, waitForEnd } from '../helpers/planflow';
import { SmtpSink, type Received } from '../helpers/smtp';
import { createTimeSkippingEnv } from '../helpers/temporal-env';

const smtp = new SmtpSink();
const dataDir = mkdtempSync(join(tmpdir(), 'planflow-mail-flow-'));
let mailer: Mailer | undefined;

beforeAll(() => smtp.start());
afterAll(async () => {
  mailer?.close();
  await smtp.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const { env, run } = usePlanflowWorker(createTimeSkippingEnv, () => {
  const config = loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'planflow <planflow@vanquan.example>', PLANFLOW_DATA_DIR: dataDir });
  mailer = createMailer(config);
  return createActivities(config, mailer);
});

const HOUR = 3_600_000;
const emailOf = (plan: Plan, id: string) => plan.agencies.find((a) => a.id === id)!.emails[0]!;
/** Subjects (without the plan number) of the mail one address received for one plan, sorted. */
const keyOf = (r: Received) => r.mail.headers.get('x-planflow-key') as string | undefined;
const subjects = (address: string, planId: string) =>
  smtp.to(address)
    .filter((r) => keyOf(r)?.startsWith(`${planId}/`))
    .map((r) => r.mail.subject!.replace(/^\[[^\]]+\] /, ''))
    .sort();

async function issued(number: number, communes: number) {
  const base = reportingOnly(await rehearse(env(), 'van-quan-2021-tre-em.yaml'), communes);
  const plan: Plan = { ...base, id: `${base.id}-${number}` };
  return { plan, members: plan.groups.find((g) => g.id === 'ubnd-cac-xa')!.members };
}

test('every recipient gets exactly the messages of the scenario, each well formed', () =>
  run(async ({ client, taskQueue }) => {
    const startedAt = await env().currentTimeMs();
    const { plan, members } = await issued(1, 2);
    const [silent, prompt] = members as [string, string];
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });
    const submission = plan.reporting.submissions[0]!;
    const schedule = noticeSchedule(lastDay(submission.deadline, {})!, plan.reminderPolicy);
    await sleepUntil(env(), schedule[1]!.at + HOUR);
    await submitReport(client, assignmentWorkflowId(planId, submission.id, prompt), { by: prompt, text: 'Báo cáo năm.' });
    const status = await eventually(async () => { await env().sleep('2 days'); return planStatus(client, planId); }, (s) => s.stage === 'awaiting-close-approval', 30);
    expect(status.stage).toBe('awaiting-close-approval');
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'close' });
    await waitForEnd(client, planId);
    expect(await env().currentTimeMs() - startedAt).toBeLessThan(400 * 24 * HOUR); // the clock did not run away (about 270 days are expected)

    expect(subjects(emailOf(plan, silent), planId)).toEqual([
      `Ban hành Kế hoạch: ${plan.document.title}`,
      `Giao nhiệm vụ: ${formatDue(plan)}`,
      `Thông báo kết thúc ${planName(plan)}`,
      'Nhắc việc: nhiệm vụ sắp đến hạn (còn 1 ngày làm việc)',
      'Nhắc việc: nhiệm vụ sắp đến hạn (còn 3 ngày làm việc)',
      'Nhắc việc: nhiệm vụ sắp đến hạn (còn 7 ngày làm việc)',
      `Quá hạn nộp báo cáo (${formatDue(plan)})`,
      `Đôn đốc lần 1: ${plan.agencies.find((a) => a.id === silent)!.name} quá hạn 1 ngày làm việc`,
    ].sort());
    expect(subjects(emailOf(plan, prompt), planId)).toEqual([
      `Ban hành Kế hoạch: ${plan.document.title}`, `Giao nhiệm vụ: ${formatDue(plan)}`, `Thông báo kết thúc ${planName(plan)}`,
      'Nhắc việc: nhiệm vụ sắp đến hạn (còn 3 ngày làm việc)', 'Nhắc việc: nhiệm vụ sắp đến hạn (còn 7 ngày làm việc)',
    ].sort());
    const digest = `Tình hình thực hiện ${planName(plan)}: tuần từ ngày`;
    const lead = subjects(emailOf(plan, 'so-ldtbxh'), planId);
    expect(lead.filter((s) => !s.startsWith(digest))).toEqual(['Ban hành Kế hoạch: ' + plan.document.title, `Báo cáo tổng hợp kết quả thực hiện ${planName(plan)}`, `Thông báo kết thúc ${planName(plan)}`].sort());
    // The lead office (Phòng LĐTBXH-DT) hears weekly while it has something to do or when things changed, never about nothing.
    const digests = smtp.to(emailOf(plan, 'phong-ldtbxh-dt')).filter((r) => keyOf(r)?.startsWith(`${planId}/`) && r.mail.subject?.includes(digest));
    const texts = digests.map((r) => r.mail.text!);
    expect(texts[0]).toContain('| 0/2 | 0 | 0');
    expect(texts[0]).toContain('Không có báo cáo chờ tiếp nhận');
    const name = (id: string) => plan.agencies.find((a) => a.id === id)!.name;
    expect(texts.some((t) => t.includes(`báo cáo chờ tiếp nhận: ${name(prompt)}.`))).toBe(true);
    expect(texts.at(-1)).toContain(`đơn vị quá hạn, cần đôn đốc: ${name(silent)}.`);
    expect(texts.at(-1)).toContain('| 1/2 | 1 | 1');

    const issueNotice = smtp.to(emailOf(plan, 'so-ldtbxh')).find((r) => r.mail.subject?.includes('Ban hành Kế hoạch'))!;
    expect(issueNotice.mail.text).toContain('TỔ CHỨC THỰC HIỆN'); // the plan itself travels with its issue notice
    expect(issueNotice.mail.text).toContain('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTriệu Đức Dũng');

    const all = smtp.received.filter((r) => keyOf(r)?.startsWith(`${planId}/`));
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((r) => r.mail.messageId)).size).toBe(all.length);
    for (const r of all) {
      expect(r.mail.text).toMatch(/^Kính gửi: .*[^.]$/m); // Decree 30: no full stop after the addressee
      expect(r.mail.html).toContain('<!doctype html>');
    }
  }), 120_000);

/** How notices name the plan: by number, or by title while it has none (van-quan has no number). */
const planName = (plan: Plan) => (plan.document.number === undefined ? `Kế hoạch "${plan.document.title}"` : `Kế hoạch số ${plan.document.number}/${plan.document.symbol}`);

function formatDue(plan: Plan): string {
  const day = lastDay(plan.reporting.submissions[0]!.deadline, {})!;
  return `hạn ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

test('an SMTP outage during the reminders delays them; after it every reminder arrives once', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, members } = await issued(2, 1);
    const address = emailOf(plan, members[0]!);
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });
    const schedule = noticeSchedule(lastDay(plan.reporting.submissions[0]!.deadline, {})!, plan.reminderPolicy);
    await eventually(() => Promise.resolve(subjects(address, planId)), (s) => s.length >= 2); // issue and assignment notices

    await smtp.stop();
    await sleepUntil(env(), schedule[1]!.at + 2 * HOUR); // reminders 7 and 3 fall due while nothing listens
    expect(subjects(address, planId).filter((s) => s.startsWith('Nhắc việc'))).toEqual([]);
    await smtp.start();
    await env().sleep(2 * HOUR); // the activity's next retry finds the server again
    const reminders = await eventually(() => Promise.resolve(subjects(address, planId).filter((s) => s.startsWith('Nhắc việc'))), (s) => s.length >= 2);
    expect(reminders).toEqual(['Nhắc việc: nhiệm vụ sắp đến hạn (còn 3 ngày làm việc)', 'Nhắc việc: nhiệm vụ sắp đến hạn (còn 7 ngày làm việc)']);
    await env().sleep(6 * HOUR);
    expect(subjects(address, planId).filter((s) => s.startsWith('Nhắc việc'))).toHaveLength(2);
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'close' });
    await waitForEnd(client, planId);
    // Six simulated days of retries every 30 minutes: ~70 s alone on the 2-core machine, past 120 s in CI beside the
    // national test (a time-out, not a failure of the mail).
  }), 300_000);

test('a 550 for one commune is recorded as undeliverable and the lead office is told; the others are unaffected', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, members } = await issued(3, 2);
    const [refused, fine] = members as [string, string];
    smtp.refuse.add(emailOf(plan, refused));
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });
    const refusedId = assignmentWorkflowId(planId, plan.reporting.submissions[0]!.id, refused);
    const view = await eventually(() => assignmentStatus(client, refusedId), (v) => (v.undeliverable ?? []).length > 0);
    expect(view.undeliverable?.[0]).toMatchObject({ to: refused, event: 'assignment' });
    const lead = await eventually(() => Promise.resolve(subjects(emailOf(plan, 'phong-ldtbxh-dt'), planId)), (s) => s.length > 0);
    expect(lead).toContain(`Không gửi được thư đến ${plan.agencies.find((a) => a.id === refused)!.name}`);
    // Its own assignment sends that notice beside the refused one's: it may land a moment after the lead's word.
    const toFine = await eventually(() => Promise.resolve(subjects(emailOf(plan, fine), planId)), (s) => s.some((t) => t.startsWith('Giao nhiệm vụ')));
    expect(toFine.some((s) => s.startsWith('Giao nhiệm vụ'))).toBe(true);
    // Its reminders go out from its step, which records the refusal too: the assignment's view shows both.
    const schedule = noticeSchedule(lastDay(plan.reporting.submissions[0]!.deadline, {})!, plan.reminderPolicy);
    await sleepUntil(env(), schedule[0]!.at + HOUR);
    const later = await eventually(() => assignmentStatus(client, refusedId), (v) => v.undeliverable.some((u) => u.event === 'reminder'));
    expect(later.undeliverable.map((u) => u.event)).toEqual(['assignment', 'reminder']);
    smtp.refuse.clear();
    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'close' });
    await waitForEnd(client, planId);
  }), 120_000);
