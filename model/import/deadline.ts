// A deadline phrase in a clause → the plan's Deadline: "trước ngày 20/11/2021", "chậm nhất 10h00' ngày 27/4/2020",
// "trong tháng 12/2025", "trước ngày 30 tháng 12 hàng năm", "trước 25-10 hằng năm", "trong vòng 15 ngày làm việc kể
// từ ngày ban hành". A day and month without a year, and not recurring, is flagged, never completed with a year.
import type { Deadline } from '../plan';
import { dateAt, isoDate, lastDayOfMonth } from './dates';
import type { Span } from './text';

export type DeadlineFinding =
  | { kind: 'deadline'; deadline: Deadline; span: Span }
  | { kind: 'no-year'; span: Span };

const TIME = String.raw`(?:\d{1,2}\s*(?:h|gio)\s*\d{0,2}\s*'?\s*(?:phut\s*)?,?\s*)?`;
const KEYWORD = new RegExp(String.raw`(truoc|cham nhat(?:\s+la)?|han cuoi(?:\s+la)?|hoan thanh(?:\s+truoc)?|den|trong thang)\s+${TIME}(ngay\s+)?`, 'g');
const RECURRING = /^[\s,)]*(?:cua\s+)?hang\s+nam/;
const WITHIN = /trong (?:vong|thoi han)\s+(\d{1,3})\s+ngay\s*(lam viec)?\s*(?:,\s*)?(?:ke tu|tu)\s+ngay\s+(?:ky\s+)?ban hanh/g;

/** The first deadline stated in `folded[from, to)`, or a flag for a day and month with no year. */
export function findDeadline(folded: string, from: number, to: number): DeadlineFinding | undefined {
  const within = new RegExp(WITHIN.source, 'g');
  within.lastIndex = from;
  const w = within.exec(folded);
  const keyword = new RegExp(KEYWORD.source, 'g');
  keyword.lastIndex = from;
  for (let m = keyword.exec(folded); m && m.index < to; m = keyword.exec(folded)) {
    if (w && w.index < m.index && w.index < to) break;
    const found = deadlineAt(folded, m, to);
    if (found) return found;
  }
  if (w && w.index < to) {
    const deadline: Deadline = { kind: 'after-issue', days: Number(w[1]), unit: w[2] ? 'working-days' : 'days' };
    return { kind: 'deadline', deadline, span: { start: w.index, end: w.index + w[0].length } };
  }
  return undefined;
}

function deadlineAt(folded: string, m: RegExpExecArray, to: number): DeadlineFinding | undefined {
  const word = m[1] ?? '';
  const at = m.index + m[0].length;
  if (word === 'trong thang') return monthDeadline(folded, m.index, at);
  // "từ ngày X đến ngày Y" is the period reported on, not a deadline.
  if (word === 'den' && (!m[2] || /tu\s+(?:ngay\s+)?[\d/]+\s*$/.test(folded.slice(Math.max(0, m.index - 40), m.index)))) return undefined;
  const date = dateAt(folded, at);
  if (!date || date.start >= to) return undefined;
  const span = { start: m.index, end: date.end };
  const wording = word.startsWith('truoc') || word === 'hoan thanh truoc' ? 'before' : 'by';
  if (date.kind === 'full') return { kind: 'deadline', deadline: { kind: 'date', date: date.date, wording }, span };
  // "trước ngày 15/12 hằng năm", or "định kỳ hằng năm ... trước ngày 15/12".
  if (RECURRING.test(folded.slice(date.end, date.end + 20)) || /hang nam\b[^.;]{0,60}$/.test(folded.slice(Math.max(0, m.index - 70), m.index))) {
    const on = recurringDay(date.month, date.day, wording);
    return on ? { kind: 'deadline', deadline: { kind: 'recurring', every: 'year', on }, span: { ...span, end: date.end + 12 } } : undefined;
  }
  return { kind: 'no-year', span };
}

/** "trong tháng 12/2025" or "trong tháng 12 năm 2025": by the month's last day. */
function monthDeadline(folded: string, start: number, at: number): DeadlineFinding | undefined {
  const m = /^(\d{1,2})\s*(?:\/|nam\s+)\s*(\d{4})/.exec(folded.slice(at, at + 16));
  const date = m && lastDayOfMonth(Number(m[2]), Number(m[1]));
  return date && m ? { kind: 'deadline', deadline: { kind: 'date', date, wording: 'by' }, span: { start, end: at + m[0].length } } : undefined;
}

/** A yearly day as MM-DD; "trước" a day makes the day before the last one (as `lastDay` does for dates). */
function recurringDay(month: number, day: number, wording: 'before' | 'by'): string | undefined {
  const date = isoDate(2001, month, day); // a non-leap year: 29/02 is no yearly day
  if (!date) return undefined;
  if (wording === 'by') return date.slice(5);
  const prev = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString();
  return prev.slice(5, 10);
}
