// Every message planflow sends, in Vietnamese (default) and English: one table per language with one template per
// event, so a new event in NotificationData is a compile error here until both tables say something for it.
// Templates build plain blocks; rendering escapes everything they interpolate into HTML and keeps subjects on one
// line, so clause text, report content or a name from a plan can never become markup or a header.
//
// The Vietnamese follows how offices write to each other, compared with published notices:
// - Công văn số 1423/UBND-NC ngày 29/12/2017 của Chủ tịch UBND huyện Mộ Đức (moduc.quangngai.gov.vn/i947): the chair
//   "giao nhiệm vụ cho thủ trưởng các cơ quan", "tiếp tục đôn đốc giải quyết dứt điểm", "Báo cáo kết quả cho UBND
//   huyện" — đôn đốc goes to the unit that is late, and the superior receives a báo cáo.
// - Báo Hải Dương, 05/01/2018, "Khẩn trương báo cáo tình hình nợ đọng xây dựng nông thôn mới": a Sở's công văn
//   "đề nghị chậm nhất ngày 25.12.2017 phải báo cáo", then "cần khẩn trương nộp báo cáo … để Sở … có căn cứ tổng
//   hợp, báo cáo UBND tỉnh" — the deadline quoted in the request's own words, then the reason it matters.
// - Quyết định số 06/2024/QĐ-UBND ngày 25/01/2024 của UBND tỉnh Kon Tum (chế độ báo cáo định kỳ, thuvienphapluat.vn):
//   reports are "tiếp nhận", and an incomplete one is returned "đề nghị bổ sung, hoàn thiện".
// - Nghị định 30/2020/NĐ-CP, Phụ lục I: "Kính gửi:" followed by the addressee with no closing full stop; dates as
//   "ngày 05 tháng 3 năm 2021"; KT./TM. before the signer's title.
import { formatVietnamese, weekdayName } from '../../model/calendar';
import type { Notification, NotificationData, NotificationEvent } from '../../model/notifications';
import { needsAction, type DigestLine, type IncidentCounts } from '../../model/digest';
import { INDICATOR_HEADER, indicatorRows } from '../documents/report-rows';

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][] }
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
const when = <T>(condition: unknown, ...blocks: T[]): T[] => (condition ? blocks : []);

/** One spelling of weekdays everywhere, the calendar's: "Thứ Sáu, ngày 19/11/2021". */
const dayVi = (d: string) => `${weekdayName(d, 'vi')}, ngày ${formatVietnamese(d)}`;
const dayEn = (d: string) => `${weekdayName(d, 'en')} ${formatVietnamese(d)}`;
const WORK_VI = { report: 'nộp báo cáo', 'implementing-plan': 'ban hành kế hoạch thực hiện', action: 'thực hiện nhiệm vụ' } as const;
const WORK_EN = { report: 'submit the report', 'implementing-plan': 'issue your implementing plan', action: 'carry out the task' } as const;

type Work = { deliverable?: keyof typeof WORK_VI; deadlineWords?: string; stepTitle?: string };
const workVi = (d: Work) => WORK_VI[d.deliverable ?? 'report'];
/** The plan's own deadline words when the notice carries them, else the last day as the calendar counts it. */
const deadlineVi = (d: Work, lastDay?: string) => d.deadlineWords ?? (lastDay ? `đến hết ${dayVi(lastDay)}` : 'thường xuyên');

/** "Kế hoạch số 292/KH-UBND", or by its title while it has no number yet. */
const planName = (n: Notification) => (n.plan.number.startsWith('…') ? `Kế hoạch "${n.plan.title}"` : `Kế hoạch số ${n.plan.number}`);

/** What every message opens with: which plan, whose, of when, about what. */
function planLine(n: Notification): Block {
  const issued = n.plan.issuedOn ? ` ngày ${formatVietnamese(n.plan.issuedOn)}` : '';
  const issuer = n.plan.issuer ? ` của ${n.plan.issuer}` : '';
  return p(`${planName(n)}${issued}${issuer} về ${n.plan.title.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))}.`);
}

