// Where things are: the end of a news item's own text (before bylines, "Các tin bài khác", site footers), the
// end of a full text's preamble, and its sections by their Roman-numeral headings ("V. TỔ CHỨC THỰC HIỆN").
import type { Source, Span } from './text';

const AFTER_CONTENT = /^(?:[•*-]\s*)?(?:tac gia|nguon|bien tap|cac tin(?: bai)? khac|tin (?:lien quan|khac|cung chuyen muc)|bai viet (?:khac|lien quan)|xem them|lien ket\b|so luot truy cap|tong truy cap|thong ke truy cap|chia se|in bai|ban quyen|co quan chu quan|chiu trach nhiem|tim theo ngay|tai (?:de cuong|ve|file))/;

/** The end of the text a reader may use: a news item stops before its byline block and the site's links. */
export function contentEnd(source: Source): number {
  let at = 0;
  for (const line of source.folded.split('\n')) {
    if (AFTER_CONTENT.test(line.trim())) return Math.max(0, at - 1);
    at += line.length + 1;
  }
  return source.folded.length;
}

/** The end of the preamble of a full text: "như sau:", "QUYẾT ĐỊNH:" or its first numbered section. */
export function preambleEnd(source: Source, from: number): number {
  const rest = source.folded.slice(from);
  const m = /nhu sau\s*:|quyet dinh\s*:|(?:^|\n)\s*(?:i|phan i|1)\.\s/.exec(rest);
  if (!m) return source.folded.length;
  // After "như sau:", but before a first section's heading, which belongs to the body.
  return from + m.index + (/^(?:nhu sau|quyet dinh)/.test(m[0]) ? m[0].length : 0);
}

export interface Section {
  heading: string;
  span: Span;
}

const ROMAN = /(?:^|\n)\s*((?:[IVX]{1,5}|PHẦN [IVX]{1,5}|Phần [IVX]{1,5})\.?\s+[^\n]{2,120})/gu;

/** Top-level sections of a full text, each from its heading to the next. */
export function sectionsOf(source: Source, from: number, to: number): Section[] {
  const heads = [...source.text.slice(0, to).matchAll(ROMAN)].filter((m) => m.index >= from);
  return heads.map((m, i) => {
    const start = m.index + m[0].indexOf(m[1] ?? '');
    return { heading: (m[1] ?? '').trim(), span: { start, end: heads[i + 1]?.index ?? to } };
  });
}

export const sectionWith = (sections: Section[], source: Source, pattern: RegExp): Section | undefined =>
  sections.find((s) => pattern.test(source.folded.slice(s.span.start, s.span.start + s.heading.length)));
