// Report attachments, kept in the database (bytea) so every portal process and a backup see the same files. A file
// is accepted only if its bytes are one of the allowed types and it is at most 20 MB.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { detectContentType } from './content-type';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export class AttachmentRefused extends Error {
  constructor(readonly code: 'too-large' | 'empty' | 'type-not-allowed', message: string) {
    super(message);
    this.name = 'AttachmentRefused';
  }
}

export const AttachmentInput = z.object({
  subject: z.string().min(1).max(500),
  filename: z.string().min(1).max(255).refine((f) => !/[\\/\0\r\n]/.test(f), 'tên tệp không được chứa / \\ hoặc xuống dòng'),
  uploadedBy: z.string().min(1).max(120),
});

export const AttachmentInfo = z.object({
  id: z.string(),
  subject: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.date(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

const INFO_COLUMNS = 'id, subject, filename, content_type, size, sha256, uploaded_by, uploaded_at';
const InfoRow = z.object({ id: z.string(), subject: z.string(), filename: z.string(), content_type: z.string(), size: z.number(), sha256: z.string(), uploaded_by: z.string(), uploaded_at: z.date() })
  .transform((r): AttachmentInfo => ({ id: r.id, subject: r.subject, filename: r.filename, contentType: r.content_type, size: r.size, sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at }));

/** Checks a file before anything is stored; throws AttachmentRefused with a Vietnamese reason. */
export function checkAttachment(filename: string, content: Buffer): string {
  if (content.length === 0) throw new AttachmentRefused('empty', `${filename}: tệp rỗng`);
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRefused('too-large', `${filename}: tệp lớn hơn 20 MB`);
  const type = detectContentType(content);
  if (!type) throw new AttachmentRefused('type-not-allowed', `${filename}: chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG, GIF, WebP)`);
  return type;
}

export function createAttachments(db: Queryable) {
  return {
    async add(input: z.input<typeof AttachmentInput>, content: Buffer, now = new Date()): Promise<AttachmentInfo> {
      const meta = AttachmentInput.parse(input);
      const contentType = checkAttachment(meta.filename, content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const [info] = await rows(db, InfoRow,
        `INSERT INTO attachments (id, subject, filename, content_type, size, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${INFO_COLUMNS}`,
        [randomUUID(), meta.subject, meta.filename, contentType, content.length, sha256, content, meta.uploadedBy, now]);
      if (!info) throw new Error('attachments: INSERT returned no row');
      return info;
    },
    async list(subject: string): Promise<AttachmentInfo[]> {
      return rows(db, InfoRow, `SELECT ${INFO_COLUMNS} FROM attachments WHERE subject = $1 ORDER BY uploaded_at, id`, [subject]);
    },
    async get(id: string): Promise<{ info: AttachmentInfo; content: Buffer } | undefined> {
      if (!z.uuid().safeParse(id).success) return undefined;
      const found = await rows(db, z.object({ content: z.instanceof(Buffer) }).passthrough(), `SELECT ${INFO_COLUMNS}, content FROM attachments WHERE id = $1`, [id]);
      const row = found[0];
      return row ? { info: InfoRow.parse(row), content: row.content } : undefined;
    },
  };
}
export type Attachments = ReturnType<typeof createAttachments>;
