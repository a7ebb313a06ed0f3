// `planflow import` as a coordinator runs it, on the Văn Quan plan as .txt, as a .docx made here with the `docx`
// package, and as a PDF that LibreOffice prints from that .docx: the same draft from all three, a YAML file with
// provenance comments that validates once emails are added, and plain refusals for files it cannot read.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';
import { parse, stringify } from 'yaml';
import type { ImportOutcome } from '../../model/import';
import { planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';

const SEED = join(ROOT, 'test', 'fixtures', 'import', 'seed-002-van-quan-2021.txt');
let dir = '';
let files: Record<'txt' | 'docx' | 'pdf', string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planflow-import-'));
  const text = await readFile(SEED, 'utf8');
  const docx = join(dir, 'van-quan.docx');
  // A font with every Vietnamese letter, as Times New Roman has in an office's .docx: with a font lacking some,
  // LibreOffice draws those letters from a fallback font as separate runs, and the PDF's text layer scatters them.
  const doc = new Document({
    styles: { default: { document: { run: { font: 'DejaVu Serif' } } } },
    sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }],
  });
  await writeFile(docx, await Packer.toBuffer(doc));
  // A private LibreOffice profile, so a conversion never waits on another user's running instance.
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
  files = { txt: SEED, docx, pdf: join(dir, 'van-quan.pdf') };
}, 150_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function importJson(file: string): Promise<ImportOutcome> {
  const { code, stdout, stderr } = await planflow(['import', file, '--json']);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return JSON.parse(stdout) as ImportOutcome;
}

/** The fields a coordinator checks first. */
function essentials(r: ImportOutcome) {
  const p = r.plan;
  return {
    issuer: p.agencies.find((a) => a.id === p.document.issuer)?.name,
    title: p.document.title,
    implements: p.document.implements?.map((d) => d.number),
    period: p.document.period,
    signatory: p.signatory,
    signer: p.people?.[0]?.name,
    recipients: p.recipients?.length,
    reportDeadline: p.reporting?.submissions?.[0]?.deadline,
    missing: r.missing.filter((m) => !/\.emails?$/.test(m)),
  };
}

test('--json prints exactly { plan, provenance, missing, warnings }, each value with its source text', async () => {
  const { code, stdout } = await planflow(['import', files.txt, '--json']);
  expect(code).toBe(0);
  const printed = JSON.parse(stdout) as Record<string, unknown>;
  expect(Object.keys(printed)).toEqual(['plan', 'provenance', 'missing', 'warnings']);
  const result = printed as unknown as ImportOutcome;
  expect(result.provenance['document.issuer']).toBe('Ủy ban nhân dân huyện Văn Quan');
  expect(result.missing).toEqual(expect.arrayContaining(['document.number', 'document.issuedOn']));
  expect(result.warnings.map((w) => w.code)).toContain('derived-symbol');
}, 30_000);

test('.txt, .docx and .pdf give the same draft', async () => {
  const fromTxt = essentials(await importJson(files.txt));
  expect(fromTxt).toEqual({
    issuer: 'Ủy ban nhân dân huyện Văn Quan',
    title: 'Triển khai thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng trên địa bàn huyện Văn Quan năm 2021',
    implements: ['28/KH-SLĐTBXH'],
    period: { from: 2021, to: 2021 },
    signatory: { person: 'trieu-duc-dung', capacity: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
    signer: 'Triệu Đức Dũng',
    recipients: 7,
    reportDeadline: { kind: 'date', date: '2021-11-20', wording: 'before' },
    missing: ['document.number', 'document.issuedOn'],
  });
  expect(essentials(await importJson(files.docx))).toEqual(fromTxt);
  expect(essentials(await importJson(files.pdf))).toEqual(fromTxt);
}, 60_000);

test('--out writes a YAML draft with provenance comments that validates once emails are added', async () => {
  const out = join(dir, 'draft.yaml');
  const { code, stdout } = await planflow(['import', files.docx, '--out', out]);
  expect(code).toBe(0);
  expect(stdout).toContain(`Đã ghi bản nháp: ${out}`);
  expect(stdout).toContain('Cần bổ sung: document.number, document.issuedOn');
  const yaml = await readFile(out, 'utf8');
  expect(yaml).toContain('# nguồn: «KT. CHỦ TỊCH PHÓ CHỦ TỊCH Triệu Đức Dũng»');
  expect(yaml).toContain('# nguồn: «trước ngày 20/11/2021»');
  expect(yaml).toContain('«Căn cứ kết quả triển khai thực hiện trong năm');

  const before = await planflow(['validate', out]);
  expect(before.code).toBe(1);
  expect(before.stdout).toContain('agencies[0].emails');

  const draft = parse(yaml) as { agencies: { id: string; emails?: string[] }[]; people: { id: string; email?: string }[] };
  for (const a of draft.agencies) a.emails = [`${a.id}@vanquan.example`];
  for (const p of draft.people) p.email = `${p.id}@vanquan.example`;
  const completed = join(dir, 'completed.yaml');
  await writeFile(completed, stringify(draft));
  expect(await planflow(['validate', completed])).toMatchObject({ code: 0, stdout: 'OK\n' });
}, 60_000);

test('a file it cannot read is refused with the reason, not thrown', async () => {
  const odt = join(dir, 'plan.odt');
  await writeFile(odt, 'x');
  const wrongKind = await planflow(['import', odt]);
  expect(wrongKind.code).toBe(1);
  expect(wrongKind.stderr).toContain('không hỗ trợ loại tệp ".odt"; dùng .txt, .docx hoặc .pdf');
  const missingFile = await planflow(['import', join(dir, 'none.txt')]);
  expect(missingFile.code).toBe(1);
  expect(missingFile.stderr).toContain('(ENOENT)');
  expect((await planflow(['import'])).code).toBe(2);
}, 30_000);
