// What notices say around an event, from the plan: its number, issuer and date; a step by its title; the plan's own
// deadline words; indicators with units; a close summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlanText } from '../../model/load';
import { closeSummary, indicatorsToReport, noticePlan, noticeWork } from '../../model/notice-context';
import type { Plan } from '../../model/plan';
import { scorecard } from '../../model/status';
import { EXAMPLES_DIR } from '../helpers/files';

function example(name: string): Plan {
  const loaded = loadPlanText(readFileSync(join(EXAMPLES_DIR, name), 'utf8'), 'vi');
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.plan;
}

test('the plan as every message names it', () => {
  expect(noticePlan(example('dien-bien-292-kh-ubnd-2019.yaml'), 'plan/292-KH-UBND/2019')).toMatchObject({
    number: '292/KH-UBND', issuer: 'Ủy ban nhân dân huyện Điện Biên', issuedOn: '2019-02-22',
  });
});

test('a step by its place and opening words, its deadline in the plan\'s words', () => {
  const vanQuan = example('van-quan-2021-tre-em.yaml');
  const submission = vanQuan.reporting.submissions[0]!;
  const work = noticeWork(vanQuan, submission.id, submission.deadline);
  expect(work.deadlineWords).toBe('trước ngày 20/11/2021');
  expect(work.stepTitle).toMatch(/^Báo cáo: Căn cứ kết quả triển khai thực hiện trong năm/);
  expect(noticeWork(vanQuan, 'clause-1', { kind: 'after-step', step: 'clause-1', event: 'completion', days: 5, unit: 'working-days' }).deadlineWords)
    .toMatch(/^5 ngày làm việc sau ngày hoàn thành của nhiệm vụ "Mục V\.1: /);
  const standing = noticeWork(vanQuan, 'clause-1', undefined);
  expect(standing.stepTitle).toMatch(/^Mục V\.1: /);
  expect(standing.deadlineWords).toBe('thường xuyên');
});

test('indicators with units, and the close summary', () => {
  const dienBien = example('dien-bien-292-kh-ubnd-2019.yaml');
  expect(indicatorsToReport(dienBien.indicators).map((i) => i.unit)).toEqual(['%', '%']);
  expect(closeSummary(scorecard(['done-on-time', 'done-on-time', 'done-late', 'overdue', 'submitted']), 2))
    .toEqual({ assignments: 5, doneOnTime: 2, doneLate: 1, unfinished: 2, consolidations: 2 });
});
