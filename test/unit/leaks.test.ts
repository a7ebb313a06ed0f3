// No English where officials read, and the voice of an office: every email template and every CLI text in
// Vietnamese is walked and must hold none of the English words that used to leak, and say things as offices do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderEmail, TEMPLATES } from '../../activities/email/templates';
import { buildProgram } from '../../client/commands';
import { formatAssignment, formatConsolidation, formatPlan, RUN_STATES } from '../../client/format';
import { translateError } from '../../client/program';
import { consolidate, consolidatedMarkdown } from '../../model/consolidate';
import { loadPlanText } from '../../model/load';
import type { Notification, NotificationData, NotificationEvent } from '../../model/notifications';
import type { Plan } from '../../model/plan';
import { consolidatedReport } from '../../model/report';
import { scorecard } from '../../model/status';
import { loadConfig } from '../../worker/config';
import { summarize } from '../../workflows/consolidation-summary';
import type { AssignmentView, PlanView } from '../../workflows/state';
import { EXAMPLES_DIR } from '../helpers/files';

/** ASCII-only English words that reached officials before; `clause-` is a step id shown instead of its title. */
const LEAKS = /\b(Invalid|Unknown|Too small|Too big|RUNNING|COMPLETED|issue|close|Expected|Required|error|Usage|Options|undefined|null)\b|clause-/;

/** Workflow ids (`plan/292-KH-UBND/2019/clause-7/xa-a`) are addresses people copy, not words they read. */
const withoutIds = (text: string) => text.replace(/plan\/\S+/g, '<mã>');
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ');

function expectNoLeak(where: string, text: string): void {
  expect({ where, leak: LEAKS.exec(withoutIds(text))?.[0] }).toEqual({ where, leak: undefined });
}

function example(name: string): Plan {
  const loaded = loadPlanText(readFileSync(join(EXAMPLES_DIR, name), 'utf8'), 'vi');
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.plan;
}
const dienBien = example('dien-bien-292-kh-ubnd-2019.yaml');

const work = { stepId: 'clause-7', clauseText: 'UBND các xã xây dựng kế hoạch triển khai thực hiện Đề án tại địa phương.', deliverable: 'report' as const, stepTitle: 'Nhiệm vụ 7: UBND các xã xây dựng kế hoạch…', deadlineWords: 'trước ngày 20/11/2021' };
const result = consolidate(dienBien.indicators, [{ agencyId: 'xa-thanh-an', agencyName: 'UBND xã Thanh An', values: { 'tre-em-tiep-can-dich-vu': { numerator: 30, denominator: 40 } } }],
  [{ id: 'xa-thanh-an', name: 'UBND xã Thanh An' }, { id: 'xa-na-u', name: 'UBND xã Na Ư' }], '2021-11-22');

