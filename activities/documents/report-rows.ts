// The consolidated report's indicator table as rows of text, shared by the .docx and the email's HTML table so both
// say the same thing: summed values, ratios recomputed from summed parts, dated targets and whether each is met.
import { formatVietnamese } from '../../model/calendar';
import type { ConsolidatedReport } from '../../model/report';

export const INDICATOR_HEADER = ['TT', 'Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Đánh giá'];

type IndicatorResult = ConsolidatedReport['result']['indicators'][number];

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const percent = (n: number) => `${number(Math.round(n * 10) / 10)}%`;

function figure(r: IndicatorResult): string {
  if (r.value === undefined) return 'chưa có số liệu';
  const measure = r.indicator.measure;
  const value = measure.kind === 'ratio' ? `${percent(r.value)} (${number(r.numerator ?? 0)}/${number(r.denominator ?? 0)})` : `${number(r.value)} ${measure.unit}`;
  return `${value}\ntừ ${r.reportedBy} đơn vị`;
}

const target = (r: IndicatorResult, t: IndicatorResult['targets'][number]) =>
  `${r.indicator.measure.kind === 'ratio' ? percent(t.value) : `${number(t.value)} ${r.indicator.measure.unit}`} đến ${formatVietnamese(t.by)}`;

/** One row per indicator: number, name, result, targets (one per line), met or not (one per line). */
export function indicatorRows(report: ConsolidatedReport): string[][] {
  return report.result.indicators.map((r, i) => [
    String(i + 1),
    r.indicator.name,
    figure(r),
    r.targets.map((t) => target(r, t)).join('\n') || '—',
    r.targets.map((t) => (r.value === undefined ? 'chưa đánh giá' : t.met ? 'đạt' : 'chưa đạt')).join('\n') || '—',
  ]);
}

/** "Kế hoạch số 292/KH-UBND ngày 22/02/2019 của Ủy ban nhân dân huyện Điện Biên", or by its title when unnumbered. */
export function planReference(plan: ConsolidatedReport['plan']): string {
  const numbered = !plan.number.startsWith('…');
  const named = numbered ? `Kế hoạch số ${plan.number}` : `Kế hoạch ${plan.title}`;
  return `${named}${plan.issuedOn ? ` ngày ${formatVietnamese(plan.issuedOn)}` : ''} của ${plan.issuer.name}`;
}
