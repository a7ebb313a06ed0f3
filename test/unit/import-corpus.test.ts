// Scores the importer on the corpus (test/fixtures/import): every real text against the fields written down for
// it before the importer ever ran on it. At least 90% of the stated fields right, and nothing invented where an
// invention would do harm: numbers, dates, signatories, recipients. Prints the score table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importPlanText } from '../../model/import';
import { Expectation, NEVER_INVENT, fieldTable, rightShare, scoreImport, scoreTable, type TextScore } from '../../model/import/score';

const DIR = join(__dirname, '..', 'fixtures', 'import');
const texts = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

const scores: TextScore[] = texts.map((file) => {
  const expected = Expectation.parse(parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.yaml')), 'utf8')));
  const result = importPlanText(readFileSync(join(DIR, file), 'utf8'));
  return { name: file.replace(/\.txt$/, ''), rows: scoreImport(expected, result) };
});

afterAll(() => {
  process.stdout.write(`\nImport score on ${texts.length} texts:\n${scoreTable(scores)}\n\nPer field:\n${fieldTable(scores)}\n`);
});

test('the corpus holds the four seeds and at least 12 other real texts, each with its expected fields', () => {
  expect(texts.filter((f) => f.startsWith('seed-'))).toHaveLength(4);
  expect(texts.filter((f) => !f.startsWith('seed-')).length).toBeGreaterThanOrEqual(12);
  for (const file of texts) expect(readdirSync(DIR)).toContain(file.replace(/\.txt$/, '.yaml'));
});

test('at least 90% of the fields the texts state are extracted right', () => {
  const all = scores.flatMap((s) => s.rows);
  expect(all.filter((r) => r.outcome !== 'invented').length).toBeGreaterThan(150);
  expect(rightShare(all)).toBeGreaterThanOrEqual(0.9);
});

test('no invented numbers, dates, signatories or recipients', () => {
  const invented = scores.flatMap((s) => s.rows.filter((r) => r.outcome === 'invented' && NEVER_INVENT.has(r.field)).map((r) => `${s.name}: ${r.field} = ${r.got}`));
  expect(invented).toEqual([]);
});

test('the per-field table counts the same rows as the per-text table, every scored field once', () => {
  const totals = (table: string) => table.split('\n').at(-1)!.split('|').slice(2).join('|');
  expect(totals(fieldTable(scores))).toBe(totals(scoreTable(scores)));
  const fields = fieldTable(scores).split('\n').slice(2, -1).map((l) => l.split('|')[1]!.trim());
  expect(new Set(fields).size).toBe(fields.length);
  expect(fields).toEqual(expect.arrayContaining(['number', 'issuedOn', 'signatory', 'recipients', 'deadlines']));
});
