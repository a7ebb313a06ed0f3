// Who issued the document, its number and symbol, when and where, and its title: from the header block of a full
// text ("ỦY BAN NHÂN DÂN / TỈNH BẮC NINH", "Số: 155/KH-UBND", "Bắc Ninh, ngày 26 tháng 5 năm 2017", "KẾ HOẠCH", title)
// or, in a news item, from the sentence that reports the issue ("Ngày 22/02/2019, UBND huyện đã ban hành Kế hoạch
// số 292/KH-UBND về việc ..."). A posting date, a page date or a byline is never read as any of these.
import { dateAt, datesAfterNgay, type FoundDate } from './dates';
import { fromUpperCase, matchAll, quote, sentences, type Source, type Span } from './text';

export interface Found<T> {
  value: T;
  span: Span;
}

export interface Identity {
  issuer?: Found<string>;
  number?: Found<number>;
  symbol?: Found<string>;
  issuedOn?: Found<string>;
  /** "ngày 29/5": a day and month with no year, kept as written. */
  partialIssueDate?: Found<string>;
  place?: Found<string>;
  docType?: Found<string>;
  title?: Found<string>;
  /** The title as a news item reports it ("ban hành Kế hoạch số ... về việc <title>"). */
  reportedTitle?: Found<string>;
  /** The sentence reporting the issue, which no other reader takes a clause from. */
  issueSentence?: Span;
  /** Where the document's own text starts (after its title), for readers that must skip the header. */
  bodyStart: number;
  /** The issuer comes from a header block or a formal type line: the text is the document itself. */
  formal: boolean;
  /** A sentence reporting the issue in the third person ("đã ban hành", "vừa ban hành", "Ngày X, ... ban hành"). */
  reported: boolean;
}

const DOC_TYPES = ['ke hoach', 'quyet dinh', 'chuong trinh hanh dong', 'chuong trinh', 'huong dan', 'chi thi', 'cong van', 'de an', 'thong bao', 'ke hoach lien tich'];
const ISSUER_HEAD = String.raw`(?:u?y ban nhan dan|ubnd|ban thuong vu|thuong truc|ban chi dao|ban dieu hanh|bo truong|bo|thu tuong chinh phu|thu tuong|chinh phu|tinh uy|huyen uy|thanh uy|quan uy|thi uy|dang uy|hdnd|hoi dong nhan dan|so|van phong|ban)`;
const NUMBER_SYMBOL = String.raw`(\d{1,6})\s*(?:\/\s*([a-z][a-z0-9&]*(?:\s*-\s*[a-z0-9&]+)+)|-\s*([a-z]+\s*\/\s*[a-z]+))`;
const PLACE_LINE = /^(?:tinh|huyen|xa|phuong|quan|thanh pho|thi xa|thi tran|dac khu)\b/;

export function readIdentity(source: Source): Identity {
  const header = readHeader(source);
  const report = readIssueSentence(source, header.bodyStart);
  const issuer = chooseIssuer(header.issuer, report.issuer);
  return {
    ...header,
    issuer,
    number: header.number ?? report.number,
    symbol: header.symbol ?? report.symbol,
    issuedOn: header.issuedOn ?? report.issuedOn,
    partialIssueDate: header.issuedOn ? undefined : report.partialIssueDate,
    docType: header.docType ?? report.docType,
    reportedTitle: report.title,
    issueSentence: report.sentence,
    formal: header.formal,
    reported: report.issuer !== undefined && report.thirdPerson,
  };
}

/** A header issuer naming its place wins; one without ("ỦY BAN NHÂN DÂN" alone) gives way to the body's wording. */
function chooseIssuer(header?: Found<string>, body?: Found<string>): Found<string> | undefined {
  if (header && (/\s/.test(header.value.replace(/^Ủy ban nhân dân$/u, '')) || !body)) return header;
  return body ?? header;
}

interface Line {
  text: string;
  folded: string;
  start: number;
  end: number;
}

