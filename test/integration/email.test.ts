// The notify activity against a real SMTP server: proper Vietnamese messages with a text and an HTML part, the
// idempotency key as Message-ID, never twice, and a clear split between failures to retry and failures to report.
import { ApplicationFailure } from '@temporalio/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities } from '../../activities';
import { loadMailConfig } from '../../activities/email/config';
import { createMailer, type Mailer } from '../../activities/email/mailer';
import { keyHash } from '../../activities/email/sent-log';
import { consolidate } from '../../model/consolidate';
import { loadPlanText } from '../../model/load';
import type { Notification } from '../../model/notifications';
import { consolidatedReport } from '../../model/report';
import { Worker } from '@temporalio/worker';
import { planflowDataConverter } from '../../codec';
import { deliverOnce } from '../fixtures/workflows';
import { readExample } from '../helpers/files';
import { SmtpSink } from '../helpers/smtp';
import { createDevServerEnv, useTestEnv } from '../helpers/temporal-env';

const smtp = new SmtpSink();
const dataDir = mkdtempSync(join(tmpdir(), 'planflow-mail-'));
let activities: ReturnType<typeof createActivities>;
let mailer: Mailer;

beforeAll(async () => {
  await smtp.start();
  const config = loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'planflow <planflow@vanquan.example>', PLANFLOW_DATA_DIR: dataDir });
  mailer = createMailer(config);
  activities = createActivities(config, mailer);
});

