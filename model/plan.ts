// The plan definition: the one contract that workflows, the CLI and the portal read. Every type is inferred from here.
// Field names are English; every text a person reads (titles, clause text, names) is kept verbatim in Vietnamese.
import { z } from 'zod';

// Custom checks carry a message code (see messages.ts) instead of text, so one schema serves both languages.
export const check = <T>(ok: (value: T) => boolean, code: string) => [ok, { params: { code } }] as const;

/**
 * The bounds of everything a plan file (or an Update) may bring in. A value past them is a mistake or an attack,
 * never a plan: they keep workflow state, history and the time to read a plan small and predictable.
 */
export const LIMITS = {
  idLength: 64,
  oneLineLength: 300,
  textLength: 10_000,
  emailLength: 254,
  /** Lists a person writes by hand: clauses, objectives, recipients, emails of one agency... */
  list: 1_000,
  /** Agencies of one plan and members of one group: a national plan reaches every commune. */
  agencies: 100_000,
  /** Counts and targets: more than anything Vietnam counts, well inside a double's exact integers. */
  count: 1e12,
  /** Days a deadline may count: ten years. */
  days: 3_660,
  firstYear: 1945,
  lastYear: 2100,
} as const;

/** Whitespace only (spaces, tabs, line breaks, zero-width characters) is as good as nothing. */
const isBlank = (v: string) => /^[\s\u200B-\u200D\u2060]*$/u.test(v);

/** Text of at most `max` characters that says something; a value too long is not also read as blank. */
export const boundedText = (max: number) => z.string().max(max, { abort: true }).refine(...check((v: string) => !isBlank(v), 'blank'));

/** A list of at most `max` entries. */
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max);

