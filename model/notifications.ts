// What planflow tells people, one notification per recipient and event. Workflows decide what is to be sent and
// give each a stable idempotency key; the notify activity delivers it (email: issue 6) exactly once per key.
import { z } from 'zod';
import { Deliverable, EscalationTarget, LocalDate } from './plan';
import { DigestLine, DIGEST_LINES, IncidentCounts } from './digest';
import { ConsolidatedReport } from './report';

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  language: z.enum(['vi', 'en']).default('vi'),
});
export type Contact = z.infer<typeof Contact>;

/**
 * The work a notification is about. `deliverable` is optional because notices queued by older runs lack it;
 * `stepTitle` names the step for people (a clause's section and opening words, not `clause-1`) and
 * `deadlineWords` quotes the plan's own deadline ("trước ngày 20/11/2021"); older notices lack both.
 */
const Work = {
  stepId: z.string(), clauseText: z.string(), deliverable: Deliverable.optional(),
  stepTitle: z.string().max(300).optional(), deadlineWords: z.string().max(300).optional(),
};

/** An indicator the assignee reports, with its unit ("%" for a ratio, "người", "xã" …). */
const IndicatorToReport = z.object({ name: z.string().max(1000), unit: z.string().max(100) });

/** Where a plan stands when a leader is asked to close it. */
export const CloseSummary = z.object({
  assignments: z.number().int().nonnegative(),
  doneOnTime: z.number().int().nonnegative(),
  doneLate: z.number().int().nonnegative(),
  unfinished: z.number().int().nonnegative(),
  consolidations: z.number().int().nonnegative(),
});
export type CloseSummary = z.infer<typeof CloseSummary>;

export const NotificationData = z.discriminatedUnion('event', [
  z.object({ event: z.literal('approval-request'), stage: z.string(), stageLabel: z.string().optional(), summary: CloseSummary.optional() }),
  /** `planText` is the plan as recipients read it; optional because notices queued by older runs lack it. */
  z.object({ event: z.literal('plan-issued'), issuedOn: LocalDate, signedBy: z.string().optional(), planText: z.string().optional() }),
  z.object({
    event: z.literal('assignment'), ...Work, deliverable: Deliverable, lastDay: LocalDate.optional(),
    lead: z.string(), coordinators: z.array(z.string()), indicators: z.array(IndicatorToReport).optional(),
  }),
  z.object({ event: z.literal('reminder'), ...Work, lastDay: LocalDate, workingDaysLeft: z.number() }),
  z.object({ event: z.literal('overdue'), ...Work, lastDay: LocalDate }),
  z.object({
    event: z.literal('escalation'), ...Work, lastDay: LocalDate, step: z.number(), target: EscalationTarget,
    lateAgency: z.string(), workingDaysLate: z.number(),
  }),
  z.object({
    event: z.literal('report-received'), ...Work, agency: z.string(), submittedAt: z.number(),
    /** What the report says, for the reviewer to judge without opening anything else. */
    report: z.object({ text: z.string().max(20_000), values: z.array(z.object({ name: z.string(), value: z.string() })) }).optional(),
  }),
  z.object({ event: z.literal('report-returned'), ...Work, reason: z.string(), newLastDay: LocalDate.optional() }),
  z.object({ event: z.literal('report-accepted'), ...Work, onTime: z.boolean() }),
  z.object({ event: z.literal('deadline-extended'), ...Work, oldLastDay: LocalDate.optional(), newLastDay: LocalDate, reason: z.string() }),
  /** `report` (the table and the .docx) is optional because notices queued by older runs carry Markdown only. */
  z.object({
    event: z.literal('consolidated-report'), consolidationId: z.string(), markdown: z.string(), missing: z.array(z.string()),
    report: ConsolidatedReport.optional(),
    /** The reporting cycle's label (`năm 2027`) and whether this is a supplementary report (báo cáo bổ sung). */
    cycleLabel: z.string().optional(), supplement: z.boolean().optional(),
  }),
  z.object({ event: z.literal('plan-cancelled'), reason: z.string(), by: z.string() }),
  z.object({ event: z.literal('plan-closed'), by: z.string() }),
  /** The lead office's weekly digest (tổng hợp tình hình): what it must receive and whom it must chase. */
  z.object({
    event: z.literal('digest'), weekOf: LocalDate, lines: z.array(DigestLine).max(DIGEST_LINES),
    /** How many incidents (sự cố) of each kind the plan recorded since the last digest; details are in its status. */
    incidents: IncidentCounts.optional(),
  }),
  /** To an agency whose work a leader passed to another (its successor after a merger). */
  z.object({ event: z.literal('reassigned'), ...Work, successor: z.string(), reason: z.string().optional() }),
  z.object({ event: z.literal('undeliverable'), ...Work, agency: z.string(), address: z.string(), reason: z.string() }),
]);
export type NotificationData = z.infer<typeof NotificationData>;
export type NotificationEvent = NotificationData['event'];

export const Notification = z.object({
  /** Workflow id + event + recipient: the same key is never delivered twice. */
  key: z.string(),
  to: Contact,
  /** Issuer and issue date are optional because notices queued by older runs lack them. */
  plan: z.object({ id: z.string(), number: z.string(), title: z.string(), issuer: z.string().optional(), issuedOn: LocalDate.optional() }),
  /** Workflow time when the workflow decided to send it, and the instant the calendar planned it for. */
  createdAt: z.number(),
  plannedAt: z.number().optional(),
  /** The reporting cycle of recurring work (`2027`): the same for every notice of one cycle of one assignment. */
  cycle: z.string().optional(),
  /** The portal page where the reader acts on it (`/assignments/…`, `/plans/…`), URL-encoded; older notices lack it. */
  page: z.string().max(1000).optional(),
  data: NotificationData,
});
export type Notification = z.infer<typeof Notification>;