/** One notice per event with every field filled; a new event in NotificationData is a compile error here. */
const SAMPLES: { [E in NotificationEvent]: Extract<NotificationData, { event: E }>[] } = {
  'approval-request': [
    { event: 'approval-request', stage: 'issue', stageLabel: 'Ký ban hành kế hoạch' },
    { event: 'approval-request', stage: 'close', summary: { assignments: 30, doneOnTime: 20, doneLate: 5, unfinished: 5, consolidations: 1 } },
    { event: 'approval-request', stage: 'giua-ky', stageLabel: 'Sơ kết giữa kỳ' },
  ],
  'plan-issued': [{ event: 'plan-issued', issuedOn: '2019-02-22', signedBy: 'Chủ tịch UBND huyện', planText: 'KẾ HOẠCH 292/KH-UBND' }],
  assignment: [{ event: 'assignment', ...work, lastDay: '2021-11-19', lead: 'Phòng Lao động - Thương binh và Xã hội', coordinators: ['Phòng Y tế'], indicators: [{ name: 'Tỷ lệ trẻ em được tiếp cận dịch vụ', unit: '%' }, { name: 'Số lớp tập huấn', unit: 'lớp' }] }],
  digest: [{
    event: 'digest', weekOf: '2021-11-22', lines: [
      { stepId: 'clause-7', title: 'Nhiệm vụ 7: UBND các xã xây dựng kế hoạch…', expected: 14, reported: 3, waiting: { count: 2, names: ['UBND xã Thanh An', 'UBND xã Na Ư'] }, overdue: { count: 12, names: ['UBND xã Mường Phăng'] } },
      { stepId: 'bao-cao-nam', title: 'Báo cáo kết quả thực hiện', cycle: 'năm 2021', expected: 2, reported: 2, waiting: { count: 0, names: [] }, overdue: { count: 0, names: [] } },
    ],
    incidents: { 'refused-signal': 3, 'child-failed': 1, 'data-error': 0 },
  }],
  reminder: [{ event: 'reminder', ...work, lastDay: '2021-11-19', workingDaysLeft: 3 }],
  overdue: [{ event: 'overdue', ...work, lastDay: '2021-11-19' }],
  escalation: (['assignee-head', 'lead', 'leader'] as const).map((target, i): Extract<NotificationData, { event: 'escalation' }> => ({ event: 'escalation', ...work, lastDay: '2021-11-19', step: i + 1, target, lateAgency: 'UBND xã Thanh An', workingDaysLate: 4 })),
  'report-received': [{ event: 'report-received', ...work, agency: 'UBND xã Thanh An', submittedAt: 0, report: { text: 'Đã tổ chức 3 lớp tập huấn cho 120 cha mẹ.', values: [{ name: 'Số lớp tập huấn', value: '3 lớp' }] } }],
  'report-returned': [{ event: 'report-returned', ...work, reason: 'Thiếu số liệu về trẻ em dưới 6 tuổi.', newLastDay: '2021-11-26' }],
  'report-accepted': [{ event: 'report-accepted', ...work, onTime: true }],
  'deadline-extended': [{ event: 'deadline-extended', ...work, oldLastDay: '2021-11-19', newLastDay: '2021-11-30', reason: 'Xã bị ảnh hưởng bão.' }],
  'consolidated-report': [
    { event: 'consolidated-report', consolidationId: 'tong-hop', markdown: '# Báo cáo', missing: ['UBND xã Na Ư'] },
    { event: 'consolidated-report', consolidationId: 'tong-hop', markdown: '', missing: ['UBND xã Na Ư'], report: consolidatedReport(dienBien, { id: 'tong-hop', by: 'phong-ldtbxh', to: ['chu-tich-ubnd-huyen'] }, result, { cycle: 'năm 2021', supplement: true }) },
  ],
  'plan-cancelled': [{ event: 'plan-cancelled', reason: 'Kế hoạch được thay thế bằng Kế hoạch số 300/KH-UBND.', by: 'chu-tich-ubnd-huyen' }],
  'plan-closed': [{ event: 'plan-closed', by: 'chu-tich-ubnd-huyen' }],
  reassigned: [{ event: 'reassigned', ...work, successor: 'UBND xã Thanh Xương (mới)', reason: 'Sáp nhập xã từ 1/7/2025.' }],
  undeliverable: [{ event: 'undeliverable', ...work, agency: 'UBND xã Y', address: 'y@dienbien.example', reason: '550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table' }],
};

const notice = (data: NotificationData, to = 'UBND xã Thanh An'): Notification => ({
  key: `plan/292-KH-UBND/2019/${data.event}`, createdAt: 0, data,
  to: { id: 'x', name: to, emails: ['x@dienbien.example'], language: 'vi' },
  plan: { id: 'plan/292-KH-UBND/2019', number: '292/KH-UBND', title: dienBien.document.title, issuer: 'Ủy ban nhân dân huyện Điện Biên', issuedOn: '2019-02-22' },
});

const allSamples: NotificationData[] = Object.values(SAMPLES).flat();
const rendered = (data: NotificationData, to?: string) => {
  const email = renderEmail(notice(data, to));
  return { ...email, all: `${email.subject}\n${email.text}\n${visibleText(email.html)}` };
};

