// The lead office's weekly digest: what it counts, what it lists, and when it goes out.
import { addDays, civilDateAt, instantAt, isWorkingDay, weekday } from '../../model/calendar';
import { DIGEST_NAMES, digestLines, needsAction, nextDigestAt, type DigestEntry } from '../../model/digest';

const entry = (agencyName: string, status: DigestEntry['status'], cycle?: string): DigestEntry => ({ stepId: 'bao-cao', title: 'Báo cáo kết quả', cycle, agencyName, status });

test('a line per step and cycle: reported of expected, waiting reports and overdue units named; cancelled work is not expected', () => {
  const lines = digestLines([
    entry('UBND xã A', 'submitted', 'năm 2027'), entry('UBND xã B', 'overdue', 'năm 2027'), entry('UBND xã C', 'done-on-time', 'năm 2027'),
    entry('UBND xã D', 'cancelled', 'năm 2027'), entry('UBND xã E', 'reassigned', 'năm 2027'), entry('UBND xã F', 'not-due', 'năm 2027'),
    entry('UBND xã A', 'done-late', 'năm 2026'), entry('UBND xã B', 'done-on-time', 'năm 2026'),
  ]);
  // 2026 is all done: nothing to say about it.
  expect(lines).toEqual([{
    stepId: 'bao-cao', title: 'Báo cáo kết quả', cycle: 'năm 2027', expected: 4, reported: 2,
    waiting: { count: 1, names: ['UBND xã A'] }, overdue: { count: 1, names: ['UBND xã B'] },
  }]);
  expect(needsAction(lines)).toBe(true);
  expect(needsAction(digestLines([entry('UBND xã F', 'not-due')]))).toBe(false);
});

test('a national step names a few overdue communes and counts the rest', () => {
  const many = Array.from({ length: 3321 }, (_, i) => entry(`UBND xã ${i}`, 'overdue'));
  const [line] = digestLines(many);
  expect(line!.overdue.count).toBe(3321);
  expect(line!.overdue.names).toHaveLength(DIGEST_NAMES);
  expect(JSON.stringify(line).length).toBeLessThan(1000);
});

test('digests go out at office start on the first working day of the week, strictly later', () => {
  // Wednesday 2027-03-10 → Monday 2027-03-15 08:00.
  expect(civilDateAt(nextDigestAt(instantAt('2027-03-10', '10:00'), '08:00'))).toBe('2027-03-15');
  // Monday before office start: the same day; after it, next week.
  expect(nextDigestAt(instantAt('2027-03-15', '07:00'), '08:00')).toBe(instantAt('2027-03-15', '08:00'));
  expect(civilDateAt(nextDigestAt(instantAt('2027-03-15', '08:00'), '08:00'))).toBe('2027-03-22');
  // Tết 2027 (Tuesday 2 Feb is a working day; the week of Monday 8 Feb is mostly off): the first day work resumes.
  const after = civilDateAt(nextDigestAt(instantAt('2027-02-02', '09:00'), '07:30'));
  expect(isWorkingDay(after)).toBe(true);
  expect(weekday(after)).toBeGreaterThan(1);
  for (let d = '2027-02-08'; d < after; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
});