/** Who answers for a late unit: "Chủ tịch UBND xã" for a People's Committee, never a generic "thủ trưởng". */
export function headOf(agencyName: string): string {
  const committee = /^(?:UBND|Ủy ban nhân dân)\s+(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)(?=\s|$)/iu.exec(agencyName);
  if (committee) return `Chủ tịch UBND ${committee[1]!.toLocaleLowerCase('vi')}`;
  if (/^Phòng\s/u.test(agencyName)) return 'Trưởng phòng';
  if (/^Sở\s/u.test(agencyName)) return 'Giám đốc Sở';
  if (/^Trung tâm\s/u.test(agencyName)) return 'Giám đốc Trung tâm';
  return 'Thủ trưởng đơn vị';
}

/** A mail server's refusal in words a coordinator acts on; its raw English reply stays in the logs. */
export function undeliverableReason(reason: string): string {
  const code = /\b([45]\d\d)\b/.exec(reason)?.[1];
  const said = code?.startsWith('5') ? 'máy chủ thư của đơn vị từ chối nhận (địa chỉ không tồn tại hoặc hộp thư không nhận thư)' : 'không kết nối được với máy chủ thư của đơn vị';
  return code ? `${said}, mã lỗi ${code}` : said;
}

function summaryFacts(d: Extract<NotificationData, { event: 'approval-request' }>): Block[] {
  const s = d.summary;
  if (!s) return [];
  return [p('Tình hình thực hiện Kế hoạch:'), facts(
    ['Tổng số nhiệm vụ', String(s.assignments)], ['Hoàn thành đúng hạn', String(s.doneOnTime)],
    ['Hoàn thành quá hạn', String(s.doneLate)], ['Chưa hoàn thành', String(s.unfinished)],
    ['Số lần tổng hợp báo cáo', String(s.consolidations)],
  )];
}

function approvalVi(d: Extract<NotificationData, { event: 'approval-request' }>, n: Notification): Content {
  switch (d.stage) {
    case 'issue':
      return { subject: `Trình ký ban hành ${planName(n)}`, blocks: [planLine(n), p(`Đề nghị đồng chí xem xét, ký ban hành ${planName(n)}.`), facts(['Mã kế hoạch', n.plan.id])] };
    case 'close':
      return {
        subject: `Đề nghị kết thúc ${planName(n)}`,
        blocks: [planLine(n), ...summaryFacts(d), p(`Đề nghị đồng chí xem xét, cho kết thúc ${planName(n)}.`), facts(['Mã kế hoạch', n.plan.id])],
      };
    default:
      return { subject: `Đề nghị duyệt: ${d.stageLabel ?? d.stage}`, blocks: [planLine(n), p(`Đề nghị đồng chí xem xét, duyệt: ${d.stageLabel ?? d.stage}.`), facts(['Mã kế hoạch', n.plan.id])] };
  }
}

function escalationVi(d: Extract<NotificationData, { event: 'escalation' }>, n: Notification): Content {
  const late = `quá hạn ${d.workingDaysLate} ngày làm việc`;
  const task = [quote(d.clauseText), facts(['Nhiệm vụ', d.stepTitle], ['Thời hạn', deadlineVi(d, d.lastDay)], ['Đôn đốc lần', String(d.step)])];
  switch (d.target) {
    // Đôn đốc goes to the late unit, through whoever answers for it.
    case 'assignee-head':
      return {
        subject: `Đôn đốc lần ${d.step}: ${d.lateAgency} ${late}`,
        blocks: [planLine(n), p(`Đến nay ${d.lateAgency} chưa ${workVi(d)} theo ${planName(n)}, đã ${late}. Đề nghị đồng chí ${headOf(d.lateAgency)} chỉ đạo khẩn trương hoàn thành, gửi cơ quan chủ trì.`), ...task],
      };
    // Superiors are told how things stand, and asked to direct.
    case 'lead':
    case 'leader':
      return {
        subject: `Báo cáo tình hình: ${d.lateAgency} chưa hoàn thành, ${late}`,
        blocks: [
          planLine(n), p(`${d.lateAgency} chưa ${workVi(d)} theo ${planName(n)}, đã ${late} dù đã được đôn đốc.`), ...task,
          p(d.target === 'leader' ? `Kính báo cáo đồng chí ${n.to.name} xem xét, chỉ đạo.` : `Đề nghị ${n.to.name} đôn đốc, hướng dẫn ${d.lateAgency} hoàn thành.`),
        ],
      };
  }
}

