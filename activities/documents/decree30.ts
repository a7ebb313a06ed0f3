// The layout every planflow document shares, per Decree 30/2020/NĐ-CP (Appendix I): A4, Times New Roman, the
// margins and font sizes it sets, the header table (issuing body and number | national title and motto, place and
// date), the title, page numbers from page 2, and the closing table (Nơi nhận | signature block).
import {
  AlignmentType, BorderStyle, Document, Header, PageNumber, Paragraph, Table, TableBorders, TableCell, TableRow,
  TextRun, WidthType, convertMillimetersToTwip, type FileChild,
} from 'docx';
import type { z } from 'zod';
import type { AgencyKind } from '../../model/plan';
import type { SignatureBlock } from '../../model/report';

/** Decree 30, Appendix I, section II: A4; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE = {
  widthMm: 210, heightMm: 297, topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 20,
} as const;
/** A4 in twips exactly as Word writes it (converting 210 × 297 mm rounds one twip short). */
const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const FONT = 'Times New Roman';
/** Sizes in points, within the ranges of Appendix I. */
const PT = { body: 14, motto: 13, nation: 12, body13: 13, recipientsLabel: 12, recipients: 11 } as const;
const TEXT_WIDTH = convertMillimetersToTwip(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({
  text, font: FONT, size: (style.size ?? PT.body) * 2, bold: style.bold, italics: style.italics,
  underline: style.underline ? {} : undefined,
});

const centred = (text: string, style: RunStyle = {}, spacingAfter = 0) => new Paragraph({
  alignment: AlignmentType.CENTER, spacing: { before: 0, after: spacingAfter }, children: [run(text, style)],
});

/** A short rule under a centred line, drawn as the bottom border of an empty, indented paragraph. */
const rule = (indentTwip: number) => new Paragraph({
  indent: { left: indentTwip, right: indentTwip }, spacing: { before: 0, after: 60 },
  border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [],
});

/** A body paragraph: justified, first line indented 1 cm, at least 6 pt between paragraphs. */
export const para = (text: string | TextRun[], style: RunStyle = {}) => new Paragraph({
  alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(10) },
  spacing: { before: 120, after: 0, line: 300 },
  children: typeof text === 'string' ? [run(text, style)] : text,
});
export const bold = (text: string) => run(text, { bold: true });
export const plain = (text: string) => run(text);
export const italic = (text: string) => run(text, { italics: true });

/** A section heading ("I. MỤC ĐÍCH, YÊU CẦU"): bold, upper case, like the body otherwise. */
export const heading = (text: string) => para(text.toLocaleUpperCase('vi'), { bold: true });

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
type Section = [title: string, body: FileChild[]];

/** The number a section gets (empty sections are left out, so later ones move up): "III". */
export function sectionNumber(sections: Section[], title: string): string | undefined {
  const index = sections.filter(([, body]) => body.length > 0).findIndex(([t]) => t === title);
  return index < 0 ? undefined : ROMAN[index];
}

/** Numbers the sections that have content, in order: I., II., … */
export function numberedSections(sections: Section[]): FileChild[] {
  return sections.filter(([, body]) => body.length > 0).flatMap(([title, body], i) => [heading(`${ROMAN[i]}. ${title}`), ...body]);
}

/** The issuing body (tên cơ quan, tổ chức ban hành văn bản) and what the document is. */
export interface DocumentHead {
  body: { name: string; kind: z.infer<typeof AgencyKind> };
  /** The superior body (cơ quan chủ quản), printed above the issuing body. */
  superior?: string;
  /** `292/KH-UBND`; the number may be "…" for the clerk to fill in. */
  number: string;
  place: string;
  date?: string;
  /** The year to print when the date is still blank (a plan not yet issued). */
  year?: number;
  /** "KẾ HOẠCH", "BÁO CÁO". */
  kind: string;
  /** Trích yếu: what it is about. */
  summary: string[];
}

/** "ỦY BAN NHÂN DÂN HUYỆN VĂN QUAN" on two lines, as it is printed; other names as one upper-case line. */
function bodyLines(name: string): string[] {
  const upper = name.toLocaleUpperCase('vi');
  const split = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM) (.+)$/u.exec(upper);
  return split ? [split[1]!, split[2]!] : [upper];
}

