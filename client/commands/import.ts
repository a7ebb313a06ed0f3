// `planflow import FILE [--out DRAFT.yaml] [--json]`: drafts a plan file from a plan's text (.txt, .docx, .pdf).
// The reading is model/import's; this command only turns a file into text and the draft into YAML or JSON.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { ImportOutcome } from '../../model/import';
import { act } from '../args';
import * as lazy from '../lazy';

/** Files larger than this are refused before reading: a plan's .docx or .pdf is well under it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function importCommand(program: Command): void {
  program.command('import')
    .description('soạn bản nháp tệp kế hoạch từ văn bản (.txt, .docx, .pdf); điều văn bản không nêu để trống và liệt kê')
    .argument('<TỆP>', 'văn bản kế hoạch: .txt, .docx hoặc .pdf')
    .option('--out <BẢN-NHÁP>', 'ghi bản nháp YAML vào tệp (mặc định: in ra màn hình)')
    .option('--json', 'in JSON: plan, provenance, missing, warnings')
    .action(act((file: string, values: { out?: string; json?: boolean }) => importFile(file, values)));
}

async function importFile(file: string, values: { out?: string; json?: boolean }): Promise<number> {
  const text = await readPlanFile(file).catch((error: unknown) => {
    process.stderr.write(`planflow import: không đọc được tệp "${file}" (${reason(error)})\n`);
    return undefined;
  });
  if (text === undefined) return 1;
  // Loaded here, not at start-up: every other command starts without the importer (see lazy.ts).
  const { ImportJson, importPlanText, MAX_TEXT_LENGTH } = lazy.importer();
  const { draftYaml } = lazy.yamlDraft();
  const outcome = importPlanText(text.slice(0, MAX_TEXT_LENGTH));
  const output = values.json ? `${JSON.stringify(ImportJson.parse(outcome), null, 2)}\n` : draftYaml(outcome);
  if (!values.out) {
    process.stdout.write(output);
    return 0;
  }
  await writeFile(values.out, output, 'utf8');
  process.stdout.write(summary(values.out, outcome));
  return 0;
}

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

function summary(out: string, outcome: ImportOutcome): string {
  const contacts = outcome.missing.filter((p) => /\.emails?$/.test(p)).length;
  const fields = outcome.missing.filter((p) => !/\.emails?$/.test(p));
  return [
    `Đã ghi bản nháp: ${out}`,
    `Cần bổ sung: ${[...fields, ...(contacts ? [`${contacts} địa chỉ email`] : [])].join(', ') || 'không'}`,
    ...outcome.warnings.map((w) => `Lưu ý${w.path ? ` (${w.path})` : ''}: ${w.message}`),
    `Sau khi bổ sung: planflow validate ${out}`,
    '',
  ].join('\n');
}

const reason = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));