/** A lowercase ASCII slug: `phong-ldtbxh`, `xa-thanh-xuong`. Workflow ids are built from these. */
export const Id = z
  .string()
  .max(LIMITS.idLength, { abort: true })
  .refine(...check((v: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'id-format'));

/** Years a Vietnamese administrative plan can speak of: from 1945 to 2100. */
export const Year = z.number().int().min(LIMITS.firstYear).max(LIMITS.lastYear);

/** A civil date in Asia/Ho_Chi_Minh, written `YYYY-MM-DD`, between 1945 and 2100 (year 0000 or 9999 is a typo). */
export const LocalDate = z.iso
  .date()
  .refine(...check((v: string) => Year.safeParse(Number(v.slice(0, 4))).success, 'date-range'));

/** Text shown in email headers and names: one line, since CR/LF there would let a plan inject headers. */
export const OneLine = boundedText(LIMITS.oneLineLength).refine(...check((v: string) => !/[\r\n]/.test(v), 'one-line'));
export const Text = boundedText(LIMITS.textLength);
export const Email = z.email().max(LIMITS.emailLength);
/** A whole number of things counted, bounded so sums stay exact. */
export const Count = z.number().int().nonnegative().max(LIMITS.count);
/** Days a deadline counts from its event. */
const Days = z.number().int().max(LIMITS.days);
/** Working days before or after a deadline at which a notice goes out: within three months. */
const NoticeDays = z.number().int().positive().max(60);
/** `HH:MM`, a wall-clock time that exists. */
const TimeOfDay = z.string().max(5, { abort: true }).refine(...check((v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'time-of-day'));
/** `MM-DD`, a day that comes every year (so not 02-29). */
const MonthDay = z.string().max(5, { abort: true }).refine(...check((v: string) => {
  const [month, day] = v.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(2001, month - 1, day));
  return /^\d{2}-\d{2}$/.test(v) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}, 'month-day'));
const Language = z.enum(['vi', 'en']);

export const AgencyKind = z.enum([
  'people-committee', // UBND tỉnh / huyện / xã as issuer
  'party-committee', // Ban Thường vụ Huyện ủy / Tỉnh ủy, cấp ủy
  'council', // HĐND
  'department', // Sở (provincial)
  'office', // Phòng, Ban, Văn phòng (district)
  'unit', // Trung tâm, đơn vị sự nghiệp
  'commune', // UBND xã, phường, thị trấn
  'mass-organisation', // MTTQ, Hội LHPN, Đoàn TN, ...
  'other',
]);

export const Agency = z.strictObject({
  id: Id,
  name: OneLine,
  kind: AgencyKind,
  emails: list(Email, 20).min(1),
  /** Who is chased first when this agency is late (e.g. the commune chair); defaults to the agency's own address. */
  head: Id.optional(),
  /** The agency it reports to (a commune's district office): a submission `to` a group goes to each one's own. */
  reportsTo: Id.optional(),
  language: Language.default('vi'),
  note: Text.optional(),
});

/** A named set of agencies the plan addresses as one ("UBND các xã, thị trấn"). */
export const Group = z.strictObject({
  id: Id,
  name: OneLine,
  members: list(Id, LIMITS.agencies).refine(...check((v: string[]) => v.length > 0, 'group-empty')),
  /** True when the source document does not list the members and the list was assumed when transcribing. */
  assumed: z.boolean().default(false),
  note: Text.optional(),
});

export const Person = z.strictObject({
  id: Id,
  /** Left out when the source names only the office ("Chủ tịch UBND huyện"). */
  name: OneLine.optional(),
  title: OneLine,
  agency: Id,
  email: Email,
  language: Language.default('vi'),
  note: Text.optional(),
});

export const DocumentKind = z.enum(['de-an', 'chi-thi', 'nghi-quyet', 'chuong-trinh', 'ke-hoach', 'quyet-dinh', 'luat', 'other']);

export const HigherDocument = z.strictObject({
  kind: DocumentKind,
  /** Number and symbol as written: `28/KH-SLĐTBXH`, `28-CT/TW`. */
  number: OneLine.optional(),
  issuer: OneLine.optional(),
  issuedOn: LocalDate.optional(),
  title: Text,
});

export const PlanDocument = z.strictObject({
  /** The register number (292 in 292/KH-UBND); absent until the clerk (văn thư) numbers the plan at issue. */
  number: z.number().int().positive().max(1_000_000).optional(),
  /** Type code and issuer code: `KH-UBND`, `KH-HU`; a Party committee's `KH/TU` is written `123-KH/TU`. */
  symbol: z.string().max(50, { abort: true }).refine(...check((v: string) => /^[A-ZĐ]+(-[A-ZĐ&]+)+$/u.test(v) || /^[A-ZĐ]+\/[A-ZĐ&]+$/u.test(v), 'symbol-format')),
  issuer: Id,
  /** Absent for a plan still to be issued: the issue approval sets it. */
  issuedOn: LocalDate.optional(),
  place: OneLine.optional(),
  title: Text,
  implements: list(HigherDocument).default([]),
  /** Years the plan runs (2019–2025; 2021 alone is from 2021 to 2021); absent when the source gives none. */
  period: z.strictObject({ from: Year, to: Year }).optional(),
  scope: Text.optional(),
  subjects: list(Text).default([]),
  /** Where the transcription came from: the full text or only a news article about it. */
  source: z.strictObject({ kind: z.enum(['full-text', 'news-article', 'draft']), note: Text.optional() }),
});

export const Measure = z.discriminatedUnion('kind', [
  /** A share recomputed from summed numerators and denominators, never by averaging percentages. */
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: OneLine,
    denominator: OneLine,
    /** A share that may pass 100% (growth against a base year) says how far; otherwise 100. */
    maxPercent: z.number().positive().max(10_000).optional(),
  }),
  z.strictObject({ kind: z.literal('count'), unit: OneLine }),
]);

/** A dated target; its value is bounded by its indicator's measure (see Indicator). */
export const Target = z.strictObject({
  by: LocalDate,
  /** Percent for a ratio, a number for a count. */
  value: z.number().nonnegative(),
});

export const Indicator = z
  .strictObject({
    id: Id,
    name: Text,
    measure: Measure,
    targets: list(Target, 100).default([]),
  })
  .superRefine(({ measure, targets }, ctx) => {
    const [max, code] = measure.kind === 'ratio' ? [measure.maxPercent ?? 100, 'target-percent'] : [LIMITS.count, 'target-count'];
    targets.forEach((t, i) => t.value > max && ctx.addIssue({ code: 'custom', path: ['targets', i, 'value'], params: { code }, input: t.value }));
  });