function linesOf(source: Source, limit: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of source.text.split('\n')) {
    const end = start + text.length;
    out.push({ text, folded: source.folded.slice(start, end), start, end });
    start = end + 1;
    if (out.length >= limit) break;
  }
  return out;
}

const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

function readHeader(source: Source): Omit<Identity, 'reported' | 'reportedTitle'> {
  const lines = linesOf(source, 80);
  const typeIndex = lines.findIndex((l) => isUpper(l.text) && DOC_TYPES.includes(l.folded.trim()));
  const headerEnd = typeIndex >= 0 ? typeIndex : Math.min(lines.length, 30);
  const region = lines.slice(0, headerEnd);
  const regionEnd = region.at(-1)?.end ?? 0;
  const issuer = headerIssuer(region);
  const numbered = headerNumber(source, regionEnd);
  const formalHeader = typeIndex >= 0 || /cong\s+hoa\s+xa\s+hoi/.test(source.folded.slice(0, regionEnd));
  const dated = formalHeader ? headerDate(source, typeIndex >= 0 ? (lines[typeIndex]?.start ?? regionEnd) : regionEnd) : {};
  const title = typeIndex >= 0 ? headerTitle(lines, typeIndex) : undefined;
  const type = typeIndex >= 0 ? lines[typeIndex] : undefined;
  return {
    issuer,
    ...numbered,
    ...dated,
    docType: type && { value: type.folded.trim(), span: { start: type.start, end: type.end } },
    title,
    bodyStart: title?.span.end ?? type?.end ?? 0,
    formal: type !== undefined || (issuer !== undefined && numbered.number !== undefined),
  };
}

/** "ỦY BAN NHÂN DÂN" + "TỈNH BẮC NINH", "BỘ Y TẾ", "HUYỆN ỦY VĨNH CỬU": upper-case lines before "CỘNG HÒA ...". */
function headerIssuer(region: Line[]): Found<string> | undefined {
  const at = region.findIndex((l) => isUpper(l.text) && new RegExp(`^${ISSUER_HEAD}\\b`).test(l.folded) && !/^(?:cong hoa|doc lap|dang cong san)/.test(l.folded));
  const first = region[at];
  if (!first) return undefined;
  let name = first.text;
  let end = first.end;
  const next = region[at + 1];
  if (next && isUpper(next.text) && PLACE_LINE.test(next.folded)) {
    name = `${name} ${next.text}`;
    end = next.end;
  }
  const value = fromUpperCase(name.replace(/^Y BAN/u, 'ỦY BAN').replace(/^UỶ/u, 'ỦY'));
  return { value, span: { start: first.start, end } };
}

function headerNumber(source: Source, regionEnd: number): Pick<Identity, 'number' | 'symbol'> {
  const re = new RegExp(String.raw`(?:^|\n)\s*so(?:\s*hieu)?\s*:?\s*${NUMBER_SYMBOL}`);
  for (const m of matchAll(source, re, 0, regionEnd)) return numberFrom(source, m.index, m[0], m[1] ?? '', m[2] ?? m[3] ?? '');
  // "Số:      /KH-UBND": a draft the clerk has not numbered yet states its symbol only.
  for (const m of matchAll(source, /(?:^|\n)\s*so\s*:?[\s.…]*\/\s*([a-z][a-z0-9&]*(?:\s*-\s*[a-z0-9&]+)+)/, 0, regionEnd)) {
    const at = m.index + m[0].lastIndexOf(m[1] ?? '');
    const span = { start: at, end: at + (m[1] ?? '').length };
    return { symbol: { value: source.text.slice(span.start, span.end).replace(/\s+/g, '').toUpperCase(), span } };
  }
  return {};
}

