// The reporting chain: "UBND các xã ... xây dựng Báo cáo gửi về Phòng X trước ngày 20/11/2021 để tổng hợp báo cáo
// UBND huyện và Sở Y", "Báo cáo gửi về UBND tỉnh (thông qua Sở Y tế) chậm nhất ngày 27/4/2020", "Sở Y tế ... tổng
// hợp báo cáo gửi về UBND tỉnh trước 14h00 ngày 28/4/2020". Who reports, to whom, through whom ("qua"), by when.
import { agencyListEnd, splitAgencies, startsWithAgency } from './agencies';
import { findDeadline, type DeadlineFinding } from './deadline';
import type { Found } from './identity';
import { quote, sentences, type Source, type Span } from './text';

export interface FoundReport {
  span: Span;
  text: string;
  /** Who reports; absent when the sentence does not say (the caller may take the clause's assignees). */
  from: Found<string>[];
  to: Found<string>;
  via?: Found<string>;
  deadline?: DeadlineFinding;
  /** A consolidation: the reporter sums what it received ("tổng hợp báo cáo X"). */
  consolidates: boolean;
}

const SEND = /(tong hop\s*,?\s*)?(?:xay dung\s+)?bao cao(?:\s+(?:ket qua|tinh hinh)[^.;]{0,80}?)?\s+(?:gui\s+)?(?:ve\s+)?(?=\S)|gui\s+(?:bao cao\s+)?(?:ve\s+)?(?=u?y ban|ubnd|so|phong|ban|bo|van phong|thuong truc)/g;
const TO_END = /\s*(?:\(|,?\s*(?:thong qua|qua)\s|truoc\s|cham nhat|de\s|theo\s|trong\s|dinh ky|hang\s|va gui|[;.](?:\s|$)|$)/;

export function readReports(source: Source, region: Span): FoundReport[] {
  const out: FoundReport[] = [];
  for (const part of sentences(source)) {
    if (part.end <= region.start || part.start >= region.end) continue;
    const f = source.folded.slice(part.start, part.end);
    for (const m of f.matchAll(SEND)) {
      const at = part.start + m.index + m[0].length;
      const toText = source.folded.slice(at, part.end);
      // A recipient is named as a name: "báo cáo kết quả công tác phòng, chống dịch" names none.
      if (!startsWithAgency(toText) || !/^\p{Lu}/u.test(source.text.slice(at, at + 1))) continue;
      const toEnd = at + (TO_END.exec(toText)?.index ?? toText.length);
      const recipients = named(source, at, toEnd);
      const first = recipients[0];
      if (!first) continue;
      const via = viaAfter(source, toEnd, part.end);
      const before = part.start + m.index;
      for (const to of recipients) {
        out.push({
          span: part,
          text: quote(source, part).replace(/^[-–•+*]\s*/u, ''),
          from: subjectBefore(source, part.start, before),
          to,
          via,
          deadline: findDeadline(source.folded, before, part.end),
          consolidates: m[1] !== undefined || /tong hop\s*,?\s*$/.test(source.folded.slice(Math.max(part.start, before - 12), before)),
        });
      }
    }
  }
  return out;
}

/** "(thông qua Sở Y tế)" or "qua Phòng Nội vụ" right after the recipient. */
function viaAfter(source: Source, from: number, to: number): Found<string> | undefined {
  const m = /^\s*\(?\s*,?\s*(?:thong qua|qua)\s+/.exec(source.folded.slice(from, to));
  if (!m) return undefined;
  const at = from + m[0].length;
  const rest = source.folded.slice(at, to);
  if (!startsWithAgency(rest)) return undefined;
  const end = at + Math.min(agencyListEnd(rest, source.text.slice(at, to)), /[)]|,|\s(?:truoc|cham nhat|de)\s/.exec(rest)?.index ?? rest.length);
  return named(source, at, end)[0];
}

/** The agencies reporting: the first agency named as a name between the sentence's start and the verb. */
function subjectBefore(source: Source, from: number, verb: number): Found<string>[] {
  const re = /(?<![a-z])(?:u?y ban nhan dan|ubnd|phong|so|ban|trung tam|cac|thu truong|chu tich)\b/g;
  re.lastIndex = from;
  for (let m = re.exec(source.folded); m && m.index < verb; m = re.exec(source.folded)) {
    const original = source.text.slice(m.index, m.index + 1);
    if (!/\p{Lu}/u.test(original) && !source.folded.startsWith('cac', m.index)) continue;
    const end = m.index + agencyListEnd(source.folded.slice(m.index, verb), source.text.slice(m.index, verb));
    const found = named(source, m.index, Math.min(end, verb));
    if (found.length > 0) return found;
  }
  return [];
}

function named(source: Source, from: number, to: number): Found<string>[] {
  return splitAgencies(source.text.slice(from, to)).map((name) => {
    const at = source.text.indexOf(name, from);
    return { value: name, span: { start: at, end: at + name.length } };
  });
}
