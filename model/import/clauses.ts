// Responsibility clauses: who is given what, and by when. "UBND huyện giao Phòng X chủ trì, phối hợp với Y và Z
// tổ chức ...", "Phòng X chủ trì ...", "đề nghị X, Y ...", "Giao Sở Y tế chịu trách nhiệm ...", or a task bullet under
// an agency's heading ("1. Phòng X" / "- Xây dựng kế hoạch ..."). Chủ trì and phối hợp are set only where written.
import { agencyListEnd, splitAgencies, startsWithAgency } from './agencies';
import { findDeadline, type DeadlineFinding } from './deadline';
import type { Found } from './identity';
import { quote, sentences, type Source, type Span } from './text';

export interface FoundClause {
  span: Span;
  text: string;
  /** The agency the text says leads (chủ trì); absent when it does not say. */
  lead?: Found<string>;
  assignees: Found<string>[];
  coordinators: Found<string>[];
  deadline?: DeadlineFinding;
  implementingPlan: boolean;
}

const KEYWORDS = /chu tri|phoi hop|(?:^|\s)giao\s|de nghi|yeu cau|chiu trach nhiem|co trach nhiem/;
const HEADING = /^(?:\d{1,2}|[a-zđ])[.)]\s+(.{3,140}?)\s*(?::\s*(.*))?$/su;
const REQUEST = /(?:^|\s)(?:giao(?:\s+cho)?|de nghi|yeu cau)\s+/g;

/**
 * Clauses in `region`. In a "Tổ chức thực hiện" section every bullet under an agency heading is a clause; elsewhere
 * (a news item) only sentences that name an agency and what it must do.
 */
export function readClauses(source: Source, region: Span, structured: boolean, skip: Span[] = []): FoundClause[] {
  const out: FoundClause[] = [];
  let heading: Found<string> | undefined;
  for (const part of sentences(source, true)) {
    if (part.end <= region.start || part.start >= region.end) continue;
    if (skip.some((s) => part.start < s.end && s.start < part.end)) continue;
    const text = quote(source, part);
    const headed = structured ? HEADING.exec(text) : null;
    if (headed) {
      // "1. Phòng Y tế" (a name alone) heads the bullets below it; "3. Trạm Y tế chủ trì ..." is a clause itself.
      const name = (headed[1] ?? '').replace(/[:.]$/, '');
      const folded = foldOf(source, part, text.indexOf(name)).slice(0, name.length);
      const nameOnly = startsWithAgency(folded) && agencyListEnd(folded, name) >= folded.length;
      const nameAt = part.start + text.indexOf(name);
      heading = nameOnly ? { value: name, span: { start: nameAt, end: nameAt + name.length } } : undefined;
      if (nameOnly && !headed[2]) continue;
    }
    const clause = clauseIn(source, part, structured ? heading : undefined);
    if (clause) out.push(clause);
  }
  return out;
}

function foldOf(source: Source, span: Span, offset: number): string {
  return source.folded.slice(span.start + Math.max(0, offset), span.end);
}

function clauseIn(source: Source, span: Span, heading?: Found<string>): FoundClause | undefined {
  const start = span.start + (/^\s*(?:[-–•+*]|\d{1,2}[.)]|[a-zđ]\))?\s*/u.exec(source.text.slice(span.start, span.end))?.[0].length ?? 0);
  const f = source.folded.slice(start, span.end);
  if (!heading && !KEYWORDS.test(f) && !startsWithNamedAgency(source, start)) return undefined;
  const chuTri = /chu tri\b/.exec(f);
  // "giao" must hand work to an agency: "Phòng Giáo dục" is no request.
  const request = [...f.matchAll(REQUEST)].filter((m) => (!chuTri || m.index < chuTri.index) && startsWithAgency(f.slice(m.index + m[0].length))).at(-1);
  let lead: Found<string> | undefined;
  let assignees: Found<string>[] = [];
  if (chuTri) {
    const from = request ? start + request.index + request[0].length : start;
    const subject = listAt(source, from, start + chuTri.index);
    // "... do Sở Y tế chủ trì": the agency named last before "chủ trì".
    lead = subject[0] ?? lastNamedBefore(source, from, start + chuTri.index) ?? heading;
    assignees = lead ? [lead] : [];
  } else if (request) {
    const from = start + request.index + request[0].length;
    assignees = listAt(source, from, from + agencyListEnd(source.folded.slice(from, span.end), source.text.slice(from, span.end)));
  } else if (startsWithNamedAgency(source, start)) {
    assignees = listAt(source, start, start + agencyListEnd(f, source.text.slice(start, span.end)));
  } else if (heading) {
    assignees = [heading];
  }
  if (assignees.length === 0) return undefined;
  const coordinators = coordinatorsIn(source, start, span.end);
  return {
    span,
    text: quote(source, span).replace(/^[-–•+*]\s*/u, ''),
    lead,
    assignees,
    coordinators,
    deadline: findDeadline(source.folded, start, span.end),
    implementingPlan: /xay dung (?:va ban hanh )?ke hoach/.test(f),
  };
}

/** A sentence that starts with an agency's name as a name ("UBND các xã ...", "Phòng Y tế ..."). */
function startsWithNamedAgency(source: Source, at: number): boolean {
  const word = /^\S+/.exec(source.text.slice(at))?.[0] ?? '';
  return /^\p{Lu}/u.test(word) && !/^(?:Các|Mỗi|Những|Thứ|Đồng|Để|Trong|Theo|Căn|Kế|Nhiệm|Mục|Đề|Báo|Tổng|Ngày|Hàng|Hằng)$/u.test(word) && startsWithAgency(source.folded.slice(at, at + 40));
}

/** The agencies named in `[from, to)`, when that text starts with an agency's head word. */
function listAt(source: Source, from: number, to: number): Found<string>[] {
  const raw = source.text.slice(from, to);
  const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
  if (!startsWithAgency(source.folded.slice(from + lead, to))) return [];
  const names = splitAgencies(raw);
  return names.map((name) => {
    const at = source.text.indexOf(name, from);
    return { value: name, span: { start: at, end: at + name.length } };
  });
}

/** "phối hợp (với) X, Y và Z <task>": the coordinators as written. */
function coordinatorsIn(source: Source, from: number, to: number): Found<string>[] {
  const m = /phoi hop\s+(?:chat che\s+)?(?:voi\s+)?/.exec(source.folded.slice(from, to));
  if (!m) return [];
  const at = from + m.index + m[0].length;
  return listAt(source, at, at + agencyListEnd(source.folded.slice(at, to), source.text.slice(at, to)));
}

/** The last agency named as a name (a capitalised head word) in `[from, to)`, running up to `to`. */
function lastNamedBefore(source: Source, from: number, to: number): Found<string> | undefined {
  const words = [...source.text.slice(from, to).matchAll(/(?<=^|\s)\p{Lu}\S*/gu)].reverse();
  for (const w of words) {
    const at = from + w.index;
    if (!startsWithAgency(source.folded.slice(at, to))) continue;
    const found = listAt(source, at, to);
    if (found.length === 1) return found[0];
  }
  return undefined;
}
