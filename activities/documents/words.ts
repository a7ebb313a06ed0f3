// Small rules of written Vietnamese the documents apply to text transcribed from plans.
const first = (text: string, change: (c: string) => string) => text.replace(/^\s*(\S)/u, (_, c: string) => change(c));

export const capitalised = (text: string) => first(text, (c) => c.toLocaleUpperCase('vi'));
export const lowerFirst = (text: string) => first(text, (c) => c.toLocaleLowerCase('vi'));

/** Capitalised and ending in exactly one full stop (or the mark it already ends with). */
export const sentence = (text: string) => capitalised(text.trim()).replace(/([^.!?;:])$/u, '$1.');

/** "Văn Quan" from "Ủy ban nhân dân huyện Văn Quan": the place a body's documents are dated at, when a plan gives none. */
export function placeOf(bodyName: string): string {
  // The last unit word, lower case as names write it ("Xã hội" in an office's name is not a commune).
  const match = /^.*\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(\S.*)$/u.exec(bodyName);
  return match ? match[1]! : '……';
}

/**
 * The issuer part of a document symbol from a body's name, as offices abbreviate it: the initials of its field's
 * words, "và" and the place left out ("Phòng Lao động - Thương binh và Xã hội huyện Điện Biên" → "LĐTBXH").
 */
export function symbolOf(bodyName: string): string {
  const field = bodyName
    .replace(/^(Phòng|Sở|Ban|Trung tâm|Văn phòng)\s+/u, '')
    .replace(/\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+\S.*$/u, '');
  return field.split(/[\s,\-–]+/u).filter((w) => w && w !== 'và').map((w) => w[0]!.toLocaleUpperCase('vi')).join('');
}