afterAll(async () => {
  mailer.close(); // the pool's idle connection would hold the server open
  await smtp.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const reminder = (key: string, overrides: Partial<Notification> = {}): Notification => ({
  key,
  to: { id: 'xa-an-son', name: 'UBND xã An Sơn', emails: ['an-son@vanquan.example'], language: 'vi' },
  plan: { id: 'plan/292-KH-UBND/2019', number: '292/KH-UBND', title: 'Kế hoạch thử' },
  createdAt: 0,
  data: { event: 'reminder', stepId: 'bao-cao-xa', clauseText: 'Xây dựng Báo cáo gửi về Phòng Lao động.', deliverable: 'report', lastDay: '2021-11-19', workingDaysLeft: 3 },
  ...overrides,
});

test('a reminder arrives once: Vietnamese subject naming the plan, text and HTML parts, the key as Message-ID', async () => {
  const key = 'plan/292-KH-UBND/2019/bao-cao-xa/xa-an-son/reminder-3@v0/xa-an-son';
  expect(await activities.notify(reminder(key))).toEqual({ delivered: true });
  expect(await activities.notify(reminder(key))).toEqual({ delivered: false }); // a retry after a lost completion
  const [mail] = smtp.to('an-son@vanquan.example').map((r) => r.mail);
  expect(smtp.to('an-son@vanquan.example')).toHaveLength(1);
  expect(mail!.subject).toBe('[292/KH-UBND] Nhắc việc: nhiệm vụ sắp đến hạn (còn 3 ngày làm việc)');
  expect(mail!.text).toContain('Còn 3 ngày làm việc đến hạn nộp báo cáo (thời hạn: đến hết Thứ Sáu, ngày 19/11/2021)');
  expect(mail!.html).toContain('<p>Kính gửi: UBND xã An Sơn</p>');
  expect(mail!.messageId).toBe(`<${keyHash(key)}@vanquan.example>`);
  expect(mail!.headers.get('x-planflow-key')).toBe(key);
});

test('a notice links to the exact page of the portal where its reader acts', async () => {
  const key = 'plan/292-KH-UBND/2019/bao-cao-xa/xa-an-son/overdue-0@v0/xa-an-son';
  const page = `/assignments/${encodeURIComponent('plan/292-KH-UBND/2019/bao-cao-xa/xa-an-son')}`;
  await activities.notify(reminder(key, { to: { id: 'xa-an-son', name: 'UBND xã An Sơn', emails: ['link@vanquan.example'], language: 'vi' }, page }));
  const [mail] = smtp.to('link@vanquan.example').map((r) => r.mail);
  expect(mail!.text).toContain(`Đồng chí đăng nhập Cổng planflow để xem và thực hiện: http://localhost:3000${page}`);
});

test('markup in clause text and header injection in names reach nobody as markup or header', async () => {
  const attack = reminder('k/injection', {
    to: { id: 'xa-x', name: 'UBND xã X\r\nBcc: spy@evil.example', emails: ['x@vanquan.example'], language: 'vi' },
    data: { event: 'overdue', stepId: 's', clauseText: '<script>alert("x")</script> Báo cáo', lastDay: '2021-11-19' },
  });
  await activities.notify(attack);
  const [received] = smtp.to('x@vanquan.example');
  expect(received!.envelopeTo).toEqual(['x@vanquan.example']);
  expect(smtp.to('spy@evil.example')).toEqual([]);
  expect(received!.mail.bcc).toBeUndefined();
  expect(received!.mail.html).not.toContain('<script>');
  expect(received!.mail.html).toContain('&#60;script&#62;');
  const headers = received!.raw.slice(0, received!.raw.indexOf('\r\n\r\n') + 1 || received!.raw.indexOf('\n\n'));
  expect(headers).not.toMatch(/^Bcc:/im);
  expect(received!.raw).not.toMatch(/^Bcc:/im);
});

test('a 550 fails at once as undeliverable; a refused connection is left to Temporal to retry', async () => {
  smtp.refuse.add('khong-ton-tai@vanquan.example');
  const refused = reminder('k/550', { to: { id: 'xa-y', name: 'UBND xã Y', emails: ['khong-ton-tai@vanquan.example'], language: 'vi' } });
  const error = await activities.notify(refused).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApplicationFailure);
  expect(error).toMatchObject({ type: 'undeliverable', nonRetryable: true });

  const downConfig = loadMailConfig({ SMTP_URL: 'smtp://127.0.0.1:1', PLANFLOW_DATA_DIR: dataDir });
  const downMailer = createMailer(downConfig);
  const transient = await createActivities(downConfig, downMailer).notify(reminder('k/down')).catch((e: unknown) => e);
  downMailer.close();
  expect(transient).not.toBeInstanceOf(ApplicationFailure);
  expect((transient as { code?: string }).code).toMatch(/ECONNECTION|ECONNREFUSED|ESOCKET/);
});

test('the consolidated report arrives as an HTML table of recomputed figures with its .docx attached', async () => {
  const loaded = loadPlanText(readExample('dien-bien-292-kh-ubnd-2019.yaml'), 'vi');
  if (!loaded.ok) throw new Error('example does not load');
  const plan = loaded.plan;
  const values = { 'tre-em-tiep-can-dich-vu': { numerator: 300, denominator: 400 }, 'can-bo-duoc-cung-cap-kien-thuc': { numerator: 10, denominator: 40 } };
  const result = consolidate(plan.indicators, [
    { agencyId: 'xa-thanh-xuong', agencyName: 'UBND xã Thanh Xương', values },
    { agencyId: 'xa-thanh-an', agencyName: 'UBND xã Thanh An', values: { 'tre-em-tiep-can-dich-vu': { numerator: 100, denominator: 200 } } },
  ], [{ id: 'xa-thanh-xuong', name: 'UBND xã Thanh Xương' }, { id: 'xa-thanh-an', name: 'UBND xã Thanh An' }, { id: 'xa-na-u', name: 'UBND xã Na Ư' }], '2025-12-20');
  const report = consolidatedReport(plan, { id: 'tong-hop', by: 'phong-ldtbxh', to: ['chu-tich-ubnd-huyen'] }, result, { cycle: 'năm 2025', supplement: true });
  await activities.notify(reminder('k/consolidated', {
    to: { id: 'chu-tich-ubnd-huyen', name: 'Chủ tịch UBND huyện Điện Biên', emails: ['chutich@dienbien.example'], language: 'vi' },
    data: { event: 'consolidated-report', consolidationId: 'tong-hop', markdown: '', missing: result.missing, report },
  }));
  const [received] = smtp.to('chutich@dienbien.example');
  const mail = received!.mail;
  expect(mail.subject).toBe('[292/KH-UBND] Báo cáo bổ sung kết quả thực hiện Kế hoạch số 292/KH-UBND (năm 2025)');
  expect(mail.html).toContain('<table style="border-collapse:collapse">');
  expect(mail.html).toContain('66,7% (400/600)'); // 300+100 of 400+200, not 62,5% (the average of 75% and 50%)
  expect(mail.html).toContain('25% (10/40)');
  expect(mail.text).toContain('Đơn vị chưa gửi báo cáo: UBND xã Na Ư.');
  expect(mail.attachments).toHaveLength(1);
  const [docx] = mail.attachments;
  expect(docx!.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(docx!.filename).toBe('bao-cao-bo-sung-tong-hop-2025-12-20.docx');
  expect(docx!.content.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .docx is
});

test('a refused address is explained in Vietnamese to the lead office, without the server\'s English reply', async () => {
  await activities.notify(reminder('k/undeliverable', {
    to: { id: 'phong', name: 'Phòng Lao động', emails: ['phong@vanquan.example'], language: 'vi' },
    data: { event: 'undeliverable', stepId: 's', clauseText: 'Báo cáo năm.', agency: 'UBND xã Y', address: 'y@vanquan.example', reason: '550 5.1.1 <y@vanquan.example>: Recipient address rejected: User unknown' },
  }));
  const mail = smtp.to('phong@vanquan.example')[0]!.mail;
  expect(mail.text).toContain('máy chủ thư của đơn vị từ chối nhận');
  expect(mail.text).toContain('mã lỗi 550');
  expect(mail.text).not.toMatch(/Recipient|rejected|User unknown/);
});

test('English for a recipient who reads English', async () => {
  await activities.notify(reminder('k/en', { to: { id: 'so', name: 'Department', emails: ['dept@langson.example'], language: 'en' } }));
  expect(smtp.to('dept@langson.example')[0]!.mail.subject).toBe('[292/KH-UBND] Reminder: 3 working days left to submit the report');
});

describe('an activity whose completion is lost after the server accepted the message', () => {
  const env = useTestEnv(createDevServerEnv);

  test('is retried, finds its sent-log entry, and does not deliver a second time', async () => {
    const config = loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'planflow <planflow@vanquan.example>', PLANFLOW_DATA_DIR: dataDir });
    const slowMailer = createMailer(config);
    const worker = await Worker.create({
      connection: env().nativeConnection, taskQueue: 'mail', dataConverter: planflowDataConverter(), workflowsPath: require.resolve('../fixtures/workflows'),
      activities: createActivities(config, slowMailer),
    });
    // The server accepts the message but answers after the attempt's 3 s timeout: Temporal discards that
    // attempt's completion and retries, as it would after the worker died right after sending.
    smtp.replyDelayMs = 4_000;
    const key = 'plan/lost-completion/reminder-1@v0/xa-an-son';
    const handle = await env().client.workflow.start(deliverOnce, { taskQueue: 'mail', workflowId: 'lost-completion', args: [reminder(key)] });
    const result = await worker.runUntil(handle.result());
    smtp.replyDelayMs = 0;
    slowMailer.close();

    const history = await handle.fetchHistory();
    const attempts = (history.events ?? []).flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : []));
    expect(attempts.at(-1)).toBeGreaterThan(1); // the first attempt's completion was lost
    expect(result).toEqual({ delivered: false }); // the retry found it already delivered
    expect(smtp.received.filter((r) => r.mail.headers.get('x-planflow-key') === key)).toHaveLength(1);
  }, 60_000);
});
