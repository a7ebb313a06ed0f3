// The text of a plan's file for `planflow import`: .txt as it is, .docx through mammoth, .pdf through pdf.js's text
// layer. Loaded through client/lazy.ts, outside the CLI's bundle: its `import()`s must run from a module Node loaded
// itself (a bundle compiled from its code cache by `vm.Script` has no loader for them).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** Files larger than this are refused before reading: a plan's .docx or .pdf is well under it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The text of a .txt, .docx (mammoth's raw text) or .pdf (pdf.js text layer). */
export async function readPlanFile(file: string): Promise<string> {
  const data = await readFile(file);
  if (data.byteLength > MAX_FILE_BYTES) throw new Error(`lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const kind = extname(file).toLowerCase();
  switch (kind) {
    case '.docx':
      return docxText(data);
    case '.pdf':
      return pdfText(data);
    case '.txt':
    case '.text':
    case '.md':
      return data.toString('utf8');
    default:
      throw new Error(`không hỗ trợ loại tệp "${kind || '(không đuôi)'}"; dùng .txt, .docx hoặc .pdf`);
  }
}

async function docxText(data: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  return (await mammoth.extractRawText({ buffer: data })).value;
}

/**
 * The PDF's text layer in the order the writer drew it, a line per text line (cells of a two-column header or
 * signature table stay apart). A scanned PDF has no text layer: that is said, not guessed at.
 */
async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
  } finally {
    await pdf.destroy();
  }
  const text = pages.join('\n');
  if (!text.trim()) throw new Error('tệp PDF không có lớp văn bản (bản quét?): hãy dùng bản .docx hoặc chép văn bản ra .txt');
  return text;
}
