// Reads the report form: the text, each indicator's value (a count, or numerator and denominator), and the files,
// each checked by its bytes before anything is sent to the workflow.
import { z } from 'zod';
import { UPDATE_LIMITS, type ReportValues } from '../../model/actions';
import type { Indicator } from '../../model/plan';
import { AttachmentRefused, checkAttachment, MAX_ATTACHMENT_BYTES } from '../../store/attachments';

export const MAX_FILES = 5;
/** Five files of 20 MB and the form around them; a larger file is refused by its own check, with its name. */
export const REPORT_BODY_LIMIT = MAX_FILES * MAX_ATTACHMENT_BYTES + 1024 * 1024;

export interface ReportForm {
  text: string;
  values: ReportValues;
  files: { name: string; content: Buffer }[];
}

type FormBody = Record<string, string | File | (string | File)[]>;

/** The report Update's own bound, with the form's words: a longer text would be refused by the workflow's validator. */
export const MAX_REPORT_CHARS = UPDATE_LIMITS.reportLength;
const Text = z.string().trim().min(1, 'cần nội dung báo cáo').max(MAX_REPORT_CHARS, `nội dung báo cáo dài quá ${MAX_REPORT_CHARS.toLocaleString('vi-VN')} ký tự`);
const Whole = z.coerce.number().int().nonnegative();

const field = (body: FormBody, name: string) => {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export async function readReportForm(body: FormBody, indicators: readonly Indicator[]): Promise<{ ok: true; form: ReportForm } | { ok: false; message: string }> {
  const text = Text.safeParse(body.text);
  if (!text.success) return { ok: false, message: `text: ${text.error.issues[0]?.message ?? ''}` };
  const values: ReportValues = {};
  for (const indicator of indicators) {
    const name = `value.${indicator.id}`;
    const parts = indicator.measure.kind === 'count' ? [field(body, name)] : [field(body, `${name}.numerator`), field(body, `${name}.denominator`)];
    if (parts.every((p) => p === undefined)) continue;
    const numbers = parts.map((p) => Whole.safeParse(p));
    if (numbers.some((n) => !n.success)) return { ok: false, message: `${indicator.name}: cần số nguyên không âm` };
    const [a = 0, b = 0] = numbers.map((n) => (n.success ? n.data : 0));
    values[indicator.id] = indicator.measure.kind === 'count' ? a : { numerator: a, denominator: b };
  }
  const files = [body.files ?? []].flat().filter((f): f is File => typeof f !== 'string' && f.size > 0);
  if (files.length > MAX_FILES) return { ok: false, message: `files: tối đa ${MAX_FILES} tệp` };
  const read: ReportForm['files'] = [];
  for (const file of files) {
    const content = Buffer.from(await file.arrayBuffer());
    try {
      checkAttachment(file.name, content);
    } catch (error) {
      if (error instanceof AttachmentRefused) return { ok: false, message: error.message };
      throw error;
    }
    read.push({ name: file.name, content });
  }
  return { ok: true, form: { text: text.data, values, files: read } };
}
