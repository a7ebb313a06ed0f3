// *Việc của tôi*: the reports waiting for my agency to accept, the plans waiting for my approval (each with how long it
// has waited), and my agency's open assignments by clause title, soonest last day first, coloured by urgency,
// filtered by plan and status with a plain GET form (works without JavaScript).
import { AssignmentStatus } from '../../../model/status';
import { formatDate, type Lang } from '../i18n';
import { urgencyOf, type InboxItem } from '../inbox';
import { statusLabel } from '../labels';
import type { WaitingApproval, WaitingReview } from '../waiting';
import { ReviewQueue } from './reviews';
import { waitedWords } from './waited';

const WORDS = {
  vi: { approvals: 'Chờ phê duyệt', waited: (d: string) => `đã chờ ${d}`, cycle: 'Kỳ', approveIssue: 'ban hành', approveClose: 'kết thúc', plan: 'Kế hoạch', status: 'Trạng thái', all: 'Tất cả', filter: 'Lọc', task: 'Nhiệm vụ', lastDay: 'Hạn cuối', none: 'Không có nhiệm vụ nào đang mở.', unavailable: 'Chưa lấy được danh sách nhiệm vụ từ máy chủ quy trình; vui lòng báo quản trị hệ thống.' },
  en: { approvals: 'Waiting for approval', waited: (d: string) => `waiting ${d}`, cycle: 'Cycle', approveIssue: 'issue', approveClose: 'close', plan: 'Plan', status: 'Status', all: 'All', filter: 'Filter', task: 'Assignment', lastDay: 'Last day', none: 'No open assignments.', unavailable: 'The list of assignments is not available from the workflow server; please tell the administrator.' },
};

export interface InboxProps {
  lang: Lang;
  csrf: string;
  items: InboxItem[] | undefined;
  /** Undefined when the person's agency reviews nothing (no section). */
  reviews: WaitingReview[] | undefined;
  agencyNames: Map<string, string>;
  approvals: WaitingApproval[];
  now: Date;
  plan: string | undefined;
  status: AssignmentStatus | undefined;
}

export const Inbox = (props: InboxProps) => {
  const w = WORDS[props.lang];
  return (
    <>
      {props.reviews ? <ReviewQueue lang={props.lang} csrf={props.csrf} reviews={props.reviews} agencyNames={props.agencyNames} now={props.now} /> : null}
      {props.approvals.length ? (
        <section>
          <h2>{w.approvals}</h2>
          <ul>
            {props.approvals.map((a) => (
              <li>
                <a href={`/plans/${encodeURIComponent(a.planId)}`}>{a.number ?? a.planId}</a>{' '}
                ({a.stage === 'awaiting-issue-approval' ? w.approveIssue : w.approveClose}, {w.waited(waitedWords(props.lang, props.now, a.since))})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="get" action="/inbox" class="filters">
        <label for="plan">{w.plan}</label>
        <input id="plan" name="plan" type="text" maxlength={300} value={props.plan ?? ''} />
        <label for="status">{w.status}</label>
        <select id="status" name="status">
          <option value="">{w.all}</option>
          {AssignmentStatus.options.map((s) => <option value={s} selected={s === props.status}>{statusLabel(s, props.lang)}</option>)}
        </select>
        <button type="submit">{w.filter}</button>
      </form>
      {props.items === undefined ? <p class="error" role="alert">{w.unavailable}</p> : props.items.length === 0 ? <p>{w.none}</p> : (
        <table>
          <thead><tr><th scope="col">{w.task}</th><th scope="col">{w.plan}</th><th scope="col">{w.cycle}</th><th scope="col">{w.lastDay}</th><th scope="col">{w.status}</th></tr></thead>
          <tbody>
            {props.items.map((item) => (
              <tr class={`urgency-${urgencyOf(item.status)}`}>
                <td><a href={`/assignments/${encodeURIComponent(item.id)}`}>{item.title}</a></td>
                <td>{item.planNumber ?? item.plan ?? '—'}</td>
                <td>{item.cycle ?? '—'}</td>
                <td>{item.lastDay ? formatDate(item.lastDay) : '—'}</td>
                <td><span class="status">{statusLabel(item.status, props.lang)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
