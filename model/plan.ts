// The plan definition: the one contract that workflows, the CLI and the portal read. Every type is inferred from here.
// Field names are English; every text a person reads (titles, clause text, names) is kept verbatim in Vietnamese.
import { z } from 'zod';

// Custom checks carry a message code (see messages.ts) instead of text, so one schema serves both languages.
const check = <T>(ok: (value: T) => boolean, code: string) => [ok, { params: { code } }] as const;

/** A lowercase ASCII slug: `phong-ldtbxh`, `xa-thanh-xuong`. Workflow ids are built from these. */
export const Id = z.string().refine(...check((v: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'id-format'));

/** A civil date in Asia/Ho_Chi_Minh, written `YYYY-MM-DD`. */
export const LocalDate = z.iso.date();

/** Text shown in email headers and names: one line, since CR/LF there would let a plan inject headers. */
const OneLine = z.string().min(1).refine(...check((v: string) => !/[\r\n]/.test(v), 'one-line'));
const Text = z.string().min(1);
const Year = z.number().int().min(1945).max(2100);
const Email = z.email();
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
  emails: z.array(Email).min(1),
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
  members: z.array(Id).refine(...check((v: string[]) => v.length > 0, 'group-empty')),
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
  number: z.number().int().positive().optional(),
  /** Type code and issuer code: `KH-UBND`, `KH-HU`. */
  /** Type code and issuer code: `KH-UBND`, `KH-HU`; a Party committee's `KH/TU` is written `123-KH/TU`. */
  symbol: z.string().refine(...check((v: string) => /^[A-ZĐ]+(-[A-ZĐ&]+)+$/u.test(v) || /^[A-ZĐ]+\/[A-ZĐ&]+$/u.test(v), 'symbol-format')),
  issuer: Id,
  /** Absent for a plan still to be issued: the issue approval sets it. */
  issuedOn: LocalDate.optional(),
  place: OneLine.optional(),
  title: Text,
  implements: z.array(HigherDocument).default([]),
  /** Years the plan runs (2019–2025; 2021 alone is from 2021 to 2021); absent when the source gives none. */
  period: z.strictObject({ from: Year, to: Year }).optional(),
  scope: Text.optional(),
  subjects: z.array(Text).default([]),
  /** Where the transcription came from: the full text or only a news article about it. */
  source: z.strictObject({ kind: z.enum(['full-text', 'news-article', 'draft']), note: Text.optional() }),
});

export const Measure = z.discriminatedUnion('kind', [
  /** A share recomputed from summed numerators and denominators, never by averaging percentages. */
  z.strictObject({ kind: z.literal('ratio'), numerator: OneLine, denominator: OneLine }),
  z.strictObject({ kind: z.literal('count'), unit: OneLine }),
]);

export const Target = z.strictObject({
  by: LocalDate,
  /** Percent for a ratio, a number for a count. */
  value: z.number().nonnegative(),
});

export const Indicator = z.strictObject({
  id: Id,
  name: Text,
  measure: Measure,
  targets: z.array(Target).default([]),
});

/** An objective (mục tiêu) in the document's words, with the indicators that measure it. */
export const Objective = z.strictObject({
  id: Id,
  text: Text,
  indicators: z.array(Id).default([]),
});

export const Task = z.strictObject({ id: Id, text: Text });

export const DayUnit = z.enum(['working-days', 'days']);

