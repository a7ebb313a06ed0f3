// The calendar's rules pinned with real dates: holidays, working days, Civil Code counting, Decree 09 periods.
import {
  addWorkingDays, civilDateAt, countFrom, dayStatus, deadlineInstant, isWorkingDay, lastDay, lunarNewYear,
  lunarToSolar, noticeSchedule, periodContaining, recurringDays, timeAt, yearCalendar,
} from '../../model/calendar';
import { ReminderPolicy } from '../../model/plan';

const offDays = (year: number, occasion: string) =>
  yearCalendar(year).daysOff.filter((d) => d.occasion === occasion).map((d) => d.date);

describe('lunar calendar at UTC+7', () => {
  test.each([
    [2019, '2019-02-05'], [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'],
    [2023, '2023-01-22'], [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'],
  ])('Tết %i is %s', (year, date) => expect(lunarNewYear(year)).toBe(date));

  test('Vietnam and China differ: Tết 1985 was 21/1 in Vietnam (20/2 in China), Tết 2007 17/2 (18/2 in China)', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  test('Giỗ Tổ Hùng Vương (10/3 lunar): 18/4/2024, 7/4/2025', () => {
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
  });

  test('a leap month exists only where the year has one (2023 had a leap 2nd month)', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 5, 2023, true)).toBeUndefined();
  });
});

