// A plan's dashboard and its approvals: the stage, the on-time share, the task-tracking grid per agency (done on time
// / late, in progress on time / late), the consolidated reports, the audit log, and the approval form when the plan
// waits for one. The list of plans and the start form for coordinators.
import { pendingApproval } from '../../../model/status';
import type { RecordedAudit } from '../../../store/audit';
import type { ConsolidationSummary, PlanView } from '../../../workflows/state';
import { consolidationsOf, type ConsolidationEntry } from '../../plan-source';
import type { PlanListing } from '../../planflow';
import type { OverdueRow, StepProgress } from '../dashboard';
import { formatDate, type Lang } from '../i18n';
import { stageLabel } from '../labels';
import { CsrfField } from '../layout';

type Counts = Pick<ConsolidationSummary, 'reported' | 'expected' | 'missing'>;

const WORDS = {
  vi: {
    number: 'Số, ký hiệu', title: 'Trích yếu', stage: 'Giai đoạn', onTime: 'Tỷ lệ hoàn thành đúng hạn', agency: 'Đơn vị',
    doneOnTime: 'Hoàn thành đúng hạn', doneLate: 'Hoàn thành quá hạn', inTime: 'Đang thực hiện trong hạn', late: 'Đang thực hiện quá hạn', waiting: 'Chờ duyệt',
    approve: 'Phê duyệt', approveIssue: 'Phê duyệt ban hành', approveClose: 'Phê duyệt kết thúc', note: 'Ý kiến (không bắt buộc)',
    consolidated: 'Báo cáo tổng hợp', audit: 'Nhật ký thao tác', none: 'Chưa có.', start: 'Khởi chạy kế hoạch mới', file: 'Tệp kế hoạch (YAML hoặc JSON)', list: 'Các kế hoạch', open: 'Xem',
    refused: 'bị từ chối', done: 'đã thực hiện',
    progress: 'Tiến độ báo cáo theo nhiệm vụ', step: 'Nhiệm vụ', reported: (p: { reported: number; total: number }, communes: boolean) => `${p.reported}/${p.total} ${communes ? 'xã' : 'đơn vị'} đã báo cáo`,
    cycle: 'Kỳ', overdue: 'Nhiệm vụ quá hạn', overdueCount: (shown: number, total: number) => (shown < total ? `(${shown} trên tổng số ${total})` : `(${total})`),
    documents: 'Văn bản', planDocx: 'Kế hoạch (.docx, để văn thư cho số và trình ký)', reportDocx: 'tải .docx', supplement: 'bổ sung',
    incidents: 'Sự cố ghi nhận', incidentsHint: 'Dữ liệu hệ thống không áp dụng được; đề nghị bộ phận quản trị planflow kiểm tra.',
    latestText: 'Toàn văn lần tổng hợp gần nhất',
    consolidatedCounts: (c: Counts) => `${c.reported}/${c.expected} đơn vị đã báo cáo${c.missing ? `, ${c.missing} đơn vị chưa báo cáo` : ''}`,
    consolidationsListed: (shown: number, total: number) => `${total} lần tổng hợp; liệt kê ${shown} lần gần nhất.`,
    lastDay: 'Hạn cuối', lateBy: 'Quá hạn', reportedHead: 'Đã báo cáo', lateDays: (n: number) => `${n} ngày làm việc`, noOverdue: 'Không có nhiệm vụ nào quá hạn.', unavailable: 'Chưa lấy được số liệu từ máy chủ quy trình.',
  },
  en: {
    number: 'Number', title: 'Title', stage: 'Stage', onTime: 'Share done on time', agency: 'Agency',
    doneOnTime: 'Done on time', doneLate: 'Done late', inTime: 'In progress, on time', late: 'In progress, late', waiting: 'Awaiting review',
    approve: 'Approve', approveIssue: 'Approve the issue', approveClose: 'Approve the close', note: 'Note (optional)',
    consolidated: 'Consolidated reports', audit: 'Audit log', none: 'None yet.', start: 'Start a new plan', file: 'Plan file (YAML or JSON)', list: 'Plans', open: 'Open',
    refused: 'refused', done: 'done',
    progress: 'Reporting progress by step', step: 'Step', reported: (p: { reported: number; total: number }, communes: boolean) => `${p.reported}/${p.total} ${communes ? 'communes' : 'agencies'} reported`,
    cycle: 'Cycle', overdue: 'Overdue assignments', overdueCount: (shown: number, total: number) => (shown < total ? `(${shown} of ${total})` : `(${total})`),
    documents: 'Documents', planDocx: 'The plan (.docx, for numbering and signature)', reportDocx: 'download .docx', supplement: 'supplement',
    incidents: 'Incidents', incidentsHint: 'Data the system could not apply; ask the planflow operators to check.',
    latestText: 'The newest consolidated report in full',
    consolidatedCounts: (c: Counts) => `${c.reported}/${c.expected} agencies reported${c.missing ? `, ${c.missing} have not` : ''}`,
    consolidationsListed: (shown: number, total: number) => `${total} consolidations; the newest ${shown} listed.`,
    lastDay: 'Last day', lateBy: 'Overdue by', reportedHead: 'Reported', lateDays: (n: number) => `${n} working days`, noOverdue: 'No assignment is overdue.', unavailable: 'The figures are not available from the workflow server.',
  },
};

