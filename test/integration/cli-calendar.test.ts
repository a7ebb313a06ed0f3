// `planflow calendar` as a coordinator runs it, checking the calendar rules from outside.
import { planflow } from '../helpers/cli';

test('add prints the deadline first: 5 working days from 22/1/2025 cross Tết', async () => {
  const { code, stdout } = await planflow(['calendar', 'add', '2025-01-22', '5', '--working-days']);
  expect(code).toBe(0);
  expect(stdout.split('\n')[0]).toBe('2025-02-05');
  expect(stdout).toContain('Điều 147');
});

test('add in calendar days moves a last day off to the next working day, and says so', async () => {
  const { stdout } = await planflow(['calendar', 'add', '2021-08-20', '13']);
  expect(stdout.split('\n')[0]).toBe('2021-09-06');
  expect(stdout).toContain('Điều 148 khoản 5');
});

test('is-working follows the official 2026 schedule: 1–2/1 and 29/8–2/9 off, Saturdays 10/1 and 22/8 worked', async () => {
  for (const off of ['2026-01-01', '2026-01-02', '29/08/2026', '30/08/2026', '31/08/2026', '2026-09-01', '2026-09-02']) {
    const day = await planflow(['calendar', 'is-working', off]);
    expect([off, day.code]).toEqual([off, 1]);
    expect(day.stdout).toMatch(/ngày nghỉ: (Tết Dương lịch|Quốc khánh)/); // official, so not "dự kiến"
  }
  for (const worked of ['2026-01-05', '2026-08-28', '2026-09-03']) expect((await planflow(['calendar', 'is-working', worked])).code).toBe(0);
  for (const [worked, source] of [['2026-01-10', '12729/VPCP-KGVX'], ['22/08/2026', '9441/TB-BNV']] as const) {
    const day = await planflow(['calendar', 'is-working', worked]);
    expect(day.code).toBe(0);
    expect(day.stdout).toContain(source);
  }
});

test('a day off of a year the government has not announced yet is shown as provisional (dự kiến)', async () => {
  const day = await planflow(['calendar', 'is-working', '2027-09-02']);
  expect(day.code).toBe(1);
  expect(day.stdout).toContain('ngày nghỉ (dự kiến): Quốc khánh');
  const official = await planflow(['calendar', 'is-working', '2026-09-02']);
  expect(official.stdout).toContain('ngày nghỉ: Quốc khánh');
  expect((await planflow(['calendar', 'is-working', '2027-09-02', '--lang', 'en'])).stdout).toContain('day off (provisional)');
});

test('is-working exits 0 for a swapped Saturday and 1 for Giỗ Tổ, saying why', async () => {
  const saturday = await planflow(['calendar', 'is-working', '2025-04-26']);
  expect(saturday.code).toBe(0);
  expect(saturday.stdout).toContain('làm bù');
  const gioTo = await planflow(['calendar', 'is-working', '2024-04-18', '--lang', 'en']);
  expect(gioTo.code).toBe(1);
  expect(gioTo.stdout).toContain('Hùng Kings');
});

test('holidays lists every day off of a year, official or computed, as JSON too', async () => {
  const { code, stdout } = await planflow(['calendar', 'holidays', '2025', '--json']);
  expect(code).toBe(0);
  const calendar = JSON.parse(stdout) as { daysOff: { date: string; origin: string }[]; workingDays: { date: string }[] };
  expect(calendar.daysOff.filter((d) => d.date >= '2025-01-25' && d.date <= '2025-02-02')).toHaveLength(9);
  expect(calendar.workingDays.map((d) => d.date)).toEqual(['2025-04-26']);
  const text = await planflow(['calendar', 'holidays', '2027']);
  expect(text.stdout).toContain('2027-02-10  Thứ Tư     Tết Âm lịch (nghỉ bù)  [dự kiến');
});

test('period prints the Decree 09 window', async () => {
  const { stdout } = await planflow(['calendar', 'period', 'year', '2021-06-01']);
  expect(stdout).toContain('năm 2021: số liệu từ 2020-12-15 đến 2021-12-14');
});

test('bad input gets a clear error and exit code 2', async () => {
  const { code, stderr } = await planflow(['calendar', 'add', '2021-02-30', '3']);
  expect(code).toBe(2);
  expect(stderr).toContain('NGÀY: ngày không hợp lệ: viết dạng dd/mm/yyyy');
  const kind = await planflow(['calendar', 'period', 'week', '2021-01-01', '--lang', 'en']);
  expect(kind.code).toBe(2);
  expect(kind.stderr).toContain('LOẠI: Invalid option');
});

test('a negative N counts working days back, and a date may be written dd/mm/yyyy', async () => {
  const back = await planflow(['calendar', 'add', '2025-01-22', '-7', '--working-days']);
  expect(back.code).toBe(0);
  expect(back.stdout.split('\n')[0]).toBe('2025-01-13');
  const official = await planflow(['calendar', 'add', '22/1/2025', '5', '--working-days']);
  expect(official.stdout.split('\n')[0]).toBe('2025-02-05');
  const calendarDaysBack = await planflow(['calendar', 'add', '2025-01-22', '-7']);
  expect(calendarDaysBack.code).toBe(2);
  expect(calendarDaysBack.stderr).toContain('N: số ngày lịch phải không âm');
});