describe('emails in Vietnamese', () => {
  test('every template of the table has a sample here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(TEMPLATES.vi).sort());
  });

  test.each(allSamples.map((d) => [d.event, d] as const))('%s holds no English leak', (_event, data) => {
    expectNoLeak(data.event, rendered(data).all);
  });

  test.each(allSamples.map((d) => [d.event, d] as const))('%s names the plan: number, title, issuer, date; "Kính gửi: X" without a full stop', (_event, data) => {
    const { text } = rendered(data);
    expect(text).toContain('Kế hoạch số 292/KH-UBND ngày 22/02/2019 của Ủy ban nhân dân huyện Điện Biên');
    expect(text).toContain('chăm sóc vì sự phát triển toàn diện trẻ em');
    expect(text.split('\n')[0]).toBe('Kính gửi: UBND xã Thanh An');
  });

  test('one spelling of weekdays, the calendar\'s', () => {
    const texts = allSamples.map((d) => rendered(d).text).join('\n');
    expect(texts).toContain('Thứ Sáu, ngày 26/11/2021');
    expect(texts).not.toMatch(/\bthứ (hai|ba|tư|năm|sáu|bảy)\b/u);
  });
});

describe('the voice of an office', () => {
  const [issue, close] = SAMPLES['approval-request'];
  const [head, lead, leader] = SAMPLES.escalation;

  test('a reminder is "Nhắc việc" and quotes the plan\'s own deadline words', () => {
    const email = rendered(SAMPLES.reminder[0]!);
    expect(email.subject).toBe('[292/KH-UBND] Nhắc việc: nhiệm vụ sắp đến hạn (còn 3 ngày làm việc)');
    expect(email.text).toContain('thời hạn: trước ngày 20/11/2021');
    expect(email.text).not.toContain('chậm nhất hết');
  });

  test('đôn đốc goes to the late unit through its chair; superiors get a situation report naming them', () => {
    const toHead = rendered(head!);
    expect(toHead.subject).toBe('[292/KH-UBND] Đôn đốc lần 1: UBND xã Thanh An quá hạn 4 ngày làm việc');
    expect(toHead.text).toContain('Đề nghị đồng chí Chủ tịch UBND xã chỉ đạo khẩn trương hoàn thành');
    expect(toHead.text).toContain('Đôn đốc lần: 1');
    for (const superior of [lead!, leader!]) {
      expect(rendered(superior).subject).toBe('[292/KH-UBND] Báo cáo tình hình: UBND xã Thanh An chưa hoàn thành, quá hạn 4 ngày làm việc');
    }
    expect(rendered(leader!, 'Chủ tịch UBND huyện Điện Biên').text).toContain('Kính báo cáo đồng chí Chủ tịch UBND huyện Điện Biên xem xét, chỉ đạo.');
    const all = [head!, lead!, leader!].map((d) => rendered(d).all).join('\n');
    expect(all).not.toMatch(/thủ trưởng đơn vị|Mức đôn đốc|lãnh đạo\)/u);
  });

  test('returned and accepted reports: "Đề nghị bổ sung, hoàn thiện báo cáo", "tiếp nhận", never "chấp nhận"', () => {
    expect(rendered(SAMPLES['report-returned'][0]!).subject).toBe('[292/KH-UBND] Đề nghị bổ sung, hoàn thiện báo cáo');
    expect(rendered(SAMPLES['report-accepted'][0]!).subject).toBe('[292/KH-UBND] Đã tiếp nhận báo cáo (hoàn thành đúng hạn)');
    expect(allSamples.map((d) => rendered(d).all).join('\n')).not.toMatch(/chấp nhận|bị trả lại/u);
  });

  test('the leader is asked to sign the plan by its number, and to close it with a summary', () => {
    expect(rendered(issue!).text).toContain('Đề nghị đồng chí xem xét, ký ban hành Kế hoạch số 292/KH-UBND.');
    const closing = rendered(close!).text;
    expect(closing).toContain('Đề nghị đồng chí xem xét, cho kết thúc Kế hoạch số 292/KH-UBND.');
    expect(closing).toContain('Hoàn thành đúng hạn: 20\nHoàn thành quá hạn: 5\nChưa hoàn thành: 5');
  });

  test('the assignment lists the indicators with their units; the reviewer reads the report itself', () => {
    expect(rendered(SAMPLES.assignment[0]!).text).toContain('Tỷ lệ trẻ em được tiếp cận dịch vụ | %\nSố lớp tập huấn | lớp');
    const review = rendered(SAMPLES['report-received'][0]!).text;
    expect(review).toContain('> Đã tổ chức 3 lớp tập huấn cho 120 cha mẹ.');
    expect(review).toContain('Số lớp tập huấn | 3 lớp');
  });
});

