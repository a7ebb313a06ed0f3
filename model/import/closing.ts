// The foot of a full text: "Nơi nhận:" with its lines, and the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
// Triệu Đức Dũng"). Only upper-case capacity and title lines make a signatory, so a byline, an author or a photo
// credit never does; a website's "Người ký:" metadata is reported, not taken as the block.
import type { Found } from './identity';
import type { Source, Span } from './text';

export interface FoundRecipient {
  text: string;
  archive: boolean;
  span: Span;
}

export interface FoundSignatory {
  name: Found<string>;
  capacity: 'KT' | 'TM' | 'TL' | 'TUQ' | 'own';
  onBehalfOf?: string;
  title: string;
  span: Span;
}

interface Line {
  text: string;
  start: number;
}

function lines(source: Source): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of source.text.split('\n')) {
    out.push({ text, start });
    start += text.length + 1;
  }
  return out;
}

/** The lines of "Nơi nhận", each as written without its dash. */
export function readRecipients(source: Source): { lines: FoundRecipient[]; span: Span } | undefined {
  const all = lines(source);
  const at = all.findIndex((l) => /^noi nhan\s*:?/.test(source.folded.slice(l.start, l.start + l.text.length)));
  const head = all[at];
  if (!head) return undefined;
  const out: FoundRecipient[] = [];
  for (const line of all.slice(at + 1)) {
    if (!line.text) continue;
    const m = /^[-–+•]\s*(.+)$/u.exec(line.text);
    if (!m) break;
    const text = (m[1] ?? '').trim();
    out.push({ text, archive: /^lưu\b/iu.test(text), span: { start: line.start, end: line.start + line.text.length } });
  }
  const last = out.at(-1);
  return { lines: out, span: { start: head.start, end: last ? last.span.end : head.start + head.text.length } };
}

const TITLES = /^(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|THỦ TƯỚNG|CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG ĐOÀN|TỔ TRƯỞNG)(?:\s+THƯỜNG TRỰC)?$/u;
const CAPACITY = /^(KT|TM|TL|TUQ|K\/T|T\/M|T\/L)\.?\s+(\S.*)$/u;
const NAME = /^(?:\p{Lu}[\p{Ll}\p{Lu}]*\s+){1,5}\p{Lu}[\p{Ll}\p{Lu}]*$/u;

/** "Triệu Đức Dũng", or "NGUYỄN VĂN AN" in capitals, but not a capacity, a title or a body's name. */
function isPersonName(text: string): boolean {
  if (!NAME.test(text) || CAPACITY.test(text) || TITLES.test(text)) return false;
  if (text !== text.toUpperCase()) return true;
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && !/^(?:ỦY|UỶ|UBND|CỘNG|ĐỘC|BAN|BỘ|SỞ|PHÒNG|TỈNH|HUYỆN|XÃ|ĐẢNG|HỘI|TRUNG|VĂN|NƠI|ĐÃ|KÝ)(?=\s|$)/u.test(text);
}

/** The signature block in the last lines of a full text (or after "Nơi nhận"). */
export function readSignatory(source: Source, after: number): FoundSignatory | undefined {
  // Blank lines between the block's lines (a .docx's paragraphs) do not part them.
  const tail = lines(source).filter((l) => l.start >= after && l.text.trim() !== '');
  for (let i = 0; i < tail.length; i++) {
    const line = tail[i];
    if (!line) continue;
    const capacity = CAPACITY.exec(line.text);
    const isTitle = TITLES.test(line.text);
    if (!capacity && !isTitle) continue;
    // Stacked capacities ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"): the innermost one is the signer's.
    let j = i;
    let cap: FoundSignatory['capacity'] = 'own';
    let onBehalfOf: string | undefined;
    while (CAPACITY.test(tail[j]?.text ?? '')) {
      const m = CAPACITY.exec(tail[j]?.text ?? '');
      cap = (m?.[1] ?? 'KT').replace('/', '') as FoundSignatory['capacity'];
      onBehalfOf = m?.[2]?.trim();
      j++;
    }
    const titleLine = TITLES.test(tail[j]?.text ?? '') ? tail[j] : undefined;
    const title = titleLine?.text ?? (cap !== 'own' ? onBehalfOf : undefined);
    if (!title) continue;
    const nameLine = tail.slice(titleLine ? j + 1 : j, j + 8).find((l) => isPersonName(l.text));
    if (!nameLine) continue;
    const end = nameLine.start + nameLine.text.length;
    return {
      name: { value: nameLine.text.trim(), span: { start: nameLine.start, end } },
      capacity: cap,
      onBehalfOf: titleLine ? onBehalfOf : undefined,
      title,
      span: { start: line.start, end },
    };
  }
  return undefined;
}

/** "Người ký: Nguyễn Tiến Nhường" in a legal website's metadata table. */
export function readMetadataSigner(source: Source): Found<string> | undefined {
  const m = /nguoi ky\s*:?\s*\n?\s*/.exec(source.folded);
  if (!m) return undefined;
  const at = m.index + m[0].length;
  const value = /^[^\n]+?(?=\s{2,}|\s+ngay\b|\n|$)/u.exec(source.text.slice(at, at + 60))?.[0].trim();
  return value ? { value, span: { start: m.index, end: at + value.length } } : undefined;
}
