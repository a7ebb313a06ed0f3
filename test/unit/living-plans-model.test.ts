// The model side of plans that live for years (issue 9): deadline kinds real plans use, plan identity, who reviews,
// reports routed through an office or to each commune's own superior, and official days off as data.
import {
  addWorkingDays, dayStatus, isWorkingDay, lastDay, officialDecisions, recurringCycles, useOfficialDecisions, yearCalendar, type OfficialBreak,
} from '../../model/calendar';
import { documentNumber, planKey } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { validatePlan, formatProblem } from '../../model/validate';
import { assignmentSpec, cyclesOf, stepsOf } from '../../model/work';
import { loadExample } from '../helpers/planflow';

describe('8. deadlines real plans use', () => {
  test('"trước ngày 20 hằng tháng": every month, the day before the 20th after each cut-off', () => {
    const cycles = recurringCycles({ kind: 'recurring', every: 'month', day: 20, wording: 'before' }, '2027-01-04', '2027-04-30');
    expect(cycles.map((c) => [c.key, c.lastDay])).toEqual([['2027-01', '2027-01-19'], ['2027-02', '2027-02-19'], ['2027-03', '2027-03-19'], ['2027-04', '2027-04-19']]);
  });

  test('"ngày 20 của tháng cuối quý" every quarter; day 31 in a 30-day month is its last day', () => {
    expect(recurringCycles({ kind: 'recurring', every: 'quarter', day: 20 }, '2027-01-01', '2027-12-31').map((c) => c.lastDay))
      .toEqual(['2027-03-20', '2027-06-20', '2027-09-20', '2027-12-20']);
    expect(recurringCycles({ kind: 'recurring', every: 'month', day: 31 }, '2027-04-01', '2027-04-30').map((c) => c.lastDay)).toEqual(['2027-04-30']);
  });

  test('"hằng năm, giai đoạn 2021–2025" gives five cycles, not six from an issue in 2020', () => {
    const cycles = recurringCycles({ kind: 'recurring', every: 'year', on: '12-30' }, '2020-06-01', '2025-12-31', { from: 2021, to: 2025 });
    expect(cycles.map((c) => c.key)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  test('a plan\'s period bounds its recurring work when the deadline names no years', () => {
    const plan = { ...loadExample('dien-bien-292-kh-ubnd-2019.yaml') };
    const bounded: Plan = { ...plan, document: { ...plan.document, period: { from: 2021, to: 2023 } } };
    expect(cyclesOf(bounded, { kind: 'recurring', every: 'year', on: '12-15', wording: 'before' }, '2020-03-01').map((c) => [c.key, c.lastDay, c.opensOn]))
      .toEqual([['2021', '2021-12-14', '2020-03-01'], ['2022', '2022-12-14', '2021-12-15'], ['2023', '2023-12-14', '2022-12-15']]);
  });

  test('"trong tháng 12/2025" ends on the month\'s last day', () => {
    expect(lastDay({ kind: 'month', month: '2025-12' }, {})).toBe('2025-12-31');
    expect(lastDay({ kind: 'month', month: '2028-02' }, {})).toBe('2028-02-29');
  });

  test('validate refuses a fixed yearly day on monthly work, and deadlines counted from another step\'s completion', () => {
    const plan = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
    const clause = plan.clauses[0]!;
    const problems = (clauses: object[]) => {
      const result = validatePlan({ ...plan, clauses }, 'en');
      return result.ok ? [] : result.problems.map((p) => formatProblem(p, 'en'));
    };
    expect(problems([{ ...clause, deadline: { kind: 'recurring', every: 'month', on: '01-20' } }]))
      .toEqual([expect.stringMatching(/^clauses\[0\]\.deadline: "on" \(a fixed day of the year\) is for yearly reports only/)]);
    expect(problems([clause, { ...clause, id: 'sau-buoc', deadline: { kind: 'after-step', step: clause.id, event: 'completion', days: 5, unit: 'working-days' } }]))
      .toEqual([expect.stringMatching(/^clauses\[1\]\.deadline\.event: deadlines counted from another step's completion/)]);
  });

  test('7. validate refuses forward and cyclic after-step deadlines instead of accepting them silently', () => {
    const plan = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
    const clause = plan.clauses[0]!;
    const after = (id: string, step: string) => ({ ...clause, id, deadline: { kind: 'after-step', step, event: 'deadline', days: 5, unit: 'days' } });
    const problems = (clauses: object[]) => {
      const result = validatePlan({ ...plan, clauses }, 'en');
      return result.ok ? [] : result.problems.map((p) => formatProblem(p, 'en'));
    };
    expect(problems([after('a', 'b'), clause, { ...clause, id: 'b' }]))
      .toEqual([expect.stringMatching(/^clauses\[0\]\.deadline\.step: a deadline may only count from an earlier step; "b" comes later/)]);
    expect(problems([after('a', 'b'), after('b', 'a')]))
      .toEqual([expect.stringMatching(/^clauses\[0\]\.deadline\.step: .*"b" comes later or closes a loop/)]);
    expect(problems([after('a', 'a')])).toHaveLength(1);
    expect(problems([{ ...clause, id: 'a' }, after('b', 'a')])).toEqual([]);
  });
});

describe('8. reports routed through an office, or each to its own superior', () => {
  const base = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
  const communes = base.groups.find((g) => g.id === 'ubnd-cac-xa')!.members.slice(0, 2);
  const submission = { id: 'bao-cao', from: ['ubnd-cac-xa'], indicators: [], deadline: { kind: 'date' as const, date: '2019-12-20', wording: 'before' as const } };
  const withReporting = (s: object, extra: Partial<Plan> = {}): Plan => ({
    ...base, ...extra, clauses: [],
    groups: base.groups.map((g) => (g.id === 'ubnd-cac-xa' ? { ...g, members: communes } : g)),
    reporting: { submissions: [{ ...submission, ...s } as unknown as Plan['reporting']['submissions'][number]], consolidations: [] },
  });

  test('"gửi UBND huyện qua Phòng LĐTB&XH": the office receives and reviews; the committee is told', () => {
    const [step] = stepsOf(withReporting({ to: 'ubnd-huyen', via: 'phong-ldtbxh' }), 'plan/x', '2019-03-01');
    const spec = assignmentSpec(step!, step!.assignees[0]!);
    expect(spec.lead.id).toBe('phong-ldtbxh');
    expect(spec.reviewers).toEqual(['phong-ldtbxh']);
    expect(spec.informed.map((c) => c.id)).toEqual(['ubnd-huyen']);
  });

  test('"mỗi xã gửi phòng chuyên môn của huyện mình": a group as recipient, each commune to its own reportsTo', () => {
    const offices = { id: 'cac-phong', name: 'các phòng', members: ['phong-ldtbxh', 'phong-yte'], assumed: false };
    const agencies = base.agencies.map((a) => (a.id === communes[0] ? { ...a, reportsTo: 'phong-ldtbxh' } : a.id === communes[1] ? { ...a, reportsTo: 'phong-yte' } : a));
    const plan = withReporting({ to: 'cac-phong' }, { agencies });
    const grouped = { ...plan, groups: [...plan.groups, offices] };
    expect(validatePlan(grouped).ok).toBe(true);
    const [step] = stepsOf(grouped, 'plan/x', '2019-03-01');
    expect(step!.assignees.map((a) => assignmentSpec(step!, a).lead.id)).toEqual(['phong-ldtbxh', 'phong-yte']);
    const missing = { ...grouped, agencies: base.agencies };
    const result = validatePlan(missing, 'en');
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      expect.stringContaining(`reporting.submissions[0].to: "${communes[0]}" reports to the group "cac-phong"`),
      expect.stringContaining(`reporting.submissions[0].to: "${communes[1]}" reports to the group "cac-phong"`),
    ]);
  });
});

test('6. the lead office as its own assignee is reviewed by the approver, or else the leaders', () => {
  const base = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
  const clause = { ...base.clauses[0]!, lead: 'phong-ldtbxh', assignees: ['phong-ldtbxh', 'phong-yte'] };
  for (const [approver, expected] of [[undefined, ['chu-tich-ubnd-huyen']], ['ubnd-huyen', ['ubnd-huyen']]] as const) {
    const [step] = stepsOf({ ...base, clauses: [{ ...clause, approver }], reporting: { submissions: [], consolidations: [] } }, 'plan/x', '2019-03-01');
    const [own, other] = step!.assignees.map((a) => assignmentSpec(step!, a));
    expect(own!.reviewers).toEqual(expected);
    expect(other!.reviewers[0]).toBe('phong-ldtbxh');
  }
});

test('9. two communes\' 15/KH-UBND of 2026 are two plans: the issuing body is part of the identity', () => {
  const plan = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
  const of = (issuer: string) => planKey({ ...plan, document: { ...plan.document, number: 15, issuer, issuedOn: '2026-03-02' } });
  expect(of('ubnd-xa-a')).toBe('ubnd-xa-a/15-KH-UBND/2026');
  expect(of('ubnd-xa-a')).not.toBe(of('ubnd-xa-b'));
});

test('a Party committee\'s plan is numbered 123-KH/TU, and its id has no extra slash', () => {
  const plan = loadExample('dien-bien-292-kh-ubnd-2019.yaml');
  const party = { ...plan, document: { ...plan.document, number: 123, symbol: 'KH/TU', issuer: 'ubnd-huyen', issuedOn: '2024-05-02' } };
  expect(validatePlan(party).ok).toBe(true);
  expect(documentNumber(party)).toBe('123-KH/TU');
  expect(planKey(party)).toBe('ubnd-huyen/123-KH-TU/2024');
});

describe('10. official days off are data', () => {
  afterEach(() => useOfficialDecisions([]));

  test('2026 as announced: 1–2/1 off with Saturday 10/1 worked; 29/8–2/9 off with Saturday 22/8 worked', () => {
    for (const off of ['2026-01-01', '2026-01-02', '2026-08-31', '2026-09-01', '2026-09-02']) expect(isWorkingDay(off)).toBe(false);
    for (const worked of ['2026-01-10', '2026-08-22']) expect(dayStatus(worked)).toMatchObject({ working: true, reason: 'swapped-working-day' });
    const nationalDay = yearCalendar(2026).daysOff.find((d) => d.date === '2026-09-01');
    expect(nationalDay?.origin).toBe('official');
    expect(nationalDay?.source).toContain('9441/TB-BNV');
  });

  test('a decision added later replaces the computed (provisional) days of its occasion', () => {
    expect(yearCalendar(2027).daysOff.filter((d) => d.occasion === 'quoc-khanh').every((d) => d.origin === 'computed')).toBe(true);
    const decision: OfficialBreak = { occasions: ['quoc-khanh'], from: '2027-08-31', to: '2027-09-03', workingDays: ['2027-09-11'], source: 'Thông báo thử nghiệm' };
    useOfficialDecisions([decision]);
    expect(officialDecisions()).toEqual([decision]);
    expect(isWorkingDay('2027-08-31')).toBe(false);
    expect(isWorkingDay('2027-09-11')).toBe(true);
    expect(yearCalendar(2027).daysOff.filter((d) => d.occasion === 'quoc-khanh').map((d) => d.date)).toEqual(['2027-08-31', '2027-09-01', '2027-09-02', '2027-09-03']);
    useOfficialDecisions([]);
    expect(isWorkingDay('2027-08-31')).toBe(true);
  });

  test('working days counted under one set of decisions are not reused under another, and come back with it', () => {
    // The counts are remembered per set of decisions (shared by the workflows holding the same set): a decision that
    // makes Monday 30/8/2027 a day off moves what was counted before it, and dropping it moves it back.
    expect(addWorkingDays('2027-08-27', 1)).toBe('2027-08-30');
    useOfficialDecisions([{ occasions: ['quoc-khanh'], from: '2027-08-30', to: '2027-09-03', source: 'Thông báo thử nghiệm' }]);
    expect(addWorkingDays('2027-08-27', 1)).toBe('2027-09-06');
    expect(addWorkingDays('2027-09-06', -1)).toBe('2027-08-27');
    useOfficialDecisions([]);
    expect(addWorkingDays('2027-08-27', 1)).toBe('2027-08-30');
    expect(addWorkingDays('2027-09-06', -1)).toBe('2027-09-01'); // 2/9 and its adjacent Friday, as computed
  });
});
