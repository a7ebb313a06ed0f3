// One assignment as its people see it: the clause verbatim, the plan, the last day and working days left, lead and
// coordinating agencies, its report, attachments and history; and the forms its viewer may use (report, review,
// extend). Every form posts without JavaScript.
import { UPDATE_LIMITS } from '../../../model/actions';
import type { Indicator } from '../../../model/plan';
import { OPEN_STATUSES } from '../../../model/status';
import type { AttachmentInfo } from '../../../store/attachments';
import type { AssignmentView } from '../../../workflows/state';
import { workingDaysLeft } from '../dates';
import { formatDate, type Lang } from '../i18n';
import { statusLabel } from '../labels';
import { CsrfField } from '../layout';

const WORDS = {
  vi: {
    plan: 'Kế hoạch', clause: 'Nội dung nhiệm vụ', assignee: 'Đơn vị thực hiện', lead: 'Đơn vị chủ trì', coordinators: 'Đơn vị phối hợp',
    lastDay: 'Hạn cuối', left: (n: number) => (n >= 0 ? `còn ${n} ngày làm việc` : `quá hạn ${-n} ngày làm việc`), status: 'Trạng thái',
    report: 'Báo cáo đã nộp', attachments: 'Tệp đính kèm', history: 'Diễn biến', submit: 'Nộp báo cáo', resubmit: 'Nộp lại báo cáo',
    text: 'Nội dung báo cáo', files: 'Tệp đính kèm (PDF, DOCX, XLSX, ảnh; mỗi tệp tối đa 20 MB)', numerator: 'tử số', denominator: 'mẫu số',
    review: 'Duyệt báo cáo', accept: 'Chấp nhận', ret: 'Trả lại', reason: 'Lý do trả lại', newLastDay: 'Hạn mới (không bắt buộc)',
    extend: 'Gia hạn', extendTo: 'Hạn mới', extendReason: 'Lý do gia hạn', none: 'Chưa có.',
    actions: {
      submit: 'nộp báo cáo', accept: 'tiếp nhận', return: 'trả lại', extend: 'gia hạn', approve: 'phê duyệt', cancel: 'hủy', consolidate: 'tổng hợp',
      reassign: 'chuyển giao', 'add-agency': 'bổ sung đơn vị', 'remove-agency': 'bớt đơn vị', 'change-deadline': 'đổi thời hạn',
    },
  },
  en: {
    plan: 'Plan', clause: 'The task', assignee: 'Assignee', lead: 'Lead agency', coordinators: 'Coordinating agencies',
    lastDay: 'Last day', left: (n: number) => (n >= 0 ? `${n} working days left` : `${-n} working days late`), status: 'Status',
    report: 'Submitted report', attachments: 'Attachments', history: 'History', submit: 'Submit the report', resubmit: 'Submit again',
    text: 'Report', files: 'Attachments (PDF, DOCX, XLSX, images; at most 20 MB each)', numerator: 'numerator', denominator: 'denominator',
    review: 'Review the report', accept: 'Accept', ret: 'Return', reason: 'Reason for returning', newLastDay: 'New last day (optional)',
    extend: 'Extend', extendTo: 'New last day', extendReason: 'Reason', none: 'None yet.',
    actions: {
      submit: 'submitted', accept: 'accepted', return: 'returned', extend: 'extended', approve: 'approved', cancel: 'cancelled', consolidate: 'consolidated',
      reassign: 'reassigned', 'add-agency': 'agency added', 'remove-agency': 'agency removed', 'change-deadline': 'deadline changed',
    },
  },
};
type Words = (typeof WORDS)['vi'];

export interface AssignmentPageProps {
  lang: Lang;
  csrf: string;
  view: AssignmentView;
  attachments: AttachmentInfo[];
  mayReport: boolean;
  mayReview: boolean;
  mayExtend: boolean;
  now: Date;
  error?: string;
}

const action = (id: string, verb: string) => `/assignments/${encodeURIComponent(id)}/${verb}`;

