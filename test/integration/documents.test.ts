// The official documents of every example plan, as a clerk would open them: the Kế hoạch (through the CLI) and
// a Báo cáo tổng hợp, rendered to PDF by LibreOffice and checked through the text layer (pdftotext), the page
// size (pdfinfo) and the .docx XML (fonts, sizes, page size, margins); page 1 rendered to PNG by pdftoppm.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { reportDocx } from '../../activities/documents';
import { consolidate, type AcceptedReport } from '../../model/consolidate';
import { loadPlanText } from '../../model/load';
import type { Plan } from '../../model/plan';
import { consolidatedReport, type ConsolidatedReport } from '../../model/report';
import { expandAgencies } from '../../model/work';
import { planflow } from '../helpers/cli';
import { exampleFiles, ROOT } from '../helpers/files';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'planflow-documents-'));
/**
 * Text without white space: where a glyph comes from a fallback font (Liberation Serif lacks some stacked Vietnamese
 * diacritics), pdftotext splits the word ("huy ện"), so text is compared with all spaces removed.
 */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const expectText = (body: string) => ({
  toContain: (part: string): void => expect(body).toContain(squeeze(part)),
  notToContain: (part: string): void => expect(body).not.toContain(squeeze(part)),
});

interface Rendered {
  plan: Plan;
  name: string;
  report: ConsolidatedReport;
  /** The ratio each indicator must show, computed here from the reports given, as "75%" or "66,7%". */
  expectedFigures: string[];
}

/** Half of the agencies the plan's work names report, each with 30/40 for ratios and 5 for counts. */
function reportFor(plan: Plan, supplement: boolean): Omit<Rendered, 'name' | 'plan'> {
  const c = plan.reporting.consolidations[0]
    ?? { id: 'tong-hop', by: plan.clauses[0]?.lead ?? plan.document.issuer, to: [plan.document.issuer] };
  const from = plan.reporting.submissions.length ? plan.reporting.submissions.flatMap((s) => s.from) : plan.clauses.flatMap((cl) => cl.assignees);
  const expected = expandAgencies(plan, from).map((id) => ({ id, name: plan.agencies.find((a) => a.id === id)!.name }));
  const reporting = expected.slice(0, Math.ceil(expected.length / 2));
  const reports: AcceptedReport[] = reporting.map((a, i) => ({
    agencyId: a.id, agencyName: a.name,
    values: Object.fromEntries(plan.indicators.map((ind) => [ind.id, ind.measure.kind === 'ratio' ? { numerator: 30 + i, denominator: 40 } : 5])),
  }));
  const result = consolidate(plan.indicators, reports, expected, '2025-12-15');
  const expectedFigures = plan.indicators.map((ind) => {
    if (ind.measure.kind === 'count') return `${5 * reports.length} ${ind.measure.unit}`;
    const numerator = reports.reduce((sum, _, i) => sum + 30 + i, 0);
    return `${(Math.round((1000 * numerator) / (40 * reports.length)) / 10).toString().replace('.', ',')}%`;
  });
  return { report: consolidatedReport(plan, c, result, { cycle: supplement ? 'năm 2025' : undefined, supplement }), expectedFigures };
}

const rendered: Rendered[] = [];

beforeAll(async () => {
  for (const [i, file] of exampleFiles().entries()) {
    const loaded = loadPlanText(readFileSync(file, 'utf8'), 'vi');
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const name = basename(file, '.yaml');
    const cli = await planflow(['render', 'plan', file, '--docx', join(dir, `${name}-plan.docx`)]);
    expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' });
    const r = reportFor(loaded.plan, i % 2 === 0);
    writeFileSync(join(dir, `${name}-report.docx`), await reportDocx(r.report));
    rendered.push({ plan: loaded.plan, name, ...r });
  }
  // One LibreOffice run for every document, with a profile of its own so it never meets another soffice.
  const docs = rendered.flatMap((r) => [`${r.name}-plan.docx`, `${r.name}-report.docx`]);
  await run('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...docs], { cwd: dir, timeout: 120_000 });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = async (file: string, page?: number) =>
  (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', join(dir, file), '-'])).stdout;
const pageCount = async (file: string) => Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [join(dir, file)])).stdout)![1]);
const docxPart = async (file: string, part: string) => (await run('unzip', ['-p', join(dir, file), part])).stdout;