/** Number and symbol from a match: `whole` found at `at`, with the number's and the symbol's folded texts. */
function numberFrom(source: Source, at: number, whole: string, number: string, symbolFolded: string): Pick<Identity, 'number' | 'symbol'> {
  const numberAt = at + whole.indexOf(number);
  const symbolAt = at + whole.lastIndexOf(symbolFolded);
  const symbol = source.text.slice(symbolAt, symbolAt + symbolFolded.length).replace(/\s+/g, '').toUpperCase();
  const span = { start: numberAt, end: symbolAt + symbolFolded.length };
  return { number: { value: Number(number), span }, symbol: { value: symbol, span } };
}

/** "Bắc Ninh, ngày 26 tháng 5 năm 2017" in the header, before the type line. */
function headerDate(source: Source, before: number): Pick<Identity, 'issuedOn' | 'place'> {
  for (const m of matchAll(source, /(?:^|\n)([^\n,]{2,40}),\s*ngay\s*/, 0, before + 1)) {
    const date = dateAt(source.folded, m.index + m[0].length);
    // "Thứ 3, Ngày 25/06/2024" is a page's date, not a place and issue date.
    if (date?.kind !== 'full' || /^\s*(?:thu\s|chu nhat)|\d|thuc hien|can cu/.test(m[1] ?? '')) continue;
    const placeStart = m.index + m[0].indexOf(m[1] ?? '');
    const place = source.text.slice(placeStart, placeStart + (m[1] ?? '').length).trim();
    return { issuedOn: { value: date.date, span: { start: placeStart, end: date.end } }, place: { value: place, span: { start: placeStart, end: placeStart + place.length } } };
  }
  return {};
}

const TITLE_STOP = /^(?:can cu|thuc hien|tren co so|theo de nghi|de |nham |phan |(?:i|ii|1)\.|chuong i|dieu 1|\(ban hanh|u?y ban nhan dan|ubnd|bo truong|chu tich|ban thuong vu|ban chap hanh|sau khi|xet de nghi|kinh gui|quyet dinh:)/;

/** The lines after "KẾ HOẠCH" up to the first preamble line ("Căn cứ", "Thực hiện", "I. ..."). */
function headerTitle(lines: Line[], typeIndex: number): Found<string> | undefined {
  const parts: Line[] = [];
  for (const line of lines.slice(typeIndex + 1)) {
    if (!line.text) continue;
    if (parts.length > 0 && (TITLE_STOP.test(line.folded) || line.text.length > 250)) break;
    if (/^-+$/.test(line.text)) continue;
    parts.push(line);
    if (parts.length >= 4 || /:$/.test(line.text)) break;
  }
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last) return undefined;
  return { value: parts.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim(), span: { start: first.start, end: last.end } };
}

interface IssueSentence {
  issuer?: Found<string>;
  number?: Found<number>;
  symbol?: Found<string>;
  issuedOn?: Found<string>;
  partialIssueDate?: Found<string>;
  docType?: Found<string>;
  title?: Found<string>;
  sentence?: Span;
  thirdPerson: boolean;
}

const VERB = /\s+(?:(da|vua|moi)\s+)?(?:ky\s+)?(ban hanh|xay dung|thanh lap)\b/y;
const TYPE_AFTER = new RegExp(String.raw`\s*(${DOC_TYPES.join('|')})\b\s*(?:so\s*)?(?:${NUMBER_SYMBOL})?`, 'y');

/** The sentence that reports the issue: subject (the issuer), verb, document type, number, date and title. */
function readIssueSentence(source: Source, from: number): IssueSentence {
  for (const head of matchAll(source, new RegExp(String.raw`(?<![a-z])${ISSUER_HEAD}\b`), from)) {
    // "... ngày 25/12/2019 của Thủ tướng Chính phủ ban hành ..." names a referenced document's issuer.
    if (/(?:cua|tai|theo)\s+$/.test(source.folded.slice(Math.max(0, head.index - 6), head.index))) continue;
    const found = issueAt(source, head.index);
    if (found) return found;
  }
  return { thirdPerson: false };
}

