// The documents a plan implements or rests on: "Thực hiện Kế hoạch số 28/KH-SLĐTBXH ngày 08/3/2021 của Sở ...",
// "Căn cứ Quyết định số 101/QĐ-TTg ...", "triển khai thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị".
// Only numbered documents named where a plan states its grounds; a proposal ("Theo đề nghị ... Tờ trình") is not one.
import type { z } from 'zod';
import type { DocumentKind, HigherDocument } from '../plan';
import { dateAt } from './dates';
import { matchAll, quote, sentences, type Source, type Span } from './text';

export interface Reference {
  value: z.input<typeof HigherDocument>;
  span: Span;
}

const TYPES: Record<string, z.infer<typeof DocumentKind>> = {
  'nghi quyet': 'nghi-quyet', 'quyet dinh': 'quyet-dinh', 'chi thi': 'chi-thi', 'ke hoach': 'ke-hoach', 'chuong trinh': 'chuong-trinh',
  'de an': 'de-an', luat: 'luat', 'cong van': 'other', 'van ban': 'other', 'nghi dinh': 'other', 'thong tu lien tich': 'other', 'thong tu': 'other',
  'ket luan': 'other', 'thong bao': 'other', 'bao cao': 'other', 'huong dan': 'other', 'phap lenh': 'other',
};
const REFERENCE = new RegExp(
  String.raw`(?<![a-z])(${Object.keys(TYPES).join('|')})\s+(?:so\s*:?\s*)?(\d{1,6}[a-z]?(?:\/\d{4})?\s*[/-]\s*[a-z][a-z0-9&]*(?:\s*[-/]\s*[a-z][a-z0-9&]*)*)`,
);
const GROUNDS = /(?:^|[\s,;(])(?:thuc hien|trien khai|can cu|tren co so|theo)\b/;
const PROPOSAL = /^(?:theo de nghi|xet de nghi|xet to trinh)/;

/** References in the preamble of a full text, or in sentences that state grounds in a news item. */
export function readReferences(source: Source, region: Span, ownNumber?: string): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>(ownNumber ? [ownNumber.toLowerCase()] : []);
  for (const sentence of sentences(source)) {
    if (sentence.end <= region.start || sentence.start >= region.end) continue;
    const folded = source.folded.slice(sentence.start, sentence.end);
    if (PROPOSAL.test(folded)) continue;
    for (const m of matchAll(source, REFERENCE, sentence.start, sentence.end)) {
      if (!GROUNDS.test(source.folded.slice(sentence.start, m.index + 1)) && !/^(?:can cu|thuc hien)/.test(folded)) continue;
      const ref = referenceAt(source, m, sentence.end);
      const key = (ref.value.number ?? '').toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ref);
    }
  }
  return out;
}

function referenceAt(source: Source, m: RegExpExecArray, limit: number): Reference {
  const numberFolded = m[2] ?? '';
  const numberAt = m.index + m[0].length - numberFolded.length;
  const number = source.text.slice(numberAt, numberAt + numberFolded.length).replace(/\s+/g, '');
  let at = numberAt + numberFolded.length;
  const f = source.folded;
  const dated = /^\s*,?\s*ngay\s+/.exec(f.slice(at, limit));
  const date = dated ? dateAt(f, at + dated[0].length) : undefined;
  if (date) at = date.end;
  const of = /^\s*,?\s*cua\s+/.exec(f.slice(at, limit));
  let issuer: string | undefined;
  if (of) {
    const from = at + of[0].length;
    const stop = /\s+(?:ve|phe duyet|ban hanh|huong dan|quy dinh|trien khai|thuc hien)\b|[,;.“"(]|$/.exec(f.slice(from, limit));
    const end = from + (stop?.index ?? 0);
    issuer = source.text.slice(from, end).trim() || undefined;
    at = end;
  }
  const tail = /^[^;]*?(?=;|\.\s|\.$|,\s*(?:u?y ban|ubnd|ban thuong vu)|$)/.exec(f.slice(at, limit));
  const titleSpan = { start: at, end: at + (tail?.[0].length ?? 0) };
  const span = { start: m.index, end: Math.max(titleSpan.end, at) };
  const title = quote(source, titleSpan).replace(/^[,\s]+|[,\s]+$/g, '').replace(/^về(?: việc)?\s+/u, '') || quote(source, { start: m.index, end: numberAt + numberFolded.length });
  return {
    value: { kind: TYPES[m[1] ?? ''] ?? 'other', number, ...(issuer ? { issuer } : {}), ...(date?.kind === 'full' ? { issuedOn: date.date } : {}), title },
    span,
  };
}