/** Page size, margins, fonts and sizes as Decree 30 sets them, read from the .docx itself. */
async function expectDecree30Docx(file: string): Promise<void> {
  const document = await docxPart(file, 'word/document.xml');
  expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const margin = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
  const twips = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)![1]);
  const mm = (side: string) => (twips(side) * 25.4) / 1440;
  expect(mm('top')).toBeGreaterThanOrEqual(19.9);
  expect(mm('top')).toBeLessThanOrEqual(25);
  expect(mm('bottom')).toBeGreaterThanOrEqual(19.9);
  expect(mm('bottom')).toBeLessThanOrEqual(25);
  expect(mm('left')).toBeGreaterThanOrEqual(29.9);
  expect(mm('left')).toBeLessThanOrEqual(35);
  expect(mm('right')).toBeGreaterThanOrEqual(14.9);
  expect(mm('right')).toBeLessThanOrEqual(20);
  const fonts = new Set([...document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
  expect([...fonts]).toEqual(['Times New Roman']);
  const sizes = new Set([...document.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2));
  for (const size of sizes) expect([11, 12, 13, 14]).toContain(size);
  expect(document).toContain('<w:titlePg/>'); // no number on page 1
  const styles = await docxPart(file, 'word/styles.xml');
  expect(styles).toContain('w:ascii="Times New Roman"');
}

/** A4 in the PDF; the page number at the top of page 2 and none on page 1. */
async function expectPages(pdf: string): Promise<void> {
  expect((await run('pdfinfo', [join(dir, pdf)])).stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  expect((await pdfText(pdf, 1)).trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
  if ((await pageCount(pdf)) > 1) expect((await pdfText(pdf, 2)).trim().split('\n')[0]!.trim()).toBe('2');
}

test('the Kế hoạch of every example: header, title, clauses with their lead, signature block, Nơi nhận', async () => {
  for (const { plan, name } of rendered) {
    await expectDecree30Docx(`${name}-plan.docx`);
    await expectPages(`${name}-plan.pdf`);
    const body = squeeze(await pdfText(`${name}-plan.pdf`));
    const issuer = plan.agencies.find((a) => a.id === plan.document.issuer)!;
    const party = issuer.kind === 'party-committee';
    expectText(body).toContain(party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    if (!party) expectText(body).toContain('Độc lập - Tự do - Hạnh phúc');
    expectText(body).toContain(`/${plan.document.symbol}`);
    expectText(body).toContain('KẾ HOẠCH');
    expectText(body).toContain('Nơi nhận:');
    for (const c of plan.clauses) expectText(body).toContain(`Chủ trì: ${plan.agencies.find((a) => a.id === c.lead)!.name}`);
    if (plan.document.issuedOn) {
      const [y, m, d] = plan.document.issuedOn.split('-').map(Number) as [number, number, number];
      expectText(body).toContain(`ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`);
    }
    if (plan.signatory) expectText(body).toContain(`${plan.signatory.capacity}. ${plan.signatory.onBehalfOf}`);
    for (const r of plan.recipients) expectText(body).toContain(r.text);
  }
});

test('the Van Quan plan quotes its own deadline words and its reporting regime', async () => {
  const body = squeeze(await pdfText('van-quan-2021-tre-em-plan.pdf'));
  expectText(body).toContain('trước ngày 20/11/2021');
  expectText(body).toContain('CHẾ ĐỘ BÁO CÁO');
  expect(body).toMatch(/KT\.CHỦTỊCH.*PHÓCHỦTỊCH/);
  expectText(body).toContain('Triệu Đức Dũng');
});

test('the Báo cáo tổng hợp of every example: who reported, who did not, recomputed figures, supplement marked', async () => {
  expect(rendered.filter((r) => r.expectedFigures.length > 0).length).toBeGreaterThan(0);
  expect(rendered.filter((r) => r.report.supplement).length).toBeGreaterThan(0);
  for (const { name, report, expectedFigures } of rendered) {
    await expectDecree30Docx(`${name}-report.docx`);
    await expectPages(`${name}-report.pdf`);
    const body = squeeze(await pdfText(`${name}-report.pdf`));
    expectText(body).toContain('BÁO CÁO');
    expectText(body).toContain(`Có ${report.result.reported.length}/${report.result.expected} đơn vị đã gửi báo cáo`);
    for (const missing of report.result.missing) expectText(body).toContain(missing);
    for (const figure of expectedFigures) expectText(body).toContain(figure);
    expectText(body).toContain(`Kính gửi`);
    if (report.supplement) expectText(body).toContain('(Báo cáo bổ sung)');
    else expectText(body).notToContain('bổ sung)');
    if (report.cycle) expectText(body).toContain(`(${report.cycle})`);
  }
});

test('page 1 of each document renders to PNG (written to docs/ with WRITE_DOC_IMAGES=1)', async () => {
  const wanted = [['van-quan-2021-tre-em-plan', 'ke-hoach'], ['dien-bien-292-kh-ubnd-2019-report', 'bao-cao-tong-hop']] as const;
  for (const [pdf, image] of wanted) {
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, `${pdf}.pdf`), join(dir, image)]);
    const png = readFileSync(join(dir, `${image}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(height / width).toBeCloseTo(297 / 210, 2);
    if (process.env.WRITE_DOC_IMAGES === '1') copyFileSync(join(dir, `${image}.png`), join(ROOT, 'docs', `${image}.png`));
  }
});
