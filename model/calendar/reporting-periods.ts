// Periodic reporting periods of Decree 09/2019/NĐ-CP, Art. 12: data is cut off from the 15th of the month before
// a period to the 14th of its last month (monthly, quarterly, six-month, nine-month, annual).
import { civilDate, yearOf, type CivilDate } from './civil-date';

export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'nine-months' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half-year', 'nine-months', 'year'];

export interface ReportingPeriod {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for nine-month and annual periods. */
  index: number;
  /** The data cut-off window, both ends included. */
  cutoff: { from: CivilDate; to: CivilDate };
  label: { vi: string; en: string };
}

/** Month `m` of `year`, with months past 12 or below 1 rolled into the neighbouring years. */
function monthStart(year: number, month: number): { year: number; month: number } {
  const zeroBased = year * 12 + (month - 1);
  return { year: Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

function window(year: number, firstMonth: number, lastMonth: number): { from: CivilDate; to: CivilDate } {
  const before = monthStart(year, firstMonth - 1);
  return { from: civilDate(before.year, before.month, 15), to: civilDate(year, lastMonth, 14) };
}

/**
 * The period of a kind whose cut-off window holds the date, or undefined where the kind has none (a nine-month
 * report covers 15/12 to 14/9; dates from 15/9 to 14/12 belong to no nine-month period).
 */
export function periodContaining(kind: PeriodKind, date: CivilDate): ReportingPeriod | undefined {
  const day = Number(date.slice(8, 10));
  // From the 15th on, a date belongs to the next month's window.
  const { year, month } = monthStart(yearOf(date), Number(date.slice(5, 7)) + (day >= 15 ? 1 : 0));
  switch (kind) {
    case 'month':
      return { kind, year, index: month, cutoff: window(year, month, month), label: { vi: `tháng ${month}/${year}`, en: `${year}-${String(month).padStart(2, '0')}` } };
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return { kind, year, index: q, cutoff: window(year, q * 3 - 2, q * 3), label: { vi: `quý ${['I', 'II', 'III', 'IV'][q - 1]}/${year}`, en: `Q${q} ${year}` } };
    }
    case 'half-year': {
      const h = month <= 6 ? 1 : 2;
      return { kind, year, index: h, cutoff: window(year, h === 1 ? 1 : 7, h * 6), label: { vi: h === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`, en: `H${h} ${year}` } };
    }
    case 'nine-months':
      return month <= 9 ? { kind, year, index: 1, cutoff: window(year, 1, 9), label: { vi: `9 tháng năm ${year}`, en: `nine months of ${year}` } } : undefined;
    case 'year':
      return { kind, year, index: 1, cutoff: window(year, 1, 12), label: { vi: `năm ${year}`, en: `year ${year}` } };
  }
}