/** "Văn Quan, ngày 08 tháng 3 năm 2021": days below 10 and months 1 and 2 take a leading zero (Appendix I, II.5). */
export function placeAndDate(place: string, date?: string, year?: number): string {
  if (!date) return `${place}, ngày      tháng      năm ${year ?? '     '}`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** Party bodies write "ĐẢNG CỘNG SẢN VIỆT NAM" where the State writes the national title and motto. */
function nationColumn(head: DocumentHead): Paragraph[] {
  const dated = new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 },
    children: [run(placeAndDate(head.place, head.date, head.year), { italics: true })],
  });
  if (head.body.kind === 'party-committee') return [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: PT.body, underline: true }), dated];
  return [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT.nation }),
    centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: PT.motto }),
    rule(convertMillimetersToTwip(16)),
    dated,
  ];
}

function bodyColumn(head: DocumentHead): Paragraph[] {
  return [
    ...(head.superior ? bodyLines(head.superior).map((line) => centred(line, { size: PT.nation })) : []),
    ...bodyLines(head.body.name).map((line) => centred(line, { bold: true, size: PT.nation })),
    rule(convertMillimetersToTwip(14)),
    centred(`Số: ${head.number}`, { size: PT.body13 }),
  ];
}

const cell = (children: Paragraph[], share: number) => new TableCell({
  width: { size: Math.round(TEXT_WIDTH * share), type: WidthType.DXA }, borders: TableBorders.NONE, children,
});

/** Two columns without borders, as the header and the closing of a document are laid out. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * leftShare), Math.round(TEXT_WIDTH * (1 - leftShare))],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftShare), cell(right, 1 - leftShare)] })],
  });
}

/** Header table, then the document kind and its summary centred and bold, with a short rule below. */
export function documentHead(head: DocumentHead): FileChild[] {
  return [
    twoColumns(bodyColumn(head), nationColumn(head), 0.4),
    new Paragraph({ spacing: { before: 240, after: 0 }, alignment: AlignmentType.CENTER, children: [run(head.kind, { bold: true })] }),
    ...head.summary.map((line) => centred(line, { bold: true })),
    rule(convertMillimetersToTwip(55)),
  ];
}

/** "Kính gửi: X" centred under the title, one recipient per line when there are several. */
export function addressees(to: string[]): Paragraph[] {
  if (to.length === 1) return [centred(`Kính gửi: ${to[0]}`, {}, 120)];
  return [centred('Kính gửi:'), ...to.map((name, i) => centred(`- ${name}${i < to.length - 1 ? ';' : ''}`))];
}

/** Nơi nhận (left, 12 pt bold italic, then 11 pt lines) and the signature block (right, bold upper case). */
export function closing(recipients: string[], signer: SignatureBlock): FileChild[] {
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: PT.recipientsLabel })] }),
    ...recipients.map((line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${line}`, { size: PT.recipients })] })),
  ];
  const right = [
    ...(signer.capacity ? [centred(signer.capacity.toLocaleUpperCase('vi'), { bold: true })] : []),
    centred(signer.title.toLocaleUpperCase('vi'), { bold: true }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred('')),
    centred(signer.name ?? '', { bold: true }),
  ];
  return [new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }), twoColumns(left, right, 0.5)];
}

/** The page number, centred in the top margin, on every page but the first (Appendix I, II.10). */
const pageNumberHeader = () => new Header({
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.body13 * 2 })] })],
});

export function decree30Document(title: string, children: FileChild[]): Document {
  return new Document({
    creator: 'planflow',
    title,
    styles: { default: { document: { run: { font: FONT, size: PT.body * 2 } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: A4_TWIPS,
          margin: {
            top: convertMillimetersToTwip(PAGE.topMm), bottom: convertMillimetersToTwip(PAGE.bottomMm),
            left: convertMillimetersToTwip(PAGE.leftMm), right: convertMillimetersToTwip(PAGE.rightMm),
            header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10),
          },
        },
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
      children,
    }],
  });
}

/** A table with ruled cells (the report's indicators): a bold header row, 13 pt text. */
export function gridTable(header: string[], rows: string[][], shares: number[]): Table {
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const row = (cells: string[], style: RunStyle) => new TableRow({
    tableHeader: style.bold,
    children: cells.map((text, i) => new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split('\n').map((line) => new Paragraph({
        alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(line, { ...style, size: PT.body13 })],
      })),
    })),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths,
    rows: [row(header, { bold: true }), ...rows.map((r) => row(r, {}))],
  });
}
