// The plan as its recipients read it in the issue notice: number, title, what it implements, objectives, who
// does what by when, the reporting regime and the signatory. Plain text, Vietnamese, from the plan definition.
import { formatVietnamese, lastDay, type CivilDate } from './calendar';
import { documentNumber } from './ids';
import type { Plan } from './plan';
import { expandAgencies } from './work';

export function planText(plan: Plan, issuedOn: CivilDate): string {
  const name = (id: string) => plan.agencies.find((a) => a.id === id)?.name ?? plan.groups.find((g) => g.id === id)?.name ?? id;
  const due = (d: Parameters<typeof lastDay>[0] | undefined) => {
    const day = d && lastDay(d, { issuedOn });
    return day ? `hạn ${formatVietnamese(day)}` : 'không có thời hạn';
  };
  const signer = plan.signatory && plan.people.find((p) => p.id === plan.signatory!.person);
  const lines = [
    `KẾ HOẠCH ${documentNumber(plan)}, ngày ${formatVietnamese(issuedOn)}`,
    plan.document.title,
    ...plan.document.implements.map((d) => `Thực hiện: ${[d.number, d.title].filter(Boolean).join(' ')}`),
    '',
    ...(plan.objectives.length ? ['MỤC TIÊU', ...plan.objectives.map((o) => `- ${o.text}`), ''] : []),
    'TỔ CHỨC THỰC HIỆN',
    ...plan.clauses.map((c) => {
      const who = c.assignees.map(name).join(', ');
      const coordinate = c.coordinators.length ? `; phối hợp: ${c.coordinators.map(name).join(', ')}` : '';
      return `- ${c.text}\n  (thực hiện: ${who}; chủ trì: ${name(c.lead)}${coordinate}; ${due(c.deadline)})`;
    }),
    ...(plan.reporting.submissions.length ? ['', 'CHẾ ĐỘ BÁO CÁO', plan.reporting.text ?? ''] : []),
    ...plan.reporting.submissions.map((s) => `- ${expandAgencies(plan, s.from).length} đơn vị báo cáo ${name(s.to)}, ${due(s.deadline)}`),
    ...(signer ? ['', `${plan.signatory!.capacity === 'own' ? '' : `${plan.signatory!.capacity}. ${plan.signatory!.onBehalfOf ?? ''}`.trim()}`, plan.signatory!.title, signer.name ?? signer.title] : []),
  ];
  return lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n').trim();
}
