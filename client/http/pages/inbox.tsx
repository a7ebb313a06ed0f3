// *Việc của tôi*: my agency's open assignments, soonest last day first, coloured by urgency, filtered by plan and
// status with a plain GET form (works without JavaScript).
import { AssignmentStatus } from '../../../model/status';
import { formatDate, type Lang } from '../i18n';
import { urgencyOf, type InboxItem, type WaitingApproval } from '../inbox';
import { statusLabel } from '../labels';

const WORDS = {
  vi: { approvals: 'Chờ phê duyệt', waited: (d: number) => `đã chờ ${d} ngày`, approveIssue: 'ban hành', approveClose: 'kết thúc', plan: 'Kế hoạch', status: 'Trạng thái', all: 'Tất cả', filter: 'Lọc', task: 'Nhiệm vụ', lastDay: 'Hạn cuối', none: 'Không có nhiệm vụ nào đang mở.', unavailable: 'Chưa lấy được danh sách nhiệm vụ từ máy chủ quy trình; vui lòng báo quản trị hệ thống.' },
  en: { approvals: 'Waiting for approval', waited: (d: number) => `waiting ${d} days`, approveIssue: 'issue', approveClose: 'close', plan: 'Plan', status: 'Status', all: 'All', filter: 'Filter', task: 'Assignment', lastDay: 'Last day', none: 'No open assignments.', unavailable: 'The list of assignments is not available from the workflow server; please tell the administrator.' },
};

export const Inbox = (props: { lang: Lang; items: InboxItem[] | undefined; approvals: WaitingApproval[]; now: Date; plan: string | undefined; status: AssignmentStatus | undefined }) => {
  const w = WORDS[props.lang];
  return (
    <>
      {props.approvals.length ? (
        <section>
          <h2>{w.approvals}</h2>
          <ul>
            {props.approvals.map((a) => (
              <li>
                <a href={`/plans/${encodeURIComponent(a.planId)}`}>{a.number ?? a.planId}</a>{' '}
                ({a.stage === 'awaiting-issue-approval' ? w.approveIssue : w.approveClose}, {w.waited(Math.floor((props.now.getTime() - a.since.getTime()) / 86_400_000))})
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
          <thead><tr><th scope="col">{w.task}</th><th scope="col">{w.plan}</th><th scope="col">{w.lastDay}</th><th scope="col">{w.status}</th></tr></thead>
          <tbody>
            {props.items.map((item) => (
              <tr class={`urgency-${urgencyOf(item.status)}`}>
                <td><a href={`/assignments/${encodeURIComponent(item.id)}`}>{item.id}</a></td>
                <td>{item.plan ?? '—'}</td>
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
