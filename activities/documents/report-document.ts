// The consolidated report (Báo cáo tổng hợp) of one consolidation and cycle as an official document: who reported
// and who did not, the indicator table (summed values, recomputed ratios, dated targets), supplementary reports
// marked as such, the signature block of the consolidating body and Nơi nhận.
import type { Document, FileChild } from 'docx';
import { formatVietnamese } from '../../model/calendar';
import type { ConsolidatedReport } from '../../model/report';
import {
  addressees, closing, decree30Document, documentHead, gridTable, numberedSections, para,
} from './decree30';
import { INDICATOR_HEADER, indicatorRows, planReference } from './report-rows';
import { lowerFirst, placeOf, symbolOf } from './words';

/** Offices, departments and units print their People's Committee above their own name. */
const UNDER_SUPERIOR = new Set(['office', 'department', 'unit']);

export function reportDocument(report: ConsolidatedReport): Document {
  const { plan, by, result } = report;
  const ownIssuer = by.name === plan.issuer.name;
  const head = documentHead({
    body: by,
    superior: !ownIssuer && UNDER_SUPERIOR.has(by.kind) && plan.issuer.kind === 'people-committee' ? plan.issuer.name : undefined,
    // The clerk numbers the report; its symbol is the plan's issuer part when the issuer itself consolidates.
    number: `      /BC-${ownIssuer ? plan.number.split('/KH-')[1] ?? symbolOf(by.name) : symbolOf(by.name)}`,
    place: plan.place ?? placeOf(by.name), date: result.asOf,
    kind: 'BÁO CÁO',
    summary: [
      `Tổng hợp kết quả thực hiện ${planReference(plan)}`,
      ...(report.cycle ? [`(${report.cycle})`] : []),
      ...(report.supplement ? ['(Báo cáo bổ sung)'] : []),
    ],
  });
  return decree30Document(`Báo cáo tổng hợp ${planReference(plan)}`, [
    ...head,
    ...addressees(report.to),
    para(`Thực hiện ${planReference(plan)}${plan.number.startsWith('…') ? '' : ` về ${lowerFirst(plan.title)}`}, ${by.name} tổng hợp kết quả thực hiện${report.cycle ? ` ${report.cycle}` : ''} (số liệu đến ngày ${formatVietnamese(result.asOf)}) như sau:`),
    ...(report.supplement ? [para('Báo cáo này bổ sung báo cáo tổng hợp đã gửi, với số liệu của các đơn vị báo cáo sau thời hạn.', { italics: true })] : []),
    ...numberedSections([
      ['Tình hình báo cáo của các đơn vị', whoReported(report)],
      ['Kết quả thực hiện các chỉ tiêu', indicators(report)],
      ['Đề xuất, kiến nghị', result.missing.length ? [para(`Đề nghị ${report.to.join(', ')} chỉ đạo các đơn vị chưa báo cáo khẩn trương gửi báo cáo để tổng hợp bổ sung.`)] : []],
    ]),
    para(`Trên đây là báo cáo tổng hợp kết quả thực hiện ${planReference(plan)}. ${by.name} kính báo cáo ${report.to.join(', ')} xem xét, chỉ đạo./.`),
    ...closing(['Như trên;', 'Lưu: VT.'], report.signer),
  ]);
}

function whoReported({ result }: ConsolidatedReport): FileChild[] {
  const lines = [para(`Có ${result.reported.length}/${result.expected} đơn vị đã gửi báo cáo${result.reported.length ? `: ${result.reported.join(', ')}.` : '.'}`)];
  lines.push(para(result.missing.length ? `Có ${result.missing.length} đơn vị chưa gửi báo cáo: ${result.missing.join(', ')}.` : 'Tất cả các đơn vị đã gửi báo cáo.'));
  return lines;
}

function indicators(report: ConsolidatedReport): FileChild[] {
  if (!report.result.indicators.length) return [para('Kỳ báo cáo này không có chỉ tiêu định lượng.')];
  return [gridTable(INDICATOR_HEADER, indicatorRows(report), [0.06, 0.42, 0.2, 0.18, 0.14])];
}
