// Every message planflow sends, in Vietnamese (default) and English, typed against the notification it renders.
// Templates build plain blocks; rendering escapes everything they interpolate into HTML and keeps subjects on one
// line, so clause text, report content or a name from a plan can never become markup or a header.
import { formatVietnamese, weekdayName } from '../../model/calendar';
import type { Notification, NotificationData, NotificationEvent } from '../../model/notifications';

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'pre'; text: string };

interface Content {
  subject: string;
  blocks: Block[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Template<E extends NotificationEvent> = (data: Extract<NotificationData, { event: E }>, n: Notification) => Content;
type Templates = { [E in NotificationEvent]: Template<E> };

const p = (text: string): Block => ({ kind: 'p', text });
const quote = (text: string): Block => ({ kind: 'quote', text });
const facts = (...rows: [string, string | undefined][]): Block => ({ kind: 'facts', rows: rows.filter((r): r is [string, string] => r[1] !== undefined) });

const dayVi = (d: string) => `${weekdayName(d, 'vi').toLowerCase()}, ngày ${formatVietnamese(d)}`;
const dayEn = (d: string) => `${weekdayName(d, 'en')} ${formatVietnamese(d)}`;
const WORK_VI = { report: 'nộp báo cáo', 'implementing-plan': 'ban hành kế hoạch thực hiện', action: 'thực hiện nhiệm vụ' } as const;
const WORK_EN = { report: 'submit the report', 'implementing-plan': 'issue your implementing plan', action: 'carry out the task' } as const;
const TARGET_VI = { 'assignee-head': 'thủ trưởng đơn vị', lead: 'cơ quan chủ trì', leader: 'lãnh đạo' } as const;

const VI: Templates = {
  'approval-request': (d, n) => ({
    subject: `Đề nghị duyệt: ${d.stageLabel ?? d.stage}`,
    blocks: [p(`Kế hoạch ${n.plan.number} "${n.plan.title}" đang chờ đồng chí duyệt bước: ${d.stageLabel ?? d.stage}.`), facts(['Mã kế hoạch', n.plan.id])],
  }),
  'plan-issued': (d, n) => ({
    subject: `Ban hành Kế hoạch: ${n.plan.title}`,
    blocks: [
      p(`Kế hoạch ${n.plan.number} "${n.plan.title}" đã được ban hành ${dayVi(d.issuedOn)}.`), facts(['Người ký', d.signedBy], ['Mã kế hoạch', n.plan.id]),
      ...(d.planText ? [{ kind: 'pre' as const, text: d.planText }] : []),
    ],
  }),
  assignment: (d) => ({
    subject: `Giao nhiệm vụ${d.lastDay ? `: hạn ${formatVietnamese(d.lastDay)}` : ''}`,
    blocks: [
      p('Đơn vị được giao nhiệm vụ sau:'), quote(d.clauseText),
      facts(['Yêu cầu', WORK_VI[d.deliverable]], ['Thời hạn', d.lastDay ? `chậm nhất hết ${dayVi(d.lastDay)}` : 'không có thời hạn'],
        ['Cơ quan chủ trì', d.lead], ['Cơ quan phối hợp', d.coordinators.join(', ') || undefined]),
    ],
  }),
  reminder: (d) => ({
    subject: `Nhắc hạn ${WORK_VI[d.deliverable ?? 'report']}: còn ${d.workingDaysLeft} ngày làm việc`,
    blocks: [p(`Còn ${d.workingDaysLeft} ngày làm việc đến hạn ${WORK_VI[d.deliverable ?? 'report']} (hết ${dayVi(d.lastDay)}):`), quote(d.clauseText)],
  }),
  overdue: (d) => ({
    subject: `Quá hạn ${WORK_VI[d.deliverable ?? 'report']} (hạn ${formatVietnamese(d.lastDay)})`,
    blocks: [p(`Đã quá hạn ${WORK_VI[d.deliverable ?? 'report']} (hạn hết ${dayVi(d.lastDay)}). Đề nghị đơn vị khẩn trương hoàn thành:`), quote(d.clauseText)],
  }),
  escalation: (d) => ({
    subject: `Đôn đốc: ${d.lateAgency} quá hạn ${d.workingDaysLate} ngày làm việc`,
    blocks: [
      p(`${d.lateAgency} chưa ${WORK_VI[d.deliverable ?? 'report']} dù đã quá hạn ${d.workingDaysLate} ngày làm việc (hạn hết ${dayVi(d.lastDay)}).`),
      quote(d.clauseText), facts(['Mức đôn đốc', `${d.step} (${TARGET_VI[d.target]})`]),
    ],
  }),
  'report-received': (d) => ({
    subject: `Đã nhận báo cáo của ${d.agency}`,
    blocks: [p(`${d.agency} đã nộp báo cáo cho nhiệm vụ:`), quote(d.clauseText), p('Đề nghị cơ quan chủ trì xem xét, chấp nhận hoặc trả lại.')],
  }),
  'report-returned': (d) => ({
    subject: 'Báo cáo bị trả lại',
    blocks: [p('Báo cáo của đơn vị bị trả lại với lý do:'), quote(d.reason), facts(['Hạn mới', d.newLastDay && dayVi(d.newLastDay)]), p('Nhiệm vụ:'), quote(d.clauseText)],
  }),
  'report-accepted': (d) => ({
    subject: `Báo cáo đã được chấp nhận (${d.onTime ? 'hoàn thành đúng hạn' : 'hoàn thành quá hạn'})`,
    blocks: [p(`Báo cáo của đơn vị đã được chấp nhận: ${d.onTime ? 'hoàn thành đúng hạn' : 'hoàn thành quá hạn'}.`), quote(d.clauseText)],
  }),
  'deadline-extended': (d) => ({
    subject: `Gia hạn đến ${formatVietnamese(d.newLastDay)}`,
    blocks: [p(`Thời hạn được gia hạn đến hết ${dayVi(d.newLastDay)}${d.oldLastDay ? ` (hạn cũ ${formatVietnamese(d.oldLastDay)})` : ''}.`), facts(['Lý do', d.reason]), quote(d.clauseText)],
  }),
  'consolidated-report': (d) => ({
    subject: `${d.supplement ? 'Báo cáo bổ sung' : 'Báo cáo tổng hợp'} kết quả thực hiện kế hoạch${d.cycleLabel ? ` ${d.cycleLabel}` : ''}`,
    blocks: [{ kind: 'pre', text: d.markdown }],
  }),
  'plan-cancelled': (d, n) => ({
    subject: `Hủy kế hoạch: ${d.reason}`,
    blocks: [p(`Kế hoạch ${n.plan.number} "${n.plan.title}" đã bị hủy. Các nhiệm vụ của kế hoạch dừng lại.`), facts(['Lý do', d.reason], ['Người quyết định', d.by])],
  }),
  'plan-closed': (d, n) => ({
    subject: 'Kết thúc kế hoạch',
    blocks: [p(`Kế hoạch ${n.plan.number} "${n.plan.title}" đã kết thúc.`), facts(['Người duyệt', d.by])],
  }),
  reassigned: (d) => ({
    subject: 'Chuyển giao nhiệm vụ cho đơn vị khác',
    blocks: [p(`Nhiệm vụ sau được chuyển giao cho ${d.successor} thực hiện; đơn vị không phải báo cáo nhiệm vụ này nữa:`), quote(d.clauseText), facts(['Lý do', d.reason])],
  }),
  undeliverable: (d) => ({
    subject: `Không gửi được thư đến ${d.agency}`,
    blocks: [p(`Thư gửi ${d.agency} (${d.address}) không đến được: ${d.reason}. Đề nghị cơ quan chủ trì liên hệ trực tiếp và cập nhật địa chỉ.`), quote(d.clauseText)],
  }),
};

const EN: Templates = {
  'approval-request': (d, n) => ({ subject: `Approval requested: ${d.stageLabel ?? d.stage}`, blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" awaits your approval: ${d.stageLabel ?? d.stage}.`), facts(['Plan id', n.plan.id])] }),
  'plan-issued': (d, n) => ({
    subject: `Plan issued: ${n.plan.title}`,
    blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" was issued on ${dayEn(d.issuedOn)}. Its text, in Vietnamese:`), facts(['Signed by', d.signedBy]), ...(d.planText ? [{ kind: 'pre' as const, text: d.planText }] : [])],
  }),
  assignment: (d) => ({
    subject: `New assignment${d.lastDay ? `: due ${formatVietnamese(d.lastDay)}` : ''}`,
    blocks: [p('Your agency is assigned:'), quote(d.clauseText), facts(['Required', WORK_EN[d.deliverable]], ['Due', d.lastDay ? `end of ${dayEn(d.lastDay)}` : 'no deadline'], ['Lead', d.lead], ['Coordinating', d.coordinators.join(', ') || undefined])],
  }),
  reminder: (d) => ({ subject: `Reminder: ${d.workingDaysLeft} working days left to ${WORK_EN[d.deliverable ?? 'report']}`, blocks: [p(`${d.workingDaysLeft} working days left (due end of ${dayEn(d.lastDay)}):`), quote(d.clauseText)] }),
  overdue: (d) => ({ subject: `Overdue since ${formatVietnamese(d.lastDay)}`, blocks: [p(`The deadline (end of ${dayEn(d.lastDay)}) has passed. Please complete:`), quote(d.clauseText)] }),
  escalation: (d) => ({ subject: `Escalation: ${d.lateAgency} is ${d.workingDaysLate} working days late`, blocks: [p(`${d.lateAgency} has not completed this work, ${d.workingDaysLate} working days after the deadline (${dayEn(d.lastDay)}).`), quote(d.clauseText), facts(['Escalation step', String(d.step)])] }),
  'report-received': (d) => ({ subject: `Report received from ${d.agency}`, blocks: [p(`${d.agency} submitted a report for:`), quote(d.clauseText)] }),
  'report-returned': (d) => ({ subject: 'Report returned', blocks: [p('Your report was returned:'), quote(d.reason), facts(['New deadline', d.newLastDay && dayEn(d.newLastDay)])] }),
  'report-accepted': (d) => ({ subject: `Report accepted (${d.onTime ? 'on time' : 'late'})`, blocks: [p(`Your report was accepted: completed ${d.onTime ? 'on time' : 'late'}.`), quote(d.clauseText)] }),
  'deadline-extended': (d) => ({ subject: `Deadline extended to ${formatVietnamese(d.newLastDay)}`, blocks: [p(`New deadline: end of ${dayEn(d.newLastDay)}.`), facts(['Reason', d.reason]), quote(d.clauseText)] }),
  'consolidated-report': (d) => ({ subject: `${d.supplement ? 'Supplementary' : 'Consolidated'} report${d.cycleLabel ? ` (${d.cycleLabel})` : ''}`, blocks: [{ kind: 'pre', text: d.markdown }] }),
  'plan-cancelled': (d, n) => ({ subject: `Plan cancelled: ${d.reason}`, blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" was cancelled.`), facts(['Reason', d.reason], ['By', d.by])] }),
  'plan-closed': (d, n) => ({ subject: 'Plan closed', blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" is closed.`), facts(['By', d.by])] }),
  reassigned: (d) => ({
    subject: 'Task reassigned to another agency',
    blocks: [p(`The following task now passes to ${d.successor}; your agency no longer reports on it:`), quote(d.clauseText), facts(['Reason', d.reason])],
  }),
  undeliverable: (d) => ({ subject: `Mail to ${d.agency} could not be delivered`, blocks: [p(`Mail to ${d.agency} (${d.address}) could not be delivered: ${d.reason}.`), quote(d.clauseText)] }),
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** One line, no control characters: what is safe in a header whatever a plan or a person typed. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();

export function renderEmail(n: Notification): RenderedEmail {
  const templates = n.to.language === 'en' ? EN : VI;
  // The record is keyed by event, so the template always matches the data; TypeScript cannot see that link.
  const template = templates[n.data.event] as (data: NotificationData, n: Notification) => Content;
  const { subject, blocks } = template(n.data, n);
  const name = oneLine(n.to.name);
  const greeting = n.to.language === 'en' ? `Dear ${name},` : `Kính gửi: ${name}.`;
  const signature = n.to.language === 'en' ? 'planflow: automatic notice, please do not reply.' : 'planflow: thư tự động, vui lòng không trả lời thư này.';
  const text = [greeting, ...blocks.map(blockText), `-- \n${signature}`].join('\n\n');
  const html = [`<p>${escapeHtml(greeting)}</p>`, ...blocks.map(blockHtml), `<p style="color:#666">${escapeHtml(signature)}</p>`].join('\n');
  return { subject: oneLine(`[${n.plan.number}] ${subject}`), text, html: `<!doctype html><html lang="${n.to.language}"><body>${html}</body></html>` };
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'p':
      return b.text;
    case 'quote':
      return b.text.split('\n').map((l) => `> ${l}`).join('\n');
    case 'facts':
      return b.rows.map(([k, v]) => `${k}: ${v}`).join('\n');
    case 'pre':
      return b.text;
  }
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'quote':
      return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em">${escapeHtml(b.text)}</blockquote>`;
    case 'facts':
      return `<table>${b.rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
    case 'pre':
      return `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(b.text)}</pre>`;
  }
}
