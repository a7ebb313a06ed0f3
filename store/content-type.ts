// What a file is, judged by its bytes and never by its name or the browser's word: PDF, DOCX, XLSX, PNG, JPEG, GIF,
// WebP. DOCX and XLSX are ZIP archives told apart by the part names in the archive's central directory.
export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;
export type AllowedType = (typeof ALLOWED_TYPES)[keyof typeof ALLOWED_TYPES];

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function detectContentType(bytes: Buffer): AllowedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return ALLOWED_TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ALLOWED_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ALLOWED_TYPES.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return ALLOWED_TYPES.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return ALLOWED_TYPES.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(zipEntryNames(bytes));
  return undefined;
}

function officeType(names: string[]): AllowedType | undefined {
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return ALLOWED_TYPES.docx;
  if (names.includes('xl/workbook.xml')) return ALLOWED_TYPES.xlsx;
  return undefined;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;
/** Office files hold tens of parts; a cap keeps a crafted archive from costing more than a glance. */
const MAX_ENTRIES = 10_000;

/** The names in a ZIP's central directory; empty for a damaged archive. */
export function zipEntryNames(bytes: Buffer): string[] {
  const floor = Math.max(0, bytes.length - MAX_END_SEARCH);
  for (let end = bytes.length - 22; end >= floor; end -= 1) {
    if (bytes.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) continue;
    const count = bytes.readUInt16LE(end + 10);
    const offset = bytes.readUInt32LE(end + 16);
    return centralDirectoryNames(bytes, offset, Math.min(count, MAX_ENTRIES));
  }
  return [];
}

function centralDirectoryNames(bytes: Buffer, offset: number, count: number): string[] {
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return [];
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return [];
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
