// The lead office's consolidation: indicator values summed across the agencies that reported (a ratio is
// recomputed from summed numerators and denominators, never by averaging percentages), compared with the plan's
// dated targets, with the agencies that did not report named. Pure, so the workflow can run it.
import type { ReportValues } from './actions';
import { formatVietnamese, type CivilDate } from './calendar';
import type { Indicator } from './plan';

export interface AcceptedReport {
  agencyId: string;
  agencyName: string;
  values: ReportValues;
}

export interface IndicatorResult {
  indicator: Indicator;
  /** A percentage for a ratio, a sum for a count; undefined when nobody reported it. */
  value?: number;
  numerator?: number;
  denominator?: number;
  reportedBy: number;
  targets: { by: CivilDate; value: number; met: boolean }[];
}

export interface ConsolidationResult {
  asOf: CivilDate;
  expected: number;
  reported: string[];
  missing: string[];
  indicators: IndicatorResult[];
}

export function consolidate(
  indicators: Indicator[], reports: AcceptedReport[], expected: { id: string; name: string }[], asOf: CivilDate,
): ConsolidationResult {
  const reportedIds = new Set(reports.map((r) => r.agencyId));
  return {
    asOf,
    expected: expected.length,
    reported: reports.map((r) => r.agencyName),
    missing: expected.filter((e) => !reportedIds.has(e.id)).map((e) => e.name),
    indicators: indicators.map((indicator) => aggregate(indicator, reports)),
  };
}

function aggregate(indicator: Indicator, reports: AcceptedReport[]): IndicatorResult {
  const values = reports.map((r) => r.values[indicator.id]).filter((v) => v !== undefined);
  let result: Pick<IndicatorResult, 'value' | 'numerator' | 'denominator'> = {};
  if (indicator.measure.kind === 'ratio') {
    const parts = values.filter((v) => typeof v === 'object');
    const numerator = parts.reduce((sum, v) => sum + v.numerator, 0);
    const denominator = parts.reduce((sum, v) => sum + v.denominator, 0);
    if (denominator > 0) result = { value: (100 * numerator) / denominator, numerator, denominator };
  } else {
    const counts = values.filter((v) => typeof v === 'number');
    if (counts.length) result = { value: counts.reduce((sum, v) => sum + v, 0) };
  }
  const targets = indicator.targets.map((t) => ({ by: t.by, value: t.value, met: result.value !== undefined && result.value >= t.value }));
  return { indicator, ...result, reportedBy: values.length, targets };
}

const percent = (n: number) => `${n.toFixed(1).replace('.', ',')}%`;

/** The consolidated report in Markdown, addressed to the superiors the plan names. */
export function consolidatedMarkdown(
  plan: { number: string; title: string }, by: string, to: string[], result: ConsolidationResult,
  round: { cycleLabel?: string; supplement?: boolean } = {},
): string {
  const kind = round.supplement ? 'Báo cáo bổ sung' : 'Báo cáo tổng hợp';
  const lines = [
    `# ${kind} kết quả thực hiện Kế hoạch ${plan.number}${round.cycleLabel ? ` (${round.cycleLabel})` : ''}`,
    '',
    `*${plan.title}*`,
    '',
    `Kính gửi: ${to.join('; ')}`,
    '',
    // Zero reports is news in itself, said plainly rather than as "0/3".
    result.reported.length === 0
      ? `${by} tổng hợp đến ngày ${formatVietnamese(result.asOf)}: chưa có đơn vị nào gửi báo cáo (${result.expected} đơn vị phải báo cáo).`
      : `${by} tổng hợp báo cáo đến ngày ${formatVietnamese(result.asOf)}: ${result.reported.length}/${result.expected} đơn vị đã báo cáo.`,
    ...(round.supplement ? ['', 'Báo cáo này bổ sung số liệu của các đơn vị báo cáo sau kỳ tổng hợp trước.'] : []),
    '',
    '## Chỉ tiêu',
    '',
  ];
  for (const r of result.indicators) {
    if (r.value === undefined) {
      lines.push(`- ${r.indicator.name}: chưa có số liệu.`);
      continue;
    }
    const figure = r.indicator.measure.kind === 'ratio'
      ? `${percent(r.value)} (${r.numerator}/${r.denominator}: ${r.indicator.measure.numerator} / ${r.indicator.measure.denominator})`
      : `${r.value} ${r.indicator.measure.unit}`;
    lines.push(`- ${r.indicator.name}: **${figure}**, từ ${r.reportedBy} đơn vị.`);
    for (const t of r.targets) {
      const target = r.indicator.measure.kind === 'ratio' ? percent(t.value) : String(t.value);
      lines.push(`  - Mục tiêu ${target} đến ${formatVietnamese(t.by)}: ${t.met ? 'đã đạt' : 'chưa đạt'}.`);
    }
  }
  lines.push('', '## Đơn vị chưa báo cáo', '');
  lines.push(...(result.missing.length ? result.missing.map((m) => `- ${m}`) : ['Không có.']));
  return `${lines.join('\n')}\n`;
}