export const AssignmentPage = (props: AssignmentPageProps) => {
  const w = WORDS[props.lang];
  const { view } = props;
  const open = OPEN_STATUSES.includes(view.status);
  return (
    <>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <dl class="facts">
        <dt>{w.plan}</dt><dd><a href={`/plans/${encodeURIComponent(view.spec.planId)}`}>{view.spec.plan.number}</a> — {view.spec.plan.title}</dd>
        <dt>{w.assignee}</dt><dd>{view.spec.assignee.name}</dd>
        <dt>{w.lead}</dt><dd>{view.spec.lead.name}</dd>
        {view.spec.coordinators.length ? <><dt>{w.coordinators}</dt><dd>{view.spec.coordinators.join(', ')}</dd></> : null}
        <dt>{w.lastDay}</dt><dd>{view.lastDay ? `${formatDate(view.lastDay)} (${w.left(workingDaysLeft(view.lastDay, props.now))})` : '—'}</dd>
        <dt>{w.status}</dt><dd><span class="status">{statusLabel(view.status, props.lang)}</span></dd>
      </dl>
      <h2>{w.clause}</h2>
      <blockquote>{view.spec.text}</blockquote>
      <h2>{w.report}</h2>
      {view.report ? <ReportShown view={view} /> : <p>{w.none}</p>}
      <h2>{w.attachments}</h2>
      {props.attachments.length ? (
        <ul>{props.attachments.map((a) => <li><a href={`/attachments/${a.id}`}>{a.filename}</a> ({Math.ceil(a.size / 1024)} KB)</li>)}</ul>
      ) : <p>{w.none}</p>}
      <h2>{w.history}</h2>
      <ol>{view.actions.map((a) => <li>{formatDate(new Date(a.at))}: {a.by} {w.actions[a.action]}{a.note ? ` — ${a.note}` : ''}</li>)}</ol>
      {props.mayReport && open ? <ReportForm {...props} w={w} /> : null}
      {props.mayReview && view.status === 'submitted' ? <ReviewForm {...props} w={w} /> : null}
      {props.mayExtend && open ? <ExtendForm {...props} w={w} /> : null}
    </>
  );
};

const ReportShown = (props: { view: AssignmentView }) => (
  <>
    <p>{props.view.report?.text}</p>
    <ul>
      {Object.entries(props.view.report?.values ?? {}).map(([id, value]) => {
        const indicator = props.view.spec.indicators.find((i) => i.id === id);
        return <li>{indicator?.name ?? id}: {typeof value === 'number' ? value : `${value.numerator}/${value.denominator}`}</li>;
      })}
    </ul>
  </>
);

const IndicatorInput = (props: { indicator: Indicator; w: Words }) => {
  const { indicator, w } = props;
  const field = `value.${indicator.id}`;
  switch (indicator.measure.kind) {
    case 'count':
      return (
        <div>
          <label for={field}>{indicator.name} ({indicator.measure.unit})</label>
          <input id={field} name={field} type="number" min={0} step={1} />
        </div>
      );
    case 'ratio':
      return (
        <fieldset>
          <legend>{indicator.name}</legend>
          <label for={`${field}.numerator`}>{indicator.measure.numerator} ({w.numerator})</label>
          <input id={`${field}.numerator`} name={`${field}.numerator`} type="number" min={0} step={1} />
          <label for={`${field}.denominator`}>{indicator.measure.denominator} ({w.denominator})</label>
          <input id={`${field}.denominator`} name={`${field}.denominator`} type="number" min={1} step={1} />
        </fieldset>
      );
    default: {
      const never: never = indicator.measure;
      throw new Error(`unknown measure ${JSON.stringify(never)}`);
    }
  }
};

const ReportForm = (props: AssignmentPageProps & { w: Words }) => (
  <section>
    <h2>{props.view.status === 'returned' ? props.w.resubmit : props.w.submit}</h2>
    <form method="post" action={action(props.view.id, 'report')} enctype="multipart/form-data" hx-boost="false">
      <CsrfField token={props.csrf} />
      <label for="text">{props.w.text}</label>
      <textarea id="text" name="text" rows={6} required maxlength={UPDATE_LIMITS.reportLength}></textarea>
      {props.view.spec.indicators.map((indicator) => <IndicatorInput indicator={indicator} w={props.w} />)}
      <label for="files">{props.w.files}</label>
      <input id="files" name="files" type="file" multiple accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp" />
      <button type="submit">{props.view.status === 'returned' ? props.w.resubmit : props.w.submit}</button>
    </form>
  </section>
);

const ReviewForm = (props: AssignmentPageProps & { w: Words }) => (
  <section>
    <h2>{props.w.review}</h2>
    <form method="post" action={action(props.view.id, 'review')}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="decision" value="accept" />
      <button type="submit">{props.w.accept}</button>
    </form>
    <form method="post" action={action(props.view.id, 'review')}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="decision" value="return" />
      <label for="reason">{props.w.reason}</label>
      <textarea id="reason" name="reason" rows={3} required maxlength={2000}></textarea>
      <label for="newLastDay">{props.w.newLastDay}</label>
      <input id="newLastDay" name="newLastDay" type="date" />
      <button type="submit">{props.w.ret}</button>
    </form>
  </section>
);

const ExtendForm = (props: AssignmentPageProps & { w: Words }) => (
  <section>
    <h2>{props.w.extend}</h2>
    <form method="post" action={action(props.view.id, 'extend')}>
      <CsrfField token={props.csrf} />
      <label for="extendTo">{props.w.extendTo}</label>
      <input id="extendTo" name="newLastDay" type="date" required />
      <label for="extendReason">{props.w.extendReason}</label>
      <textarea id="extendReason" name="reason" rows={2} required maxlength={2000}></textarea>
      <button type="submit">{props.w.extend}</button>
    </form>
  </section>
);
