// *Việc của tôi*: my agency's open assignments, soonest last day first, coloured by urgency, filtered by plan and
// status with a plain GET form (works without JavaScript).
import { AssignmentStatus } from '../../../model/status';
import { formatDate, type Lang } from '../i18n';
import { urgencyOf, type InboxItem } from '../inbox';
import { statusLabel } from '../labels';

const WORDS = {
  vi: { plan: 'Kế hoạch', status: 'Trạng thái', all: 'Tất cả', filter: 'Lọc', task: 'Nhiệm vụ', lastDay: 'Hạn cuối', none: 'Không có nhiệm vụ nào đang mở.' },
  en: { plan: 'Plan', status: 'Status', all: 'All', filter: 'Filter', task: 'Assignment', lastDay: 'Last day', none: 'No open assignments.' },
};

export const Inbox = (props: { lang: Lang; items: InboxItem[]; plan: string | undefined; status: AssignmentStatus | undefined }) => {
  const w = WORDS[props.lang];
  return (
    <>
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
      {props.items.length === 0 ? <p>{w.none}</p> : (
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
