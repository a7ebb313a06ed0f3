// Attachments: the type comes from the bytes (PDF, DOCX, XLSX, images), never the name; at most 20 MB; stored and
// read back byte for byte.
import { Document, Packer, Paragraph } from 'docx';
import { AttachmentRefused, createAttachments, MAX_ATTACHMENT_BYTES, type Attachments } from '../../store/attachments';
import { ALLOWED_TYPES, detectContentType } from '../../store/content-type';
import { describeOnBothBackends } from './backends';
import { XLSX_PARTS, zip } from './zip';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const docx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo kết quả thực hiện Kế hoạch')] }] }));

describe('detectContentType', () => {
  it('tells the allowed types by their bytes', async () => {
    expect(detectContentType(PDF)).toBe(ALLOWED_TYPES.pdf);
    expect(detectContentType(PNG)).toBe(ALLOWED_TYPES.png);
    expect(detectContentType(JPEG)).toBe(ALLOWED_TYPES.jpeg);
    expect(detectContentType(Buffer.from('GIF89a......'))).toBe(ALLOWED_TYPES.gif);
    expect(detectContentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe(ALLOWED_TYPES.webp);
    expect(detectContentType(await docx())).toBe(ALLOWED_TYPES.docx);
    expect(detectContentType(zip(XLSX_PARTS))).toBe(ALLOWED_TYPES.xlsx);
  });

  it('refuses programs, HTML, plain ZIPs and truncated archives', () => {
    expect(detectContentType(Buffer.from('MZ\x90\x00\x03'))).toBeUndefined();
    expect(detectContentType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeUndefined();
    expect(detectContentType(zip({ 'virus.exe': 'MZ' }))).toBeUndefined();
    expect(detectContentType(zip(XLSX_PARTS).subarray(0, 60))).toBeUndefined();
  });
});

describeOnBothBackends('attachments', (backend) => {
  let attachments: Attachments;
  beforeAll(async () => {
    attachments = createAttachments(await backend.open());
  });

  it('stores a file and gives it back byte for byte, typed by its content', async () => {
    const content = await docx();
    const info = await attachments.add({ subject: 'plan/a/clause-1/xa-b', filename: 'bao-cao.pdf', uploadedBy: 'p1' }, content);
    expect(info).toMatchObject({ contentType: ALLOWED_TYPES.docx, size: content.length, filename: 'bao-cao.pdf' });
    const got = await attachments.get(info.id);
    expect(got?.content.equals(content)).toBe(true);
    expect((await attachments.list('plan/a/clause-1/xa-b')).map((a) => a.id)).toEqual([info.id]);
    expect(await attachments.get('not-a-uuid')).toBeUndefined();
  });

  it('takes a file of exactly 20 MB', async () => {
    const content = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const info = await attachments.add({ subject: 's', filename: 'lon.pdf', uploadedBy: 'p1' }, content);
    expect(info.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses 25 MB, a disallowed type and an empty file, storing nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]);
    await expect(attachments.add({ subject: 'r', filename: 'lon.pdf', uploadedBy: 'p1' }, big)).rejects.toMatchObject({ code: 'too-large' });
    await expect(attachments.add({ subject: 'r', filename: 'a.pdf', uploadedBy: 'p1' }, Buffer.from('MZ'))).rejects.toBeInstanceOf(AttachmentRefused);
    await expect(attachments.add({ subject: 'r', filename: 'a.pdf', uploadedBy: 'p1' }, Buffer.alloc(0))).rejects.toMatchObject({ code: 'empty' });
    await expect(attachments.add({ subject: 'r', filename: '../a.pdf', uploadedBy: 'p1' }, PDF)).rejects.toThrow(/tên tệp/);
    expect(await attachments.list('r')).toEqual([]);
  });
});
