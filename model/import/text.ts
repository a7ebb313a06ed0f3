// The source text as the importer reads it: cleaned once, then matched on a folded copy (lower case, no tone
// marks) whose positions are the same as the cleaned text's, so every match can quote its source span.

export interface Source {
  /** The cleaned text: what provenance quotes. */
  text: string;
  /** `text` in lower case without diacritics (đ → d), character for character: indices are shared. */
  folded: string;
}

/** Cleans what copying from web pages, e-office exports and PDFs leaves behind. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\\r\\n|\\n|\\r/g, '\n') // escapes some legal-text sites print literally
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u200b\ufeff]/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/\*\*/g, '') // Markdown bold around signature blocks
    .replace(/[ ]*\|[ ]*/g, '\n') // table cells of two-column headers become lines
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    // A line wrapped mid-sentence (PDF text, fixed-width copies) goes on with a lower-case word or a number.
    // (Only after a line of running text: "KẾ HOẠCH" above a lower-case title is a header, not a wrap.)
    .replace(/(?<=^[^\n]*\p{Ll}[^\n]*[\p{L}\d,])\n(?=\p{Ll}|\d(?!\d*[.)]\s))/gmu, ' ')
    // ... and one wrapped before a capitalised word ("... của\nThủ tướng"), after a long line of running text.
    .replace(/^(.{50,}\p{Ll})\n(?=\p{Lu}\p{Ll})/gmu, '$1 ')
    .trim();
}

/** One character's folded form; always one character, so folded and cleaned texts stay aligned. */
function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  const base = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return base.length === 1 ? base : c.toLowerCase().slice(0, 1) || c;
}

export function fold(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

export function makeSource(raw: string): Source {
  const text = cleanText(raw);
  return { text, folded: fold(text) };
}

/** A span of the source: where a value came from. */
export interface Span {
  start: number;
  end: number;
}

export const quote = (source: Source, span: Span): string => source.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();

/** Every match of a pattern (written for folded text) with its span. */
export function* matchAll(source: Source, pattern: RegExp, from = 0, to = source.folded.length): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  re.lastIndex = from;
  for (let m = re.exec(source.folded); m && m.index < to; m = re.exec(source.folded)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Sentences as spans: split at line ends and at ". " (or "; " when `clauses`) before a capital or a bullet. */
export function sentences(source: Source, clauses = false): Span[] {
  const out: Span[] = [];
  // A full stop after a list number ("1.", "II.", "a.") or an abbreviation ("TP.", "KT.") ends no sentence.
  const stop = String.raw`(?<!(?:^|\s)(?:\d{1,3}|[IVXivx]{1,5}|\p{L}{1,2}))[.!?]`;
  const boundary = new RegExp(clauses ? String.raw`\n|${stop}(?=\s+(?:\p{Lu}|[-•+]|\d+\.|$))|;\s` : String.raw`\n|${stop}(?=\s+(?:\p{Lu}|[-•+]|\d+\.)|\s*$)`, 'gu');
  let start = 0;
  for (const m of source.text.matchAll(boundary)) {
    const end = m.index + (m[0] === '\n' ? 0 : 1);
    if (end > start) out.push(trimSpan(source, { start, end }));
    start = m.index + m[0].length;
  }
  if (start < source.text.length) out.push(trimSpan(source, { start, end: source.text.length }));
  return out.filter((s) => s.end > s.start);
}

function trimSpan(source: Source, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(source.text[start] ?? '')) start++;
  while (end > start && /\s/.test(source.text[end - 1] ?? '')) end--;
  return { start, end };
}

/** `ubnd-huyen-van-quan` from a Vietnamese name; bounded so ids stay readable. */
export function slug(name: string, max = 48): string {
  const s = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const cut = s.length > max ? s.slice(0, max).replace(/-[^-]*$/, '') : s;
  return cut || 'x';
}

const PLACE_WORDS = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'phố', 'trấn']);
const PARTY_WORDS = new Set(['ủy', 'uỷ']);

/** After this word, the rest of an upper-case name is a place name (`TỈNH | BẮC NINH`, `HUYỆN ỦY | VĨNH CỬU`). */
function startsPlace(words: string[], i: number): boolean {
  const w = words[i] ?? '';
  const next = words[i + 1] ?? '';
  if (PLACE_WORDS.has(w)) return !PARTY_WORDS.has(next);
  if (PARTY_WORDS.has(w)) return i > 0;
  return i === 0 && w === 'bộ';
}

/** `Ủy ban nhân dân tỉnh Bắc Ninh` from `ỦY BAN NHÂN DÂN TỈNH BẮC NINH`: words after the place word keep capitals. */
export function fromUpperCase(upper: string): string {
  if (upper !== upper.toUpperCase()) return upper;
  const words = upper.toLowerCase().split(/\s+/);
  let place = false;
  return words
    .map((w, i) => {
      const out = i === 0 || place ? w.charAt(0).toUpperCase() + w.slice(1) : w;
      place ||= startsPlace(words, i);
      return out;
    })
    .join(' ')
    .replace(/^Uỷ/u, 'Ủy');
}
