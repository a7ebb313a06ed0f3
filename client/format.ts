// How the CLI shows plans and assignments to people: Vietnamese, dates as documents write them.
import { civilDateAt, formatVietnamese, timeAt } from '../model/calendar';
import { STAGE_LABELS, STATUS_LABELS, type Scorecard } from '../model/status';
import type { AssignmentView, PlanView } from '../workflows/state';

const ACTIONS: Record<AssignmentView['actions'][number]['action'], string> = {
  submit: 'nộp báo cáo', accept: 'tiếp nhận', return: 'trả lại', extend: 'gia hạn', approve: 'duyệt', cancel: 'hủy', consolidate: 'tổng hợp',
  reassign: 'chuyển giao', 'add-agency': 'bổ sung đơn vị', 'remove-agency': 'bớt đơn vị', 'change-deadline': 'đổi thời hạn',
};

const day = (d?: string) => (d ? formatVietnamese(d) : '—');
const share = (s: Scorecard) => (s.onTimeShare === undefined ? 'chưa có việc đến hạn' : `${Math.round(s.onTimeShare * 100)}%`);

export function formatPlan(view: PlanView): string {
  const { counts } = view.scorecard;
  const lines = [
    `Kế hoạch ${view.plan.number}: ${view.plan.document.title}`,
    `Mã: ${view.id}`,
    `Giai đoạn: ${STAGE_LABELS[view.stage].vi}${view.issuedOn ? ` · ban hành ${day(view.issuedOn)}` : ''}`,
    `Nhiệm vụ: ${view.scorecard.total} · tỷ lệ hoàn thành đúng hạn: ${share(view.scorecard)}`,
    `  ${Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) => `${STATUS_LABELS[s as keyof typeof STATUS_LABELS].vi}: ${n}`).join(' · ') || 'chưa giao'}`,
  ];
  const assignments = Object.values(view.assignments);
  if (assignments.length) lines.push('', 'Đơn vị / nhiệm vụ:');
  for (const a of assignments) {
    const report = a.reportSummary ? ` · báo cáo: "${a.reportSummary}"` : '';
    lines.push(`  ${a.agencyName} — ${a.stepId}: ${STATUS_LABELS[a.status].vi} · hạn ${day(a.lastDay)} · đã nhắc ${a.remindersSent} · đôn đốc mức ${a.escalationLevel}${report}`);
    lines.push(`    ${a.id}`);
  }
  for (const c of view.consolidations) {
    const title = `${c.supplement ? 'Báo cáo bổ sung' : 'Tổng hợp'} ${c.id}${c.cycle ? ` kỳ ${c.cycle}` : ''}`;
    lines.push('', `${title}: ${c.result.reported.length}/${c.result.expected} đơn vị đã báo cáo; chưa báo cáo: ${c.result.missing.join(', ') || 'không'}`);
  }
  return lines.join('\n');
}

export function formatAssignment(view: AssignmentView): string {
  const lines = [
    `${view.spec.assignee.name} — ${view.spec.stepId} (kế hoạch ${view.spec.plan.number})`,
    `Mã: ${view.id}`,
    `Nội dung: ${view.spec.text}`,
    `Chủ trì: ${view.spec.lead.name}${view.spec.coordinators.length ? ` · phối hợp: ${view.spec.coordinators.join(', ')}` : ''}`,
    `Trạng thái: ${STATUS_LABELS[view.status].vi} · hạn ${day(view.lastDay)} · đã nhắc ${view.remindersSent} · đôn đốc mức ${view.escalationLevel}`,
  ];
  if (view.report) lines.push(`Báo cáo: "${view.report.text}"${Object.keys(view.report.values).length ? ` · số liệu: ${JSON.stringify(view.report.values)}` : ''}`);
  for (const a of view.actions) lines.push(`  ${day(civilDateAt(a.at))} ${timeAt(a.at)} ${ACTIONS[a.action]} bởi ${a.by}${a.note ? `: ${a.note}` : ''}`);
  return lines.join('\n');
}
