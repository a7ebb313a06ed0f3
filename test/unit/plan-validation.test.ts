// The plan schema against the four transcribed seed documents and a set of broken files, one mistake each.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadPlanText } from '../../model/load';
import { formatProblem, validatePlan } from '../../model/validate';
import type { Plan } from '../../model/plan';
import { brokenFiles, exampleFiles, expectedProblems, readExample } from '../helpers/files';

function load(name: string): Plan {
  const result = loadPlanText(readExample(name));
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  return result.plan;
}

describe('the four seed documents', () => {
  test.each(exampleFiles().map((f) => [basename(f), f]))('%s validates', (_name, file) => {
    const result = loadPlanText(readFileSync(file, 'utf8'));
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p))).toEqual([]);
  });

  test('there is one example per seed', () => {
    expect(exampleFiles()).toHaveLength(4);
  });

  test('Văn Quan 2021: signatory KT. CHỦ TỊCH, communes report before 20/11/2021, the commune list is marked assumed', () => {
    const plan = load('van-quan-2021-tre-em.yaml');
    expect(plan.signatory).toEqual({ person: 'trieu-duc-dung', capacity: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' });
    expect(plan.people.find((p) => p.id === 'trieu-duc-dung')?.name).toBe('Triệu Đức Dũng');
    const [submission] = plan.reporting.submissions;
    expect(submission).toMatchObject({ from: ['ubnd-cac-xa'], to: 'phong-ldtbxh-dt' });
    expect(submission?.deadline).toEqual({ kind: 'date', date: '2021-11-20', wording: 'before' });
    expect(plan.reporting.consolidations[0]).toMatchObject({ by: 'phong-ldtbxh-dt', to: ['ubnd-huyen', 'so-ldtbxh'] });
    const communes = plan.groups.find((g) => g.id === 'ubnd-cac-xa');
    expect(communes?.assumed).toBe(true);
    expect(communes?.members.length).toBeGreaterThan(10);
    expect(plan.document.implements[0]).toMatchObject({ number: '28/KH-SLĐTBXH', issuedOn: '2021-03-08' });
    expect(plan.recipients.at(-1)).toEqual({ text: 'Lưu: VT, LĐTĐBXHDT.', to: [], archive: true });
  });

  test('Điện Biên 292/KH-UBND: 70% by 2020 and 90% by 2025, seven clauses with their leads', () => {
    const plan = load('dien-bien-292-kh-ubnd-2019.yaml');
    expect(plan.document).toMatchObject({ number: 292, symbol: 'KH-UBND', issuedOn: '2019-02-22', period: { from: 2019, to: 2025 } });
    const reach = plan.indicators.find((i) => i.id === 'tre-em-tiep-can-dich-vu');
    expect(reach?.measure.kind).toBe('ratio');
    expect(reach?.targets).toEqual([
      { by: '2020-12-31', value: 70 },
      { by: '2025-12-31', value: 90 },
    ]);
    expect(plan.clauses.map((c) => c.lead)).toEqual([
      'phong-ldtbxh', 'phong-gddt', 'phong-yte', 'phong-vhtt', 'phong-tckh', 'phong-ldtbxh', 'phong-ldtbxh',
    ]);
    expect(plan.clauses[0]?.coordinators).toEqual(['phong-ban-nganh-doan-the', 'ubnd-cac-xa']);
    expect(plan.clauses[2]?.assignees).toEqual(['phong-yte', 'ttyt-huyen']);
  });

  test('749/KH-UBND states "4 mục tiêu với 24 chỉ tiêu" without listing them', () => {
    const plan = load('tinh-749-kh-ubnd-2024.yaml');
    expect(plan.declaredCounts).toEqual({ objectives: 4, indicators: 24 });
    expect(plan.tasks.length).toBeGreaterThan(0);
  });

  test('211/KH-HU implements Chỉ thị 28-CT/TW and asks two groups for their own plans', () => {
    const plan = load('vinh-cuu-211-kh-hu-2024.yaml');
    expect(plan.document.implements[0]).toMatchObject({ kind: 'chi-thi', number: '28-CT/TW', issuedOn: '2023-12-25' });
    expect(plan.clauses[0]).toMatchObject({ due: 'implementing-plan', assignees: ['cap-uy-truc-thuoc', 'to-chuc-ct-xh-huyen'] });
  });
});

describe('broken plans', () => {
  const withoutLine = (line: string) => line.replace(/ \(line \d+\)$/, '');

  test.each(brokenFiles().map((f) => [basename(f), f]))('%s yields exactly its declared problems', (_name, file) => {
    const expected = expectedProblems(file);
    expect(expected.length).toBeGreaterThan(0);
    const result = loadPlanText(readFileSync(file, 'utf8'), 'en');
    const lines = result.ok ? [] : result.problems.map((p) => formatProblem(p, 'en'));
    expect(lines.map(withoutLine).sort()).toEqual(expected.map(withoutLine).sort());
  });

  test('problems name their line in the file', () => {
    const result = loadPlanText(readFileSync(brokenFiles().find((f) => f.endsWith('unknown-lead.yaml'))!, 'utf8'), 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblem(result.problems[0]!, 'en')).toBe('clauses[0].lead: unknown agency "phong-yte" (line 14)');
  });

  test('messages are Vietnamese by default', () => {
    const result = validatePlan({ schemaVersion: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => formatProblem(p))).toContain('document: thiếu trường bắt buộc');
  });
});
