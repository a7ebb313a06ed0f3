// How the CLI shows plans and assignments to people: Vietnamese, dates as documents write them, steps by their
// place in the plan and opening words rather than their ids.
import type { IndicatorValue } from '../model/actions';
import { civilDateAt, formatVietnamese, timeAt } from '../model/calendar/civil-date';
import { STAGE_LABELS, STATUS_LABELS, type Scorecard } from '../model/status';
import { stepTitle, type StepNames } from '../model/step-title';
import type { AssignmentView, ConsolidationDetail, ConsolidationSummary, PlanView } from '../workflows/state';
import { consolidationsOf } from './plan-source';

const ACTIONS: Record<AssignmentView['actions'][number]['action'], string> = {
  submit: 'nộp báo cáo', accept: 'tiếp nhận báo cáo', return: 'đề nghị bổ sung, hoàn thiện báo cáo', extend: 'gia hạn',
  approve: 'duyệt', cancel: 'hủy', consolidate: 'tổng hợp',
  reassign: 'chuyển giao', 'add-agency': 'bổ sung đơn vị', 'remove-agency': 'bớt đơn vị', 'change-deadline': 'đổi thời hạn',
};

/** Workflow states as Temporal names them, for plans listed without a stage of their own. */
export const RUN_STATES: Record<string, string> = {
  RUNNING: 'đang chạy', COMPLETED: 'đã kết thúc', FAILED: 'bị lỗi', CANCELLED: 'đã hủy', TERMINATED: 'đã dừng',
  CONTINUED_AS_NEW: 'đang chạy', TIMED_OUT: 'quá thời gian', UNSPECIFIED: 'không rõ', PAUSED: 'tạm dừng',
};

const day = (d?: string) => (d ? formatVietnamese(d) : '—');
const share = (s: Scorecard) => (s.onTimeShare === undefined ? 'chưa có việc đến hạn' : `${Math.round(s.onTimeShare * 100)}%`);
const value = (v: IndicatorValue) => (typeof v === 'number' ? String(v) : `${v.numerator}/${v.denominator}`);

/** The plan's answer names its steps, or else the plan it was started with; without either, ids are all there is. */
export function formatPlan(view: PlanView, plan?: StepNames): string {
  const title = (stepId: string) => view.stepTitles?.[stepId] ?? (plan ? stepTitle(plan, stepId) : stepId);
  const { counts } = view.scorecard;
  const lines = [
    `Kế hoạch ${view.plan.number}: ${view.plan.document.title}`,
    `Mã: ${view.id}`,
    `Giai đoạn: ${STAGE_LABELS[view.stage].vi}${view.issuedOn ? ` · ban hành ${day(view.issuedOn)}` : ''}`,
    `Nhiệm vụ: ${view.scorecard.total} · tỷ lệ hoàn thành đúng hạn: ${share(view.scorecard)}`,
    `  ${Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) => `${STATUS_LABELS[s as keyof typeof STATUS_LABELS].vi}: ${n}`).join(' · ') || 'chưa giao'}`,
  ];
  const assignments = Object.values(view.assignments);
  const page = view.page;
  if (page && page.matching > assignments.length) {
    const next = page.offset + assignments.length < page.matching ? `; xem tiếp: planflow status ${view.id} --offset ${page.offset + assignments.length}` : '';
    lines.push('', `Liệt kê ${assignments.length ? `${page.offset + 1}–${page.offset + assignments.length}` : '0'} trong ${page.matching} công việc${page.matching < page.total ? ` (đã lọc, tổng ${page.total})` : ''}${next}`);
  }
  if (assignments.length) lines.push('', 'Đơn vị / nhiệm vụ:');
  for (const a of assignments) {
    const report = a.reportSummary ? ` · báo cáo: "${a.reportSummary}"` : '';
    lines.push(`  ${a.agencyName} — ${title(a.stepId)}: ${STATUS_LABELS[a.status].vi} · hạn ${day(a.lastDay)} · đã nhắc ${a.remindersSent} · đôn đốc ${a.escalationLevel} lần${report}`);
    lines.push(`    ${a.id}`);
  }
  const consolidations = consolidationsOf(view);
  const shown = view.consolidationCount ?? consolidations.length;
  if (shown > consolidations.length) lines.push('', `Báo cáo tổng hợp: ${shown} lần, liệt kê ${consolidations.length} lần gần nhất`);
  for (const c of consolidations) lines.push('', consolidationLine(view.id, c));
  const incidents = view.incidents;
  if (incidents?.count) {
    lines.push('', `Sự cố ghi nhận: ${incidents.count}${incidents.count > incidents.latest.length ? ` (${incidents.latest.length} gần nhất)` : ''}`);
    for (const i of incidents.latest) lines.push(`  ${new Date(i.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} — ${i.detail}`);
  }
  return lines.join('\n');
}