function consolidatedVi(d: Extract<NotificationData, { event: 'consolidated-report' }>, n: Notification): Content {
  const r = d.report;
  if (!r) {
    const kind = d.supplement ? 'Báo cáo bổ sung' : 'Báo cáo tổng hợp';
    return { subject: `${kind} kết quả thực hiện ${planName(n)}${d.cycleLabel ? ` (${d.cycleLabel})` : ''}`, blocks: [planLine(n), { kind: 'pre', text: d.markdown }] };
  }
  const kind = r.supplement ? 'Báo cáo bổ sung' : 'Báo cáo tổng hợp';
  return {
    subject: `${kind} kết quả thực hiện ${planName(n)}${r.cycle ? ` (${r.cycle})` : ''}`,
    blocks: [
      planLine(n),
      p(`${r.by.name} tổng hợp kết quả thực hiện${r.cycle ? ` ${r.cycle}` : ''}, số liệu đến ngày ${formatVietnamese(r.result.asOf)}: ${r.result.reported.length}/${r.result.expected} đơn vị đã gửi báo cáo.`),
      ...when(r.supplement, p('Báo cáo này bổ sung báo cáo tổng hợp đã gửi, với số liệu của các đơn vị báo cáo sau thời hạn.')),
      ...when(r.result.indicators.length, { kind: 'table' as const, header: INDICATOR_HEADER, rows: indicatorRows(r) }),
      p(r.result.missing.length ? `Đơn vị chưa gửi báo cáo: ${r.result.missing.join(', ')}.` : 'Tất cả các đơn vị đã gửi báo cáo.'),
      p('Báo cáo (tệp .docx, theo Nghị định 30/2020/NĐ-CP) gửi kèm thư này.'),
    ],
  };
}

/** "UBND xã A, UBND xã B và 12 đơn vị khác": a digest names a few and counts the rest. */
function someOf(names: DigestLine['waiting'], others: (n: number) => string): string {
  const rest = names.count - names.names.length;
  return `${names.names.join(', ')}${rest > 0 ? ` ${others(rest)}` : ''}`;
}

const stepLabel = (l: DigestLine) => `${l.title}${l.cycle ? ` (${l.cycle})` : ''}`;

const INCIDENT_VI: Record<keyof IncidentCounts, string> = {
  'refused-signal': 'dữ liệu trạng thái không hợp lệ đã bị bỏ qua',
  'child-failed': 'công việc dừng bất thường',
  'data-error': 'dữ liệu không xử lý được',
};

