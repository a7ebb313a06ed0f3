// *Báo cáo chờ tiếp nhận*: the reports waiting for the lead office, longest waiting first, each with a box to tick so
// several are accepted in one form; and the per-row results of such a form (each accepted or refused on its own).
import type { Lang } from '../i18n';
import type { Refusal } from '../acting';
import { CsrfField } from '../layout';
import type { WaitingReview } from '../waiting';
import { waitedWords } from './waited';

const WORDS = {
  vi: {
    heading: 'Báo cáo chờ tiếp nhận', task: 'Nhiệm vụ', agency: 'Đơn vị báo cáo', waited: 'Đã chờ', pick: (t: string, a: string) => `Chọn báo cáo: ${t} — ${a}`,
    accept: 'Tiếp nhận các báo cáo đã chọn', note: 'Ý kiến khi tiếp nhận (không bắt buộc)', none: 'Không có báo cáo nào chờ tiếp nhận.', unknown: 'chưa rõ',
    results: 'Kết quả tiếp nhận', done: 'Đã tiếp nhận', refused: 'Không tiếp nhận được',
  },
  en: {
    heading: 'Reports waiting to be accepted', task: 'Assignment', agency: 'Reporting agency', waited: 'Waiting', pick: (t: string, a: string) => `Select the report: ${t} — ${a}`,
    accept: 'Accept the selected reports', note: 'Note on acceptance (optional)', none: 'No report is waiting.', unknown: 'unknown',
    results: 'Results', done: 'Accepted', refused: 'Not accepted',
  },
};

const assignmentLink = (id: string) => `/assignments/${encodeURIComponent(id)}`;

export const ReviewQueue = (props: { lang: Lang; csrf: string; reviews: WaitingReview[]; agencyNames: Map<string, string>; now: Date }) => {
  const w = WORDS[props.lang];
  if (props.reviews.length === 0) return <section aria-labelledby="reviews-heading"><h2 id="reviews-heading">{w.heading}</h2><p>{w.none}</p></section>;
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{w.heading}</h2>
      <form method="post" action="/reviews">
        <CsrfField token={props.csrf} />
        <table>
          <thead><tr><th scope="col"><span class="visually-hidden">✓</span></th><th scope="col">{w.task}</th><th scope="col">{w.agency}</th><th scope="col">{w.waited}</th></tr></thead>
          <tbody>
            {props.reviews.map((r) => {
              const agency = (r.assignee && props.agencyNames.get(r.assignee)) ?? r.assignee ?? '—';
              return (
                <tr>
                  <td><input type="checkbox" name="ids" value={r.id} aria-label={w.pick(r.title, agency)} /></td>
                  <td><a href={assignmentLink(r.id)}>{r.title}</a>{r.planNumber ? <div class="muted">{r.planNumber}{r.cycle ? ` · ${r.cycle}` : ''}</div> : null}</td>
                  <td>{agency}</td>
                  <td>{r.since ? waitedWords(props.lang, props.now, r.since) : w.unknown}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <label for="review-note">{w.note}</label>
        <textarea id="review-note" name="note" rows={2} maxlength={1500}></textarea>
        <button type="submit">{w.accept}</button>
      </form>
    </section>
  );
};

export interface ReviewResultRow {
  id: string;
  title: string;
  outcome: { ok: true } | Refusal;
}

export const ReviewResults = (props: { lang: Lang; results: ReviewResultRow[] }) => {
  const w = WORDS[props.lang];
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{w.results}</h2>
      <table>
        <thead><tr><th scope="col">{w.task}</th><th scope="col">{w.results}</th></tr></thead>
        <tbody>
          {props.results.map((r) => (
            <tr class={r.outcome.ok ? 'result-done' : 'result-refused'}>
              <td><a href={assignmentLink(r.id)}>{r.title}</a></td>
              <td>{r.outcome.ok ? w.done : `${w.refused}: ${r.outcome.message}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