/** When something is due, as a coordinator writes it. The calendar (model/calendar) turns it into an instant. */
export const Deadline = z.discriminatedUnion('kind', [
  /** `before`: "trước ngày X"; `by`: "đến ngày X", "chậm nhất ngày X". */
  z.strictObject({ kind: z.literal('date'), date: LocalDate, wording: z.enum(['before', 'by']) }),
  /** "trong vòng N ngày (làm việc) kể từ ngày ban hành". */
  z.strictObject({ kind: z.literal('after-issue'), days: z.number().int().positive(), unit: DayUnit }),
  /** N days after another step's deadline or completion. */
  z.strictObject({
    kind: z.literal('after-step'),
    step: Id,
    event: z.enum(['deadline', 'completion']),
    days: z.number().int().nonnegative(),
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
      on: z.string().regex(/^\d{2}-\d{2}$/).optional(),
      day: z.number().int().min(1).max(31).optional(),
      afterCutoff: z.strictObject({ days: z.number().int().nonnegative(), unit: DayUnit }).optional(),
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
  remindBefore: z.array(z.number().int().positive()).default([7, 3, 1]),
  overdueNotice: z.boolean().default(true),
  /** Working days after the deadline, each step chasing someone higher (đôn đốc). */
  escalateAfter: z
    .array(z.strictObject({ after: z.number().int().positive(), to: EscalationTarget }))
    .default([
      { after: 1, to: 'assignee-head' },
      { after: 3, to: 'lead' },
      { after: 7, to: 'leader' },
    ]),
  officeHours: z
    .strictObject({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })
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
  coordinators: z.array(Id).default([]),
  /** Agencies or groups that do the work; a group (e.g. every commune) gives one assignment per member. */
  assignees: z.array(Id).min(1),
  due: Deliverable,
  /** Absent for standing duties ("thường xuyên"): tracked as "không có thời hạn". */
  deadline: Deadline.optional(),
  /** A person or agency who approves the work; the lead agency when absent. */
  approver: Id.optional(),
  indicators: z.array(Id).default([]),
  reminders: ReminderOverride.optional(),
});

/** "Chế độ báo cáo": who reports to whom by when, then who consolidates and reports up. */
export const Submission = z.strictObject({
  id: Id,
  text: Text.optional(),
  from: z.array(Id).min(1),
  /** Who receives and reviews the reports; a group means each sender's own member of it (`agencies[].reportsTo`). */
  to: Id,
  /** An office the reports pass through ("gửi Ban Chỉ đạo huyện qua Phòng Nông nghiệp"): it receives and reviews them. */
  via: Id.optional(),
  deadline: Deadline,
  indicators: z.array(Id).default([]),
  reminders: ReminderOverride.optional(),
});

export const Consolidation = z.strictObject({
  id: Id,
  text: Text.optional(),
  of: z.array(Id).min(1),
  by: Id,
  to: z.array(Id).min(1),
  deadline: Deadline.optional(),
});

export const Reporting = z.strictObject({
  text: Text.optional(),
  submissions: z.array(Submission).default([]),
  consolidations: z.array(Consolidation).default([]),
});

/** A stage change that needs a leader's approval: issue and close always; a plan may declare more. */
export const Approval = z.strictObject({
  stage: Id,
  label: OneLine.optional(),
  approvers: z.array(Id).min(1),
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
  to: z.array(Id).default([]),
  archive: z.boolean().default(false),
});

export const Plan = z.strictObject({
  schemaVersion: z.literal(1),
  /** A stable key for plans without a register number yet; otherwise derived from number/symbol/year. */
  id: Id.optional(),
  document: PlanDocument,
  /** "Mục đích, yêu cầu": why the plan exists, in the document's words. */
  purposes: z.array(Text).default([]),
  objectives: z.array(Objective).default([]),
  indicators: z.array(Indicator).default([]),
  /** "4 mục tiêu với 24 chỉ tiêu": counts the source states when it does not list every item. */
  declaredCounts: z.strictObject({ objectives: z.number().int().nonnegative(), indicators: z.number().int().nonnegative() }).partial().optional(),
  tasks: z.array(Task).default([]),
  funding: Text.optional(),
  agencies: z.array(Agency).min(1),
  groups: z.array(Group).default([]),
  people: z.array(Person).default([]),
  clauses: z.array(Clause).default([]),
  reporting: Reporting.default({ submissions: [], consolidations: [] }),
  approvals: z.array(Approval).default([]),
  signatory: Signatory.optional(),
  recipients: z.array(Recipient).default([]),
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
