// Objectives and their dated targets: "Mục tiêu ... đến năm 2020, phấn đấu 70% trẻ em ... được tiếp cận ...",
// "- Đến năm 2025: tỷ lệ ... dưới 24%; ...", "tối thiểu 20% đến năm 2015", a percentage under the heading
// "MỤC TIÊU ĐẾN NĂM 2030". A percentage counts only in an objective and only with a year the text gives it.
import { matchAll, quote, sentences, type Source, type Span } from './text';

export interface FoundTarget {
  value: number;
  year: number;
  /** The clause holding the percentage: the indicator's name in the document's words. */
  clause: Span;
  span: Span;
}

export interface FoundObjective {
  span: Span;
  targets: FoundTarget[];
}

const YEAR_MARK = /(?:(?:den|toi)\s+(?:het\s+)?nam|giai doan\s+\d{4}\s*[-–]\s*)\s*(\d{4})/g;
const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/g;
const OBJECTIVE_WORDS = /muc tieu|chi tieu|phan dau/;
const ROMAN_HEADING = /^(?:[ivx]+|phan\s+[ivx]+)\.?\s+\S/;

/** Objective paragraphs (by heading or by wording) and the targets in them, in order, from `from` on. */
export function readObjectives(source: Source, from: number, to = source.text.length): FoundObjective[] {
  const out: FoundObjective[] = [];
  let inObjectives = false;
  let year: number | undefined;
  for (const para of sentences(source)) {
    if (para.end <= from) continue;
    if (para.start >= to) break;
    const folded = source.folded.slice(para.start, para.end);
    const isHeading = ROMAN_HEADING.test(folded) || (/^(?:\d+\.|[a-z]\))\s/.test(folded) && folded.length < 90);
    if (ROMAN_HEADING.test(folded)) {
      inObjectives = OBJECTIVE_WORDS.test(folded);
      year = undefined;
    } else if (isHeading && OBJECTIVE_WORDS.test(folded)) inObjectives = true;
    const objectiveHere = inObjectives || OBJECTIVE_WORDS.test(folded);
    const targets: FoundTarget[] = [];
    let lastMark = { at: para.start, year };
    for (const m of matchAll(source, new RegExp(`${YEAR_MARK.source}|${PERCENT.source}`), para.start, para.end)) {
      if (m[1]) {
        lastMark = { at: m.index, year: Number(m[1]) };
        year = lastMark.year;
        continue;
      }
      const percentEnd = m.index + m[0].length;
      const after = new RegExp(`^\\s*(?:,\\s*)?${YEAR_MARK.source}`).exec(source.folded.slice(percentEnd, Math.min(para.end, percentEnd + 30)));
      const targetYear = after ? Number(after[1]) : year;
      if (!objectiveHere || targetYear === undefined) continue;
      const value = Number((m[2] ?? '').replace(',', '.'));
      if (!(value >= 0 && value <= 100)) continue;
      targets.push({ value, year: targetYear, clause: clauseAround(source, m.index, para), span: { start: m.index, end: percentEnd } });
    }
    // Outside an objectives section, a paragraph is an objective only when it sets a target or starts as one
    // ("Mục tiêu ...", "Phấn đấu ..."): "Kế hoạch đưa ra 4 mục tiêu ..." or "Để đạt được các mục tiêu ..." are not.
    const statesObjective = inObjectives ? !isHeading && folded.length > 40 : /^[-•+\s]*(?:muc tieu|phan dau)\b/.test(folded);
    if (targets.length > 0 || statesObjective) out.push({ span: para, targets });
  }
  return out;
}

/** The ";"-delimited part of a paragraph around a position. */
function clauseAround(source: Source, at: number, para: Span): Span {
  const t = source.text;
  let start = at;
  while (start > para.start && t[start - 1] !== ';' && t[start - 1] !== ':') start--;
  let end = at;
  while (end < para.end && t[end] !== ';') end++;
  return { start, end };
}

/** "70% trẻ em đến 8 tuổi ... được tiếp cận ...": numerator and denominator in the text's own words, when it says so. */
export function ratioWords(source: Source, target: FoundTarget): { numerator: string; denominator: string } | undefined {
  const after = source.text.slice(target.span.end, target.clause.end).trim();
  const m = /^(.{3,300}?)\s+(được|có|đạt)\s+(.{3,})$/su.exec(after);
  if (!m) return undefined;
  const subject = (m[1] ?? '').replace(/[,;.\s]+$/, '');
  return { numerator: oneLine(`${subject} ${m[2]} ${m[3]}`), denominator: oneLine(subject) };
}

export const clauseText = (source: Source, target: FoundTarget) => quote(source, target.clause).replace(/^[-–•+\s]+/, '');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/[;.\s]+$/, '').trim().slice(0, 300);

/** "4 mục tiêu với 24 chỉ tiêu": counts a text states without listing the items. */
export function readDeclaredCounts(source: Source, from: number): { objectives?: number; indicators?: number; span: Span } | undefined {
  const m = /(\d{1,3})\s+muc tieu\b[^.;]{0,40}?(\d{1,3})\s+chi tieu\b/.exec(source.folded.slice(from));
  if (!m) return undefined;
  return { objectives: Number(m[1]), indicators: Number(m[2]), span: { start: from + m.index, end: from + m.index + m[0].length } };
}
