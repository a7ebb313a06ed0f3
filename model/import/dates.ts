// Vietnamese dates as plans write them: "ngày 07 tháng 6 năm 2019", "22/02/2019", "22-02-2019", and the partial
// "ngày 29/5" (no year), which is kept as written and flagged: a year is never borrowed from elsewhere.

export type FoundDate =
  | { kind: 'full'; date: string; start: number; end: number }
  | { kind: 'partial'; day: number; month: number; text: string; start: number; end: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the day exists in that month, else undefined (a misread number is not a date). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? undefined : `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): string | undefined {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

// Patterns for folded text. A full date: "22/02/2019", "22-02-2019", "22.02.2019", "22 thang 02 nam 2019".
const NUMERIC = /(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})/y;
const WORDED = /(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})/y;
const PARTIAL = /(\d{1,2})\s*(?:[/-]|\s+thang\s+)\s*(\d{1,2})(?![\d/.-]*\d)(?!\s*(?:,\s*)?nam\s+\d)/y;

/** The date written at `at` in folded text, if one starts exactly there. */
export function dateAt(folded: string, at: number): FoundDate | undefined {
  for (const re of [NUMERIC, WORDED]) {
    re.lastIndex = at;
    const m = re.exec(folded);
    if (!m) continue;
    const [d, mo, y] = re === NUMERIC ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    const date = isoDate(Number(y), Number(mo), Number(d));
    if (date) return { kind: 'full', date, start: at, end: at + m[0].length };
  }
  PARTIAL.lastIndex = at;
  const p = PARTIAL.exec(folded);
  if (p && Number(p[2]) >= 1 && Number(p[2]) <= 12 && Number(p[1]) >= 1 && Number(p[1]) <= 31) {
    return { kind: 'partial', day: Number(p[1]), month: Number(p[2]), text: p[0], start: at, end: at + p[0].length };
  }
  return undefined;
}

/** Every "ngày <date>" in a range of folded text, in order. */
export function* datesAfterNgay(folded: string, from: number, to: number): Generator<FoundDate> {
  const re = /ngay\s+/g;
  re.lastIndex = from;
  for (let m = re.exec(folded); m && m.index < to; m = re.exec(folded)) {
    const found = dateAt(folded, m.index + m[0].length);
    if (found && found.end <= to) yield { ...found, start: m.index };
  }
}