/** Incidents counted by kind, with where to read them: the ids and details are for the operators. */
function incidentsVi(counts: IncidentCounts | undefined): Block[] {
  const said = Object.entries(counts ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${INCIDENT_VI[k as keyof IncidentCounts]}: ${n}`);
  return when(said.length, p(`Hệ thống ghi nhận sự cố từ lần tổng hợp trước (${said.join('; ')}). Đề nghị phối hợp với bộ phận quản trị planflow kiểm tra; chi tiết xem tại trang Kế hoạch.`));
}

function digestVi(d: Extract<NotificationData, { event: 'digest' }>, n: Notification): Content {
  const others = (k: number) => `và ${k} đơn vị khác`;
  return {
    subject: `Tình hình thực hiện ${planName(n)}: tuần từ ngày ${formatVietnamese(d.weekOf)}`,
    blocks: [
      planLine(n),
      p(`Tình hình các nhiệm vụ do ${n.to.name} theo dõi, tiếp nhận báo cáo, tính đến ${dayVi(d.weekOf)}:`),
      {
        kind: 'table', header: ['Nhiệm vụ', 'Đã báo cáo', 'Chờ tiếp nhận', 'Quá hạn'],
        rows: d.lines.map((l) => [stepLabel(l), `${l.reported}/${l.expected}`, String(l.waiting.count), String(l.overdue.count)]),
      },
      ...d.lines.flatMap((l) => [
        ...when(l.waiting.count, p(`${stepLabel(l)} — báo cáo chờ tiếp nhận: ${someOf(l.waiting, others)}.`)),
        ...when(l.overdue.count, p(`${stepLabel(l)} — đơn vị quá hạn, cần đôn đốc: ${someOf(l.overdue, others)}.`)),
      ]),
      p(needsAction(d.lines) ? 'Đề nghị đơn vị tiếp nhận các báo cáo đã gửi và đôn đốc các đơn vị quá hạn.' : 'Không có báo cáo chờ tiếp nhận và không có đơn vị quá hạn.'),
      ...incidentsVi(d.incidents),
    ],
  };
}

const VI: Templates = {
  digest: digestVi,
  'approval-request': approvalVi,
  'plan-issued': (d, n) => ({
    subject: `Ban hành Kế hoạch: ${n.plan.title}`,
    blocks: [
      planLine(n), p(`${planName(n)} đã được ban hành ${dayVi(d.issuedOn)}. Đề nghị các cơ quan, đơn vị triển khai thực hiện.`),
      facts(['Người ký', d.signedBy], ['Mã kế hoạch', n.plan.id]), ...when(d.planText, { kind: 'pre' as const, text: d.planText ?? '' }),
    ],
  }),
  assignment: (d, n) => ({
    subject: `Giao nhiệm vụ${d.lastDay ? `: hạn ${formatVietnamese(d.lastDay)}` : ''}`,
    blocks: [
      planLine(n), p(`Thực hiện ${planName(n)}, đơn vị được giao nhiệm vụ sau:`), quote(d.clauseText),
      facts(['Nhiệm vụ', d.stepTitle], ['Yêu cầu', WORK_VI[d.deliverable]], ['Thời hạn', deadlineVi(d, d.lastDay)],
        ['Cơ quan chủ trì', d.lead], ['Cơ quan phối hợp', d.coordinators.join(', ') || undefined]),
      ...when(d.indicators?.length, p('Chỉ tiêu cần báo cáo:'), { kind: 'table' as const, header: ['Chỉ tiêu', 'Đơn vị tính'], rows: (d.indicators ?? []).map((i) => [i.name, i.unit]) }),
    ],
  }),
  reminder: (d, n) => ({
    subject: `Nhắc việc: nhiệm vụ sắp đến hạn (còn ${d.workingDaysLeft} ngày làm việc)`,
    blocks: [planLine(n), p(`Còn ${d.workingDaysLeft} ngày làm việc đến hạn ${workVi(d)} (thời hạn: ${deadlineVi(d, d.lastDay)}). Đề nghị đơn vị hoàn thành đúng thời hạn:`), quote(d.clauseText)],
  }),
  overdue: (d, n) => ({
    subject: `Quá hạn ${workVi(d)} (hạn ${formatVietnamese(d.lastDay)})`,
    blocks: [planLine(n), p(`Đã quá thời hạn ${workVi(d)} (${deadlineVi(d, d.lastDay)}). Đề nghị đơn vị khẩn trương hoàn thành:`), quote(d.clauseText)],
  }),
  escalation: escalationVi,
  'report-received': (d, n) => ({
    subject: `Đã nhận báo cáo của ${d.agency}`,
    blocks: [
      planLine(n), p(`${d.agency} đã gửi báo cáo thực hiện nhiệm vụ:`), quote(d.clauseText),
      ...when(d.report, p('Nội dung báo cáo:'), quote(d.report?.text ?? '')),
      ...when(d.report?.values.length, { kind: 'table' as const, header: ['Chỉ tiêu', 'Số liệu'], rows: (d.report?.values ?? []).map((v) => [v.name, v.value]) }),
      p('Đề nghị cơ quan chủ trì xem xét, tiếp nhận báo cáo hoặc đề nghị bổ sung, hoàn thiện.'),
    ],
  }),
  'report-returned': (d, n) => ({
    subject: 'Đề nghị bổ sung, hoàn thiện báo cáo',
    blocks: [
      planLine(n), p('Qua xem xét báo cáo của đơn vị, đề nghị đơn vị bổ sung, hoàn thiện với nội dung sau:'), quote(d.reason),
      facts(['Thời hạn gửi lại', d.newLastDay && `đến hết ${dayVi(d.newLastDay)}`]), p('Nhiệm vụ:'), quote(d.clauseText),
    ],
  }),
  'report-accepted': (d, n) => ({
    subject: `Đã tiếp nhận báo cáo (${d.onTime ? 'hoàn thành đúng hạn' : 'hoàn thành quá hạn'})`,
    blocks: [planLine(n), p(`Báo cáo của đơn vị đã được tiếp nhận; nhiệm vụ được ghi nhận ${d.onTime ? 'hoàn thành đúng hạn' : 'hoàn thành quá hạn'}.`), quote(d.clauseText)],
  }),
  'deadline-extended': (d, n) => ({
    subject: `Gia hạn thực hiện nhiệm vụ đến ngày ${formatVietnamese(d.newLastDay)}`,
    blocks: [
      planLine(n), p(`Thời hạn được gia hạn đến hết ${dayVi(d.newLastDay)}${d.oldLastDay ? ` (thời hạn trước: ${formatVietnamese(d.oldLastDay)})` : ''}.`),
      facts(['Lý do', d.reason]), quote(d.clauseText),
    ],
  }),
  'consolidated-report': consolidatedVi,
  'plan-cancelled': (d, n) => ({
    subject: `Thông báo dừng thực hiện ${planName(n)}`,
    blocks: [planLine(n), p(`${planName(n)} đã được quyết định dừng thực hiện. Các nhiệm vụ theo Kế hoạch không tiếp tục thực hiện, báo cáo.`), facts(['Lý do', d.reason])],
  }),
  'plan-closed': (_d, n) => ({
    subject: `Thông báo kết thúc ${planName(n)}`,
    blocks: [planLine(n), p(`${planName(n)} đã kết thúc. Các cơ quan, đơn vị không phải tiếp tục báo cáo theo Kế hoạch này. Trân trọng cảm ơn sự phối hợp của các cơ quan, đơn vị.`)],
  }),
  reassigned: (d, n) => ({
    subject: 'Chuyển giao nhiệm vụ cho đơn vị khác thực hiện',
    blocks: [
      planLine(n), p(`Nhiệm vụ sau được chuyển giao cho ${d.successor} thực hiện; đơn vị không phải tiếp tục báo cáo nhiệm vụ này:`),
      quote(d.clauseText), facts(['Lý do', d.reason]),
    ],
  }),
  undeliverable: (d, n) => ({
    subject: `Không gửi được thư đến ${d.agency}`,
    blocks: [planLine(n), p(`Thư gửi ${d.agency} (${d.address}) không đến được: ${undeliverableReason(d.reason)}. Đề nghị cơ quan chủ trì liên hệ trực tiếp với đơn vị và cập nhật địa chỉ thư.`), quote(d.clauseText)],
  }),
};

const EN: Templates = {
  'approval-request': (d, n) => ({ subject: `Approval requested: ${d.stageLabel ?? d.stage}`, blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" awaits your approval: ${d.stageLabel ?? d.stage}.`), facts(['Plan id', n.plan.id])] }),
  'plan-issued': (d, n) => ({
    subject: `Plan issued: ${n.plan.title}`,
    blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" was issued on ${dayEn(d.issuedOn)}. Its text, in Vietnamese:`), facts(['Signed by', d.signedBy]), ...when(d.planText, { kind: 'pre' as const, text: d.planText ?? '' })],
  }),
  assignment: (d) => ({
    subject: `New assignment${d.lastDay ? `: due ${formatVietnamese(d.lastDay)}` : ''}`,
    blocks: [
      p('Your agency is assigned:'), quote(d.clauseText),
      facts(['Required', WORK_EN[d.deliverable]], ['Due', d.lastDay ? `end of ${dayEn(d.lastDay)}` : 'no deadline'], ['Lead', d.lead], ['Coordinating', d.coordinators.join(', ') || undefined]),
      ...when(d.indicators?.length, { kind: 'table' as const, header: ['Indicator', 'Unit'], rows: (d.indicators ?? []).map((i) => [i.name, i.unit]) }),
    ],
  }),
  reminder: (d) => ({ subject: `Reminder: ${d.workingDaysLeft} working days left to ${WORK_EN[d.deliverable ?? 'report']}`, blocks: [p(`${d.workingDaysLeft} working days left (due end of ${dayEn(d.lastDay)}):`), quote(d.clauseText)] }),
  overdue: (d) => ({ subject: `Overdue since ${formatVietnamese(d.lastDay)}`, blocks: [p(`The deadline (end of ${dayEn(d.lastDay)}) has passed. Please complete:`), quote(d.clauseText)] }),
  escalation: (d) => ({ subject: `Escalation ${d.step}: ${d.lateAgency} is ${d.workingDaysLate} working days late`, blocks: [p(`${d.lateAgency} has not completed this work, ${d.workingDaysLate} working days after the deadline (${dayEn(d.lastDay)}).`), quote(d.clauseText)] }),
  'report-received': (d) => ({ subject: `Report received from ${d.agency}`, blocks: [p(`${d.agency} submitted a report for:`), quote(d.clauseText), ...when(d.report, quote(d.report?.text ?? ''))] }),
  'report-returned': (d) => ({ subject: 'Please complete and resubmit your report', blocks: [p('Your report was returned:'), quote(d.reason), facts(['New deadline', d.newLastDay && dayEn(d.newLastDay)])] }),
  'report-accepted': (d) => ({ subject: `Report accepted (${d.onTime ? 'on time' : 'late'})`, blocks: [p(`Your report was accepted: completed ${d.onTime ? 'on time' : 'late'}.`), quote(d.clauseText)] }),
  'deadline-extended': (d) => ({ subject: `Deadline extended to ${formatVietnamese(d.newLastDay)}`, blocks: [p(`New deadline: end of ${dayEn(d.newLastDay)}.`), facts(['Reason', d.reason]), quote(d.clauseText)] }),
  'consolidated-report': (d) => ({
    subject: d.report?.supplement || d.supplement ? 'Supplementary consolidated report' : 'Consolidated report',
    blocks: d.report ? [{ kind: 'table', header: ['No.', 'Indicator', 'Result', 'Target', 'Met'], rows: indicatorRows(d.report) }, p('The report (.docx, in Vietnamese) is attached.')] : [{ kind: 'pre', text: d.markdown }],
  }),
  'plan-cancelled': (d, n) => ({ subject: `Plan cancelled: ${d.reason}`, blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" was cancelled.`), facts(['Reason', d.reason])] }),
  digest: (d, n) => ({
    subject: `Plan ${n.plan.number}: week of ${formatVietnamese(d.weekOf)}`,
    blocks: [
      { kind: 'table', header: ['Task', 'Reported', 'Waiting for review', 'Overdue'], rows: d.lines.map((l) => [stepLabel(l), `${l.reported}/${l.expected}`, String(l.waiting.count), String(l.overdue.count)]) },
      ...d.lines.flatMap((l) => [
        ...when(l.waiting.count, p(`${stepLabel(l)}, waiting for review: ${someOf(l.waiting, (k) => `and ${k} more`)}.`)),
        ...when(l.overdue.count, p(`${stepLabel(l)}, overdue: ${someOf(l.overdue, (k) => `and ${k} more`)}.`)),
      ]),
      ...when(d.incidents, p(`Incidents recorded since the last digest: ${Object.entries(d.incidents ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}; see the plan's status.`)),
    ],
  }),
  'plan-closed': (_d, n) => ({ subject: 'Plan closed', blocks: [p(`Plan ${n.plan.number} "${n.plan.title}" is closed.`)] }),
  reassigned: (d, n) => ({
    subject: 'Task reassigned to another agency',
    blocks: [p(`Plan ${n.plan.number}: the following task now passes to ${d.successor}; your agency no longer reports on it:`), quote(d.clauseText), facts(['Reason', d.reason])],
  }),
  undeliverable: (d) => ({ subject: `Mail to ${d.agency} could not be delivered`, blocks: [p(`Mail to ${d.agency} (${d.address}) could not be delivered: ${d.reason}.`), quote(d.clauseText)] }),
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** One line, no control characters: what is safe in a header whatever a plan or a person typed. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The Vietnamese and English tables, for tests that walk every template. */
export const TEMPLATES = { vi: VI, en: EN } as const;

export function renderEmail(n: Notification, portal?: string): RenderedEmail {
  const templates = n.to.language === 'en' ? EN : VI;
  // The record is keyed by event, so the template always matches the data; TypeScript cannot see that link.
  const template = templates[n.data.event] as (data: NotificationData, n: Notification) => Content;
  const content = template(n.data, n);
  const { subject } = content;
  // Every message says where to act: the exact page of the portal, after signing in.
  const where = portal && n.page ? `${portal}${n.page}` : undefined;
  const blocks = where
    ? [...content.blocks, p(n.to.language === 'en' ? `To act on it, sign in to planflow: ${where}` : `Đồng chí đăng nhập Cổng planflow để xem và thực hiện: ${where}`)]
    : content.blocks;
  const name = oneLine(n.to.name);
  // Decree 30 writes "Kính gửi: X" with no full stop after the addressee.
  const greeting = n.to.language === 'en' ? `Dear ${name},` : `Kính gửi: ${name}`;
  const signature = n.to.language === 'en' ? 'planflow: automatic notice; act in the portal rather than replying.' : 'planflow: thư tự động; đề nghị thực hiện trên Cổng thay vì trả lời thư này.';
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
    case 'table':
      return [b.header, ...b.rows].map((row) => row.map((c) => c.replace(/\n/g, '; ')).join(' | ')).join('\n');
    case 'pre':
      return b.text;
    default:
      return unreachable(b);
  }
}

const cellHtml = (tag: 'th' | 'td', text: string) =>
  `<${tag} style="border:1px solid #999;padding:4px;vertical-align:top">${text.split('\n').map(escapeHtml).join('<br>')}</${tag}>`;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'quote':
      return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em">${escapeHtml(b.text)}</blockquote>`;
    case 'facts':
      return `<table>${b.rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
    case 'table':
      return `<table style="border-collapse:collapse"><thead><tr>${b.header.map((h) => cellHtml('th', h)).join('')}</tr></thead>`
        + `<tbody>${b.rows.map((row) => `<tr>${row.map((c) => cellHtml('td', c)).join('')}</tr>`).join('')}</tbody></table>`;
    case 'pre':
      return `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(b.text)}</pre>`;
    default:
      return unreachable(b);
  }
}

function unreachable(value: never): never {
  throw new Error(`unknown block ${JSON.stringify(value)}`);
}
