// The years a plan runs: "giai đoạn 2019 - 2025", "từ năm 2019 đến năm 2025", "năm 2021" in its title, or its
// "Thời gian thực hiện". "đến năm 2025, định hướng đến năm 2030" names horizons, not a period, and gives none.
import { matchAll, type Source, type Span } from './text';

export interface Period {
  value: { from: number; to: number };
  span: Span;
}

const RANGE = /(?:giai doan|tu nam)\s+(\d{4})\s*(?:[-–]|den nam|den)\s*(\d{4})/;
const SINGLE = /(?<!den\s)(?<!toi\s)(?<!nhin\s)\bnam\s+(\d{4})\b/;
const STATED = /thoi gian thuc hien\s*:?\s*(?:trong\s+)?(?:tu\s+)?(?:nam|giai doan)\s+(\d{4})(?:\s*(?:[-–]|den(?:\s+nam)?)\s*(\d{4}))?/;

export function readPeriod(source: Source, title: Span | undefined): Period | undefined {
  if (title) {
    const range = first(source, RANGE, title);
    if (range) return range;
    const titleText = source.folded.slice(title.start, title.end);
    if (!/\bden (?:het )?nam\b/.test(titleText)) {
      const single = first(source, SINGLE, title);
      if (single) return single;
    }
  }
  return first(source, STATED, { start: 0, end: source.folded.length }) ?? first(source, /thoi gian thuc hien\s+tu\s+nam\s+(\d{4})\s+den\s+nam\s+(\d{4})/, { start: 0, end: source.folded.length });
}

function first(source: Source, re: RegExp, within: Span): Period | undefined {
  for (const m of matchAll(source, re, within.start, within.end)) {
    if (m.index + m[0].length > within.end) return undefined;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from < 1945 || to > 2100 || from > to) continue;
    return { value: { from, to }, span: { start: m.index, end: m.index + m[0].length } };
  }
  return undefined;
}
