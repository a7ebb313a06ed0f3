// The plan itself (Kế hoạch) as an official document, ready for the clerk to number and the leader to sign:
// header, title, grounds, purposes, objectives and indicators, tasks, funding, the responsibility clauses (chủ trì,
// phối hợp, thời hạn in the plan's words), the reporting regime, the signature block and Nơi nhận.
import type { Document, FileChild } from 'docx';
import { formatVietnamese } from '../../model/calendar';
import { deadlineWords } from '../../model/deadline-words';
import type { Plan } from '../../model/plan';
import { planSigner } from '../../model/report';
import { expandAgencies } from '../../model/work';
import {
  bold, closing, decree30Document, documentHead, italic, numberedSections, para, plain, sectionNumber,
} from './decree30';
import { capitalised, lowerFirst, placeOf, sentence } from './words';

const KIND_NAMES: Record<Plan['document']['implements'][number]['kind'], string> = {
  'de-an': 'Đề án', 'chi-thi': 'Chỉ thị', 'nghi-quyet': 'Nghị quyết', 'chuong-trinh': 'Chương trình',
  'ke-hoach': 'Kế hoạch', 'quyet-dinh': 'Quyết định', luat: 'Luật', other: '',
};

const ORGANISATION = 'Tổ chức thực hiện';

export function planDocument(plan: Plan): Document {
  const doc = plan.document;
  const issuer = plan.agencies.find((a) => a.id === doc.issuer)!;
  const name = nameIn(plan);
  const head = documentHead({
    body: { name: issuer.name, kind: issuer.kind },
    number: doc.number === undefined ? `      /${doc.symbol}` : `${doc.number}/${doc.symbol}`,
    place: doc.place ?? placeOf(issuer.name), date: doc.issuedOn, year: doc.period?.from,
    kind: 'KẾ HOẠCH', summary: [capitalised(doc.title)],
  });
  const sections: [string, FileChild[]][] = [
    ['Mục đích, yêu cầu', plan.purposes.map((p) => para(`- ${capitalised(p)}`))],
    ['Mục tiêu', objectives(plan)],
    ['Nhiệm vụ, giải pháp', plan.tasks.map((t, i) => para(`${i + 1}. ${sentence(t.text)}`))],
    ['Kinh phí thực hiện', plan.funding ? [para(plan.funding)] : []],
    [ORGANISATION, clauses(plan, name)],
    ['Chế độ báo cáo', reporting(plan, name)],
  ];
  // Without its own list, Nơi nhận names those the organisation section gives work to, as offices write it.
  const organisation = sectionNumber(sections, ORGANISATION);
  const recipients = plan.recipients.length ? plan.recipients.map((r) => r.text) : [...(organisation ? [`Như Mục ${organisation};`] : []), 'Lưu: VT.'];
  return decree30Document(`Kế hoạch ${capitalised(doc.title)}`, [
    ...head,
    ...grounds(plan, issuer.name),
    ...numberedSections(sections),
    para(`Trên đây là Kế hoạch ${lowerFirst(doc.title)}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về ${name(plan.clauses[0]?.lead ?? doc.issuer)} để tổng hợp, báo cáo ${issuer.name} xem xét, giải quyết./.`),
    ...closing(recipients, planSigner(plan)),
  ]);
}

/** The name of an agency, group or person of the plan, as the document writes it. */
function nameIn(plan: Plan): (id: string) => string {
  return (id) => plan.agencies.find((a) => a.id === id)?.name ?? plan.groups.find((g) => g.id === id)?.name
    ?? plan.people.find((p) => p.id === id)?.title ?? id;
}

/** "Thực hiện Kế hoạch số 28/KH-SLĐTBXH ngày 08/3/2021 của Sở …; Ủy ban nhân dân huyện … ban hành Kế hoạch như sau:". */
function grounds(plan: Plan, issuerName: string): FileChild[] {
  const references = plan.document.implements.map((d) => {
    const kind = KIND_NAMES[d.kind];
    const details = `${d.number ? ` số ${d.number}` : ''}${d.issuedOn ? ` ngày ${formatVietnamese(d.issuedOn)}` : ''}${d.issuer ? ` của ${d.issuer}` : ''}`;
    // "Đề án chăm sóc …" already names its kind; "về tăng cường …" needs it in front.
    const namesKind = kind !== '' && d.title.toLocaleLowerCase('vi').startsWith(kind.toLocaleLowerCase('vi'));
    return namesKind ? `${d.title}${details}` : `${kind}${details} ${d.title}`.trim();
  });
  const intro = references.length ? `Thực hiện ${references.join('; ')}; ` : '';
  return [para(capitalised(`${intro}${issuerName} ban hành Kế hoạch thực hiện như sau:`))];
}

function objectives(plan: Plan): FileChild[] {
  const list = plan.objectives.map((o) => para(`- ${capitalised(o.text)}`));
  const indicators = plan.indicators.map((i) => {
    const unit = i.measure.kind === 'ratio' ? '%' : ` ${i.measure.unit}`;
    const targets = i.targets.map((t) => `${t.value}${unit} đến ${formatVietnamese(t.by)}`).join('; ');
    return para([plain(`- ${capitalised(i.name)}`), ...(targets ? [plain(': '), bold(targets)] : []), plain('.')]);
  });
  return [...list, ...(indicators.length ? [para('Các chỉ tiêu:', { bold: true }), ...indicators] : [])];
}

function clauses(plan: Plan, name: (id: string) => string): FileChild[] {
  return plan.clauses.flatMap((c, i) => {
    const who = [
      `Chủ trì: ${name(c.lead)}`,
      ...(c.coordinators.length ? [`phối hợp: ${c.coordinators.map(name).join(', ')}`] : []),
      `thực hiện: ${c.assignees.map(name).join(', ')}`,
      `thời hạn: ${deadlineWords(c.deadline, name)}`,
    ];
    return [para(`${c.section ?? i + 1}. ${capitalised(c.text)}`), para([italic(`(${who.join('; ')}.)`)])];
  });
}

function reporting(plan: Plan, name: (id: string) => string): FileChild[] {
  const r = plan.reporting;
  const submissions = r.submissions.map((s) => {
    const from = expandAgencies(plan, s.from).length > 1 ? s.from.map(name).join(', ') : name(s.from[0]!);
    return para(`- ${from} báo cáo ${name(s.to)}, ${deadlineWords(s.deadline, name)}.`);
  });
  const consolidations = r.consolidations.map((c) => para(`- ${name(c.by)} tổng hợp, báo cáo ${c.to.map(name).join(', ')}${c.deadline ? `, ${deadlineWords(c.deadline, name)}` : ''}.`));
  return [...(r.text ? [para(r.text)] : []), ...submissions, ...consolidations];
}