describe('days off', () => {
  test('Tết 2025: 25/01–02/02/2025 off, from the official notice', () => {
    const tet = yearCalendar(2025).daysOff.filter((d) => d.occasion === 'tet-am-lich');
    expect(tet.map((d) => d.date)).toEqual([
      '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
    ]);
    expect(tet.every((d) => d.origin === 'official' && d.source.includes('6150'))).toBe(true);
    expect(isWorkingDay('2025-01-24')).toBe(true);
    expect(isWorkingDay('2025-02-03')).toBe(true);
  });

  test('Hùng Kings 2024 on 18/4/2024', () => {
    expect(dayStatus('2024-04-18')).toMatchObject({ working: false, reason: 'day-off', dayOff: { occasion: 'gio-to' } });
  });

  test('2/9/2025 with its adjacent day 1/9/2025', () => {
    expect(isWorkingDay('2025-09-01')).toBe(false);
    expect(isWorkingDay('2025-09-02')).toBe(false);
    expect(isWorkingDay('2025-09-03')).toBe(true);
  });

  test('a swapped Saturday is a working day and the swapped weekday is off (30/4 2025, 2024)', () => {
    expect(dayStatus('2025-04-26')).toMatchObject({ working: true, reason: 'swapped-working-day' });
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2024-04-29')).toBe(false);
  });

  test('a break that starts in the previous year (Tết Dương lịch 2019 from 29/12/2018)', () => {
    expect(isWorkingDay('2018-12-31')).toBe(false);
    expect(isWorkingDay('2019-01-05')).toBe(true);
  });

  test('without official data the Labour Code is computed, with make-up days for weekends (2027)', () => {
    // Tết 2027 is Saturday 6/2: 5/2 to 9/2 are the holidays; Saturday and Sunday are made up on 10/2 and 11/2.
    expect(offDays(2027, 'tet-am-lich')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    expect(yearCalendar(2027).daysOff.filter((d) => d.makeUp).map((d) => d.date)).toContain('2027-02-10');
    expect(yearCalendar(2027).daysOff.every((d) => d.origin === 'computed')).toBe(true);
    // 2/9/2027 is a Thursday: the adjacent day joins the weekend, Friday 3/9.
    expect(offDays(2027, 'quoc-khanh')).toEqual(['2027-09-02', '2027-09-03']);
  });

  test('2026 mixes official Tết with computed other occasions', () => {
    expect(offDays(2026, 'tet-am-lich')).toHaveLength(9);
    // Giỗ Tổ 2026 is Sunday 26/4: made up on Monday 27/4.
    expect(offDays(2026, 'gio-to')).toEqual(['2026-04-26', '2026-04-27']);
  });
});

describe('counting like the Civil Code', () => {
  test('"trong vòng 5 ngày làm việc kể từ ngày ban hành" across Tết 2025', () => {
    // Issued Wednesday 22/1/2025: 23, 24 (Thu, Fri), Tết 25/1–2/2, then 3, 4, 5/2.
    expect(countFrom('2025-01-22', 5, 'working-days')).toBe('2025-02-05');
  });

  test('a deadline that lands on a swapped working Saturday stays there', () => {
    // Issued Tuesday 22/4/2025: 23, 24, 25 and Saturday 26/4, which is worked in exchange for 2/5.
    expect(countFrom('2025-04-22', 4, 'working-days')).toBe('2025-04-26');
    expect(lastDay({ kind: 'date', date: '2025-04-26', wording: 'by' }, {})).toBe('2025-04-26');
  });

  test('N calendar days ending on a day off move to the next working day (Art. 148(5))', () => {
    // 10 days after Friday 20/8/2021 is Monday 30/8; 13 days is Thursday 2/9 (Quốc khánh) → Monday 6/9.
    expect(countFrom('2021-08-20', 10, 'days')).toBe('2021-08-30');
    expect(countFrom('2021-08-20', 13, 'days')).toBe('2021-09-06');
  });

  test('"trước ngày 20/11/2021" ends at 24:00 on 19/11; "đến ngày 20/11/2021" at 24:00 on 20/11', () => {
    const before = lastDay({ kind: 'date', date: '2021-11-20', wording: 'before' }, {});
    expect(before).toBe('2021-11-19');
    expect(new Date(deadlineInstant(before!)).toISOString()).toBe('2021-11-19T17:00:00.000Z');
    expect(lastDay({ kind: 'date', date: '2021-11-20', wording: 'by' }, {})).toBe('2021-11-20');
  });

  test('relative deadlines wait for their event', () => {
    expect(lastDay({ kind: 'after-issue', days: 3, unit: 'working-days' }, {})).toBeUndefined();
    const step = { kind: 'after-step', step: 'bao-cao', event: 'completion', days: 5, unit: 'working-days' } as const;
    expect(lastDay(step, { steps: { 'bao-cao': { completedOn: '2021-11-19' } } })).toBe('2021-11-26');
  });
});

describe('Decree 09/2019 reporting periods', () => {
  test('the 2021 annual window is 15/12/2020–14/12/2021', () => {
    expect(periodContaining('year', '2021-06-01')?.cutoff).toEqual({ from: '2020-12-15', to: '2021-12-14' });
    expect(periodContaining('year', '2020-12-15')?.year).toBe(2021);
    expect(periodContaining('year', '2021-12-15')?.year).toBe(2022);
  });

  test('monthly, quarterly, six-month and nine-month windows', () => {
    expect(periodContaining('month', '2021-03-14')?.cutoff).toEqual({ from: '2021-02-15', to: '2021-03-14' });
    expect(periodContaining('month', '2021-03-15')?.label.vi).toBe('tháng 4/2021');
    expect(periodContaining('quarter', '2020-12-20')).toMatchObject({ year: 2021, index: 1, cutoff: { from: '2020-12-15', to: '2021-03-14' } });
    expect(periodContaining('half-year', '2021-06-14')?.cutoff).toEqual({ from: '2020-12-15', to: '2021-06-14' });
    expect(periodContaining('nine-months', '2021-09-14')?.cutoff).toEqual({ from: '2020-12-15', to: '2021-09-14' });
    expect(periodContaining('nine-months', '2021-10-01')).toBeUndefined();
  });

  test('a recurring deadline "5 working days after the cut-off" for the 2021 annual report', () => {
    const period = periodContaining('year', '2021-06-01');
    const due = lastDay({ kind: 'recurring', every: 'year', afterCutoff: { days: 5, unit: 'working-days' } }, { period });
    expect(due).toBe('2021-12-21'); // 14/12/2021 is a Tuesday: 15, 16, 17, 20, 21
  });
});

describe('reminder and escalation schedule', () => {
  const policy = ReminderPolicy.parse({});

  test('7/3/1 working days before, overdue on the next working day, escalation 1/3/7 after (Văn Quan 2021)', () => {
    const schedule = noticeSchedule('2021-11-19', policy);
    expect(schedule.map((n) => `${n.kind}:${n.date}`)).toEqual([
      'reminder:2021-11-10', 'reminder:2021-11-16', 'reminder:2021-11-18',
      'overdue:2021-11-22', 'escalation:2021-11-22', 'escalation:2021-11-24', 'escalation:2021-11-30',
    ]);
    expect(schedule.every((n) => timeAt(n.at) === '08:00')).toBe(true);
  });

  test('a deadline on a Sunday: reminders move before it, escalations after it, all on working days', () => {
    const schedule = noticeSchedule('2021-11-21', { ...policy, remindBefore: [1], escalateAfter: [{ after: 1, to: 'lead' }] });
    expect(schedule.map((n) => n.date)).toEqual(['2021-11-19', '2021-11-22', '2021-11-22']);
  });

  test('every notice instant is a working day in Vietnam', () => {
    for (const n of noticeSchedule('2025-02-03', policy)) expect(isWorkingDay(civilDateAt(n.at))).toBe(true);
  });
});

test('addWorkingDays does not count the start day', () => {
  expect(addWorkingDays('2021-11-19', 1)).toBe('2021-11-22');
  expect(addWorkingDays('2021-11-22', -1)).toBe('2021-11-19');
  expect(addWorkingDays('2021-11-20', 0)).toBe('2021-11-20');
});

describe('recurring deadlines', () => {
  test('a yearly report before 15/12 over 2019–2025 gives seven cycles', () => {
    const days = recurringDays({ kind: 'recurring', every: 'year', on: '12-14' }, '2019-02-22', '2025-12-31');
    expect(days).toEqual(['2019-12-14', '2020-12-14', '2021-12-14', '2022-12-14', '2023-12-14', '2024-12-14', '2025-12-14']);
  });

  test('quarterly, 5 working days after each cut-off, from the issue date on', () => {
    const days = recurringDays({ kind: 'recurring', every: 'quarter', afterCutoff: { days: 5, unit: 'working-days' } }, '2021-03-08', '2021-12-31');
    expect(days).toEqual(['2021-03-19', '2021-06-21', '2021-09-21', '2021-12-21']);
  });
});