describe('the CLI in Vietnamese', () => {
  const commands = (c: Command): Command[] => [c, ...c.commands.flatMap(commands)];

  test('every command\'s help', () => {
    const all = commands(buildProgram());
    expect(all.length).toBeGreaterThan(15);
    for (const c of all) expectNoLeak(`help ${c.name()}`, c.helpInformation());
  });

  test('every parse error commander can raise, translated', () => {
    const english = [
      "error: unknown option '--ass'\n(Did you mean --as?)", "error: unknown command 'aprove'\n(Did you mean approve?)",
      "error: missing required argument 'MÃ'", "error: option '--to <NGÀY>' argument missing",
      "error: required option '--as <MÃ>' not specified", "error: too many arguments for 'list'. Expected 0 arguments but got 1.",
      "error: option '--accept' cannot be used with option '--return'", "(Did you mean one of start, status?)",
    ];
    for (const message of english) expectNoLeak(message, translateError(message));
  });

  test('status and list: steps by their title, states in Vietnamese', () => {
    const assignment = { id: 'plan/292-KH-UBND/2019/clause-7/xa-thanh-an', stepId: 'clause-7', agencyId: 'xa-thanh-an', agencyName: 'UBND xã Thanh An', status: 'returned' as const, lastDay: '2021-11-19', remindersSent: 2, escalationLevel: 1 };
    const view: PlanView = {
      id: 'plan/292-KH-UBND/2019', plan: { document: dienBien.document, number: '292/KH-UBND' }, stage: 'in-progress', issuedOn: '2019-02-22',
      assignments: { [assignment.id]: assignment }, consolidations: summarize([{ id: 'tong-hop', supplement: false, at: 0, result }]), consolidationCount: 1,
      actions: [], actionCount: 0, undeliverable: [], undeliverableCount: 0,
      scorecard: scorecard(['returned']), byAgency: {},
    };
    const text = formatPlan(view, dienBien);
    expect(text).toContain('UBND xã Thanh An — Nhiệm vụ 7: UBND các xã xây dựng kế hoạch');
    expect(text).toContain('Tổng hợp: 1/2 đơn vị đã báo cáo; chưa báo cáo: UBND xã Na Ư');
    expectNoLeak('status', text);
    const markdown = consolidatedMarkdown({ number: '292/KH-UBND', title: dienBien.document.title }, 'Phòng LĐTB&XH', ['UBND huyện'], result);
    const whole = formatConsolidation({ id: 'tong-hop', supplement: false, at: 0, result, included: ['xa-thanh-an'], markdown, index: 0, count: 1 });
    expect(whole).toContain('UBND xã Na Ư');
    expectNoLeak('status --consolidation', whole);
    expect(RUN_STATES.RUNNING).toBe('đang chạy');
    const assignmentView = {
      id: assignment.id, status: 'submitted', lastDay: '2021-11-19', remindersSent: 0, escalationLevel: 0,
      report: { text: 'Đã tổ chức.', values: { 'tre-em-tiep-can-dich-vu': { numerator: 3, denominator: 4 } }, submittedAt: 0 },
      actions: [{ at: 0, action: 'accept', by: 'phong-ldtbxh' }],
      spec: { plan: { number: '292/KH-UBND' }, assignee: { name: 'UBND xã Thanh An' }, text: 'Xây dựng kế hoạch.', lead: { name: 'Phòng LĐTBXH' }, coordinators: [], indicators: dienBien.indicators },
    } as unknown as AssignmentView;
    const shown = formatAssignment(assignmentView);
    expect(shown).toContain('tiếp nhận báo cáo bởi phong-ldtbxh');
    expect(shown).toContain('Tỷ lệ trẻ em đến 8 tuổi');
    expectNoLeak('assignment', shown);
  });

  test('a bad setting stops the worker with a Vietnamese message', () => {
    expect(() => loadConfig({ PLANFLOW_DEV_SERVER_PORT: '99999', TEMPORAL_TLS: 'yes' })).toThrow(/cấu hình không hợp lệ/);
    try {
      loadConfig({ PLANFLOW_DEV_SERVER_PORT: '99999', TEMPORAL_TLS: 'yes' });
    } catch (error) {
      expectNoLeak('config', (error as Error).message);
    }
  });
});
