// Properties of the calendar over random dates (2015–2030) and random reminder policies.
import fc from 'fast-check';
import { addDays, addWorkingDays, civilDateAt, isWorkingDay, noticeSchedule, timeAt, type CivilDate } from '../../model/calendar';
import { ReminderPolicy } from '../../model/plan';

const date = fc.integer({ min: 0, max: 16 * 365 }).map((n): CivilDate => addDays('2015-01-01', n));
const policy = fc
  .record({
    remindBefore: fc.uniqueArray(fc.integer({ min: 1, max: 15 }), { minLength: 0, maxLength: 4 }),
    overdueNotice: fc.boolean(),
    escalateAfter: fc.array(
      fc.record({ after: fc.integer({ min: 1, max: 15 }), to: fc.constantFrom('assignee-head' as const, 'lead' as const, 'leader' as const) }),
      { maxLength: 4 },
    ),
    officeHours: fc.constantFrom({ start: '08:00', end: '17:00' }, { start: '07:30', end: '16:30' }),
  })
  .map((p) => ReminderPolicy.parse(p));

test('schedules are sorted and every instant is on a working day within office hours', () => {
  fc.assert(
    fc.property(date, policy, (due, p) => {
      const schedule = noticeSchedule(due, p);
      for (let i = 1; i < schedule.length; i++) expect(schedule[i]!.at).toBeGreaterThanOrEqual(schedule[i - 1]!.at);
      for (const notice of schedule) {
        expect(isWorkingDay(civilDateAt(notice.at))).toBe(true);
        const time = timeAt(notice.at);
        expect(time >= p.officeHours.start && time < p.officeHours.end).toBe(true);
      }
      expect(schedule.filter((n) => n.kind === 'reminder').every((n) => n.date < due)).toBe(true);
      expect(schedule.filter((n) => n.kind !== 'reminder').every((n) => n.date > due)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('counting N working days forward then backward returns to a working start day', () => {
  fc.assert(
    fc.property(date, fc.integer({ min: 1, max: 40 }), (start, n) => {
      fc.pre(isWorkingDay(start));
      const forward = addWorkingDays(start, n);
      expect(isWorkingDay(forward)).toBe(true);
      expect(forward > start).toBe(true);
      expect(addWorkingDays(forward, -n)).toBe(start);
    }),
    { numRuns: 500 },
  );
});

test('N working days later is never sooner than N calendar days later', () => {
  fc.assert(
    fc.property(date, fc.integer({ min: 1, max: 40 }), (start, n) => {
      expect(addWorkingDays(start, n) >= addDays(start, n)).toBe(true);
    }),
  );
});