/** One consolidation in a plan's status: counts, the first few missing by name, and how to read it whole. */
function consolidationLine(planId: string, c: ConsolidationSummary): string {
  const what = `${c.supplement ? 'Báo cáo bổ sung' : 'Tổng hợp'}${c.cycle ? ` ${c.cycle}` : ''}`;
  const others = c.missing - c.missingNames.length;
  const missing = c.missing ? `${c.missingNames.join(', ')}${others > 0 ? ` và ${others} đơn vị khác` : ''}` : 'không';
  return `${what}: ${c.reported}/${c.expected} đơn vị đã báo cáo; chưa báo cáo: ${missing}` +
    `\n  xem toàn văn: planflow status ${planId} --consolidation ${consolidationKey(c)}`;
}

/** How `planflow status --consolidation` names one record: `ID[/CYCLE][#N]` (N: the record's place in its round, 0 first). */
export const consolidationKey = (c: Pick<ConsolidationSummary, 'id' | 'cycle' | 'index'>) => `${c.id}${c.cycle ? `/${c.cycle}` : ''}${c.index ? `#${c.index}` : ''}`;

/** One consolidation record whole: when it was made, of how many in its round, and its text. */
export function formatConsolidation(c: ConsolidationDetail): string {
  const what = `${c.supplement ? 'Báo cáo bổ sung' : 'Báo cáo tổng hợp'} ${c.id}${c.cycle ? ` kỳ ${c.cycle}` : ''}`;
  return `${what} — lập ${day(civilDateAt(c.at))} ${timeAt(c.at)} (lần ${c.index + 1}/${c.count}${c.cycle ? ' của kỳ' : ''})\n\n${c.markdown.trimEnd()}`;
}

export function formatAssignment(view: AssignmentView): string {
  const values = Object.entries(view.report?.values ?? {});
  const indicatorName = (id: string) => view.spec.indicators.find((i) => i.id === id)?.name ?? id;
  const lines = [
    `${view.spec.assignee.name} — kế hoạch ${view.spec.plan.number}`,
    `Mã: ${view.id}`,
    `Nội dung: ${view.spec.text}`,
    `Chủ trì: ${view.spec.lead.name}${view.spec.coordinators.length ? ` · phối hợp: ${view.spec.coordinators.join(', ')}` : ''}`,
    `Trạng thái: ${STATUS_LABELS[view.status].vi} · hạn ${day(view.lastDay)} · đã nhắc ${view.remindersSent} · đôn đốc ${view.escalationLevel} lần`,
  ];
  if (view.report) lines.push(`Báo cáo: "${view.report.text}"`, ...values.map(([id, v]) => `  ${indicatorName(id)}: ${value(v)}`));
  for (const a of view.actions) lines.push(`  ${day(civilDateAt(a.at))} ${timeAt(a.at)} ${ACTIONS[a.action]} bởi ${a.by}${a.note ? `: ${a.note}` : ''}`);
  return lines.join('\n');
}