/** An objective (mục tiêu) in the document's words, with the indicators that measure it. */
export const Objective = z.strictObject({
  id: Id,
  text: Text,
  indicators: list(Id).default([]),
});

export const Task = z.strictObject({ id: Id, text: Text });

export const DayUnit = z.enum(['working-days', 'days']);

/** When something is due, as a coordinator writes it. The calendar (model/calendar) turns it into an instant. */
export const Deadline = z.discriminatedUnion('kind', [
  /** `before`: "trước ngày X"; `by`: "đến ngày X", "chậm nhất ngày X". */
  z.strictObject({ kind: z.literal('date'), date: LocalDate, wording: z.enum(['before', 'by']) }),
  /** "trong vòng N ngày (làm việc) kể từ ngày ban hành". */
  z.strictObject({ kind: z.literal('after-issue'), days: Days.positive(), unit: DayUnit }),
  /** N days after another step's deadline or completion. */
  z.strictObject({
    kind: z.literal('after-step'),
    step: Id,
    event: z.enum(['deadline', 'completion']),
    days: Days.nonnegative(),
    unit: DayUnit,
  }),
  /**
   * A recurring report, one cycle per reporting period (Decree 09/2019): by a fixed day of the year (`on`, MM-DD,
   * yearly reports only), by a day of the month (`day`: "trước ngày 20 hằng tháng", the first such day after the
   * period's data cut-off, so a quarter's "ngày 20" falls in its last month), or N days after each cut-off.
   * `wording` reads the day as "trước ngày" (the day before is the last) or, by default, "đến/chậm nhất ngày";
   * `years` bounds the cycles ("hằng năm, giai đoạn 2021–2025"), by default to the plan's period.
   */
  z
    .strictObject({
      kind: z.literal('recurring'),
      every: z.enum(['month', 'quarter', 'half-year', 'nine-months', 'year']),
      on: MonthDay.optional(),
      day: z.number().int().min(1).max(31).optional(),
      afterCutoff: z.strictObject({ days: Days.nonnegative().max(366), unit: DayUnit }).optional(),
      wording: z.enum(['before', 'by']).optional(),
      years: z.strictObject({ from: Year, to: Year }).optional(),
    })
    .refine(...check((d: { on?: string; day?: number; afterCutoff?: unknown }) => [d.on, d.day, d.afterCutoff].filter((x) => x !== undefined).length === 1, 'recurring-one-of'))
    .refine(...check((d: { every: string; on?: string }) => d.on === undefined || d.every === 'year', 'recurring-on-yearly')),
  /** "trong tháng 12/2025", "tổng kết vào tháng 12/2025": by the month's last day. */
  z.strictObject({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
]);

export const EscalationTarget = z.enum(['assignee-head', 'lead', 'leader']);

export const ReminderPolicy = z.strictObject({
  /** Working days before the deadline at which a reminder goes out. */
  remindBefore: list(NoticeDays, 10).default([7, 3, 1]),
  overdueNotice: z.boolean().default(true),
  /** Working days after the deadline, each step chasing someone higher (đôn đốc). */
  escalateAfter: z
    .array(z.strictObject({ after: NoticeDays, to: EscalationTarget }))
    .max(10)
    .default([
      { after: 1, to: 'assignee-head' },
      { after: 3, to: 'lead' },
      { after: 7, to: 'leader' },
    ]),
  officeHours: z
    .strictObject({ start: TimeOfDay, end: TimeOfDay })
    .default({ start: '08:00', end: '17:00' }),
});

/** A clause may override parts of the plan's policy. */
export const ReminderOverride = ReminderPolicy.partial();

export const Deliverable = z.enum(['report', 'implementing-plan', 'action']);

/** One responsibility clause of section "Tổ chức thực hiện": who leads, who takes part, what is due by when. */
export const Clause = z.strictObject({
  id: Id,
  /** Where it stands in the document: "V.2". */
  section: OneLine.optional(),
  text: Text,
  /** The agency that leads (chủ trì) and reviews the work. */
  lead: Id,
  /** Agencies or groups that coordinate (phối hợp). */
  coordinators: list(Id).default([]),
  /** Agencies or groups that do the work; a group (e.g. every commune) gives one assignment per member. */
  assignees: list(Id).min(1),
  due: Deliverable,
  /** Absent for standing duties ("thường xuyên"): tracked as "không có thời hạn". */
  deadline: Deadline.optional(),
  /** A person or agency who approves the work; the lead agency when absent. */
  approver: Id.optional(),
  indicators: list(Id).default([]),
  reminders: ReminderOverride.optional(),
});

/** "Chế độ báo cáo": who reports to whom by when, then who consolidates and reports up. */
export const Submission = z.strictObject({
  id: Id,
  text: Text.optional(),
  from: list(Id).min(1),
  /** Who receives and reviews the reports; a group means each sender's own member of it (`agencies[].reportsTo`). */
  to: Id,
  /** An office the reports pass through ("gửi Ban Chỉ đạo huyện qua Phòng Nông nghiệp"): it receives and reviews them. */
  via: Id.optional(),
  deadline: Deadline,
  indicators: list(Id).default([]),
  reminders: ReminderOverride.optional(),
});

export const Consolidation = z.strictObject({
  id: Id,
  text: Text.optional(),
  of: list(Id).min(1),
  by: Id,
  to: list(Id).min(1),
  deadline: Deadline.optional(),
});

export const Reporting = z.strictObject({
  text: Text.optional(),
  submissions: list(Submission).default([]),
  consolidations: list(Consolidation).default([]),
});

/** A stage change that needs a leader's approval: issue and close always; a plan may declare more. */
export const Approval = z.strictObject({
  stage: Id,
  label: OneLine.optional(),
  approvers: list(Id, 100).min(1),
});

export const Signatory = z.strictObject({
  person: Id,
  /** KT. (ký thay), TM. (thay mặt), TL. (thừa lệnh), TUQ. (thừa ủy quyền), or signing in one's own right. */
  capacity: z.enum(['KT', 'TM', 'TL', 'TUQ', 'own']),
  /** "CHỦ TỊCH" in "KT. CHỦ TỊCH". */
  onBehalfOf: OneLine.optional(),
  /** "PHÓ CHỦ TỊCH". */
  title: OneLine,
});

/** One line of "Nơi nhận", with the agencies, groups or people it names; archive lines ("Lưu: VT") name none. */
export const Recipient = z.strictObject({
  text: OneLine,
  to: list(Id).default([]),
  archive: z.boolean().default(false),
});

export const Plan = z.strictObject({
  schemaVersion: z.literal(1),
  /** A stable key for plans without a register number yet; otherwise derived from number/symbol/year. */
  id: Id.optional(),
  document: PlanDocument,
  /** "Mục đích, yêu cầu": why the plan exists, in the document's words. */
  purposes: list(Text).default([]),
  objectives: list(Objective).default([]),
  indicators: list(Indicator).default([]),
  /** "4 mục tiêu với 24 chỉ tiêu": counts the source states when it does not list every item. */
  declaredCounts: z.strictObject({ objectives: Count.max(LIMITS.list), indicators: Count.max(LIMITS.list) }).partial().optional(),
  tasks: list(Task).default([]),
  funding: Text.optional(),
  agencies: list(Agency, LIMITS.agencies).min(1),
  groups: list(Group).default([]),
  people: list(Person, 10_000).default([]),
  clauses: list(Clause).default([]),
  reporting: Reporting.default({ submissions: [], consolidations: [] }),
  approvals: list(Approval, 100).default([]),
  signatory: Signatory.optional(),
  recipients: list(Recipient).default([]),
  reminderPolicy: ReminderPolicy.default(ReminderPolicy.parse({})),
  /** The rules deadlines are counted by; the Civil Code 2015 unless a plan says otherwise. */
  timeRules: z.enum(['civil-code-2015']).default('civil-code-2015'),
});

export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;
export type Agency = z.infer<typeof Agency>;
export type Group = z.infer<typeof Group>;
export type Person = z.infer<typeof Person>;
export type Clause = z.infer<typeof Clause>;
export type Submission = z.infer<typeof Submission>;
export type Consolidation = z.infer<typeof Consolidation>;
export type Deadline = z.infer<typeof Deadline>;
export type Indicator = z.infer<typeof Indicator>;
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;
export type EscalationTarget = z.infer<typeof EscalationTarget>;
export type Approval = z.infer<typeof Approval>;
export type LocalDate = z.infer<typeof LocalDate>;