const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 100)}%`);

type Words = (typeof WORDS)['vi'];

const ProgressTable = (props: { w: Words; progress: StepProgress[] }) => (
  <table>
    <caption>{props.w.progress}</caption>
    <thead><tr><th scope="col">{props.w.step}</th><th scope="col">{props.w.cycle}</th><th scope="col">{props.w.reportedHead}</th></tr></thead>
    <tbody>
      {props.progress.flatMap((step) => [
        <tr><th scope="row">{step.title}</th><td>—</td><td>{props.w.reported(step, step.communes)}</td></tr>,
        ...step.cycles.map((c) => <tr><th scope="row">{step.title}</th><td>{c.label}</td><td>{props.w.reported(c, step.communes)}</td></tr>),
      ])}
    </tbody>
  </table>
);

const OverdueTable = (props: { w: Words; overdue: { rows: OverdueRow[]; total: number }; agencyNames: Map<string, string> }) => {
  const { w } = props;
  if (props.overdue.total === 0) return <><h2>{w.overdue}</h2><p>{w.noOverdue}</p></>;
  return (
    <>
      <h2>{w.overdue} {w.overdueCount(props.overdue.rows.length, props.overdue.total)}</h2>
      <table>
        <thead><tr><th scope="col">{w.agency}</th><th scope="col">{w.step}</th><th scope="col">{w.lastDay}</th><th scope="col">{w.lateBy}</th></tr></thead>
        <tbody>
          {props.overdue.rows.map((r) => (
            <tr class="urgency-overdue">
              <td>{(r.agency && props.agencyNames.get(r.agency)) ?? r.agency ?? '—'}</td>
              <td><a href={`/assignments/${encodeURIComponent(r.id)}`}>{r.step}</a>{r.cycle ? ` (${r.cycle})` : ''}</td>
              <td>{r.lastDay ? formatDate(r.lastDay) : '—'}</td>
              <td>{r.workingDaysLate === undefined ? '—' : w.lateDays(r.workingDaysLate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

export interface PlanPageProps {
  lang: Lang;
  csrf: string;
  view: PlanView;
  audit: RecordedAudit[];
  /** From visibility; undefined when the cluster could not answer. */
  progress: StepProgress[] | undefined;
  overdue: { rows: OverdueRow[]; total: number } | undefined;
  agencyNames: Map<string, string>;
  /** The newest consolidation record whole (answers carry summaries only); undefined when there is none. */
  latest?: ConsolidationEntry;
  error?: string;
}

export const PlanPage = (props: PlanPageProps) => {
  const w = WORDS[props.lang];
  const { view } = props;
  const approval = pendingApproval(view.stage);
  const consolidations = consolidationsOf(view);
  const consolidationCount = view.consolidationCount ?? consolidations.length;
  const documents = `/plans/${encodeURIComponent(view.id)}/documents`;
  return (
    <>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <dl class="facts">
        <dt>{w.number}</dt><dd>{view.plan.number}</dd>
        <dt>{w.title}</dt><dd>{view.plan.document.title}</dd>
        <dt>{w.stage}</dt><dd>{stageLabel(view.stage, props.lang)}</dd>
        <dt>{w.onTime}</dt><dd>{percent(view.scorecard.onTimeShare)}</dd>
      </dl>
      {approval ? (
        <section>
          <h2>{approval === 'issue' ? w.approveIssue : w.approveClose}</h2>
          <form method="post" action={`/plans/${encodeURIComponent(view.id)}/approve`}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="stage" value={approval} />
            <label for="note">{w.note}</label>
            <textarea id="note" name="note" rows={2} maxlength={2000}></textarea>
            <button type="submit">{w.approve}</button>
          </form>
        </section>
      ) : null}
      <table>
        <caption>{w.agency}</caption>
        <thead><tr><th scope="col">{w.agency}</th><th scope="col">{w.doneOnTime}</th><th scope="col">{w.doneLate}</th><th scope="col">{w.inTime}</th><th scope="col">{w.late}</th><th scope="col">{w.waiting}</th></tr></thead>
        <tbody>
          {Object.entries(view.byAgency).map(([agency, card]) => (
            <tr>
              <th scope="row">{agency}</th>
              <td>{card.counts['done-on-time']}</td>
              <td>{card.counts['done-late']}</td>
              <td>{card.counts['not-due'] + card.counts['due-soon'] + card.counts.returned}</td>
              <td>{card.counts.overdue}</td>
              <td>{card.counts.submitted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.progress ? <ProgressTable w={w} progress={props.progress} /> : <p class="error" role="alert">{w.unavailable}</p>}
      {props.overdue ? <OverdueTable w={w} overdue={props.overdue} agencyNames={props.agencyNames} /> : null}
      <h2>{w.documents}</h2>
      <ul><li><a href={`${documents}/ke-hoach.docx`}>{w.planDocx}</a></li></ul>
      <h2>{w.consolidated}</h2>
      {consolidations.length ? (
        <>
          {consolidationCount > consolidations.length ? <p>{w.consolidationsListed(consolidations.length, consolidationCount)}</p> : null}
          <ul>
            {consolidations.map((c) => (
              <li>
                {c.id}{c.cycle ? ` (${c.cycle})` : ''}{c.supplement ? ` — ${w.supplement}` : ''} — {formatDate(new Date(c.at))}: {w.consolidatedCounts(c)} · <a href={`${documents}/bao-cao-tong-hop.docx?cycle=${encodeURIComponent(c.cycle ?? c.id)}`}>{w.reportDocx}</a>
              </li>
            ))}
          </ul>
          {props.latest?.markdown ? (
            <>
              <h3>{w.latestText}: {props.latest.id}{props.latest.cycle ? ` (${props.latest.cycle})` : ''}</h3>
              <pre>{props.latest.markdown}</pre>
            </>
          ) : null}
        </>
      ) : <p>{w.none}</p>}
      {view.incidents?.count ? (
        <>
          <h2>{w.incidents} ({view.incidents.count})</h2>
          <p>{w.incidentsHint}</p>
          <ul>{view.incidents.latest.map((i) => <li>{formatDate(new Date(i.at))} — {i.detail}</li>)}</ul>
        </>
      ) : null}
      <h2>{w.audit}</h2>
      <ol>{props.audit.map((e) => <li>{formatDate(e.at)} {e.actor}{e.onBehalfOf ? ` (${e.onBehalfOf})` : ''}{typeof e.detail.signed === 'string' ? ` [${e.detail.signed}]` : ''}: {e.action} {e.subject} — {e.outcome === 'done' ? w.done : w.refused}</li>)}</ol>
    </>
  );
};

export const PlansPage = (props: { lang: Lang; csrf: string; plans: PlanListing[]; mayStart: boolean; problems?: string[] }) => {
  const w = WORDS[props.lang];
  return (
    <>
      {props.problems?.length ? <ul class="error" role="alert">{props.problems.map((p) => <li>{p}</li>)}</ul> : null}
      <table>
        <caption>{w.list}</caption>
        <thead><tr><th scope="col">{w.number}</th><th scope="col">{w.stage}</th><th scope="col">{w.open}</th></tr></thead>
        <tbody>
          {props.plans.map((p) => (
            <tr><td>{p.number ?? p.id}</td><td>{p.stage ? stageLabel(p.stage, props.lang) : p.status}</td><td><a href={`/plans/${encodeURIComponent(p.id)}`}>{w.open} {p.number ?? p.id}</a></td></tr>
          ))}
        </tbody>
      </table>
      {props.mayStart ? (
        <section>
          <h2>{w.start}</h2>
          <form method="post" action="/plans" enctype="multipart/form-data" hx-boost="false">
            <CsrfField token={props.csrf} />
            <label for="plan-file">{w.file}</label>
            <input id="plan-file" name="file" type="file" accept=".yaml,.yml,.json" required />
            <button type="submit">{w.start}</button>
          </form>
        </section>
      ) : null}
    </>
  );
};