function issueAt(source: Source, at: number): IssueSentence | undefined {
  const f = source.folded;
  const limit = Math.min(f.length, at + 140);
  for (let end = at + 2; end < limit; end++) {
    if (/[.;:\n]/.test(f[end] ?? '')) return undefined;
    VERB.lastIndex = end;
    const verb = VERB.exec(f);
    if (!verb) continue;
    const subject = f.slice(at, end);
    if (/\b(?:cua|ve viec|ve|tai|theo|nay)\b/.test(subject)) return undefined;
    const afterVerb = end + verb[0].length;
    TYPE_AFTER.lastIndex = afterVerb;
    const type = TYPE_AFTER.exec(f);
    if (!type && verb[2] !== 'thanh lap') continue;
    return issueSentence(source, { start: at, end }, verb, type, afterVerb);
  }
  return undefined;
}

function issueSentence(source: Source, subject: Span, verb: RegExpExecArray, type: RegExpExecArray | null, afterVerb: number): IssueSentence {
  const sentence = sentences(source).find((s) => s.start <= subject.start && subject.start < s.end) ?? subject;
  const numbered = type?.[2] ? numberFrom(source, type.index, type[0], type[2], type[3] ?? type[4] ?? '') : {};
  const typeEnd = type ? type.index + type[0].length : afterVerb;
  const date = issueDate(source, sentence, subject.start, typeEnd);
  const leadingDate = date.issuedOn !== undefined && date.dateEnd === undefined;
  const docType = type?.[1];
  return {
    issuer: { value: quote(source, subject), span: subject },
    ...numbered,
    ...date,
    docType: docType ? { value: docType, span: { start: type.index, end: typeEnd } } : undefined,
    title: docType === 'ke hoach' ? reportedTitle(source, date.dateEnd ?? typeEnd, sentence.end, type?.[2] !== undefined) : undefined,
    sentence,
    thirdPerson: verb[1] !== undefined || leadingDate || date.partialIssueDate !== undefined,
  };
}

/** A date opening the sentence ("Ngày 22/02/2019, UBND huyện ...") or right after the number ("292/KH-UBND ngày ..."). */
function issueDate(source: Source, sentence: Span, subjectStart: number, typeEnd: number): Pick<IssueSentence, 'issuedOn' | 'partialIssueDate'> & { dateEnd?: number } {
  // Only a date right before the subject ("Ngày 22/02/2019, UBND ..."), not one inside a cited document.
  const before = [...datesAfterNgay(source.folded, sentence.start, subjectStart)].filter((d) => /^\s*,?\s*$/.test(source.folded.slice(d.end, subjectStart))).at(-1);
  const after = [...datesAfterNgay(source.folded, typeEnd, Math.min(sentence.end, typeEnd + 40))].find((d) => /^\s*,?\s*$/.test(source.folded.slice(typeEnd, d.start)));
  const found: FoundDate | undefined = before ?? after;
  if (!found) return {};
  const span = { start: found.start, end: found.end };
  const dateEnd = after === found ? found.end : undefined;
  return found.kind === 'full'
    ? { issuedOn: { value: found.date, span }, dateEnd }
    : { partialIssueDate: { value: `${found.day}/${found.month}`, span }, dateEnd };
}

/** "về việc <title>" up to the sentence's end, without a trailing "với 3 nhiệm vụ ..." or ", với mục tiêu ...". */
function reportedTitle(source: Source, from: number, to: number, numbered: boolean): Found<string> | undefined {
  const f = source.folded;
  const lead = /^\s*,?\s*(?:ve viec|ve|nham)\s+/.exec(f.slice(from, to));
  if (!lead && numbered) return undefined;
  const start = from + (lead?.[0].length ?? (/^\s*/.exec(f.slice(from, to))?.[0].length ?? 0));
  let end = to;
  const stop = /[.:](?=\s|$)|,?\s+voi\s+(?:\d+|muc tieu|cac|nhieu)|\s+nhu sau\b/.exec(f.slice(start, to));
  if (stop) end = start + stop.index;
  const value = source.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return value.length > 3 ? { value, span: { start, end } } : undefined;
}
