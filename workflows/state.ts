// The plain, serialisable state objects of the planflow workflows and the views their queries return.
import type { ReportValues } from '../model/actions';
import type { CivilDate } from '../model/calendar';
import type { ConsolidationResult } from '../model/consolidate';
import type { Notification } from '../model/notifications';
import type { Plan } from '../model/plan';
import type { AssignmentStatus, IncidentKind, PlanStage, Scorecard } from '../model/status';
import type { AssignmentSpec } from '../model/work';

/** What a parent knows of one assignment: enough for the plan's status, counts and consolidation. */
export interface AssignmentSummary {
  /** The assignment's workflow id. */
  id: string;
  stepId: string;
  agencyId: string;
  agencyName: string;
  status: AssignmentStatus;
  lastDay?: CivilDate;
  /** For recurring work, the cycle's key (`2027`); the same for every notice and status of that cycle. */
  cycle?: string;
  remindersSent: number;
  escalationLevel: number;
  /**
   * Bumped by every new deadline (absent while 0), as the work's own: a page that sends the work's notices keys them by
   * it. The plan does not keep it (status-check.ts).
   */
  deadlineVersion?: number;
  submittedAt?: number;
  completedAt?: number;
  /** The report's first words, for listings. */
  reportSummary?: string;
  /** Indicator values of the submitted or accepted report, for consolidation. */
  values?: ReportValues;
}

export interface ActionRecord {
  at: number;
  action: 'submit' | 'accept' | 'return' | 'extend' | 'approve' | 'cancel' | 'consolidate' | 'reassign' | 'add-agency' | 'remove-agency' | 'change-deadline';
  by: string;
  note?: string;
}

export interface Undelivered {
  to: string;
  event: string;
  reason: string;
  at: number;
}

/**
 * What a page sent for one of its assignments (workflows/clock-notices.ts) and, for work that sleeps through its
 * clock, the status the clock has given it (assignment.ts, `clockAsleep`).
 */
export type SentNotices = Pick<AssignmentState, 'remindersSent' | 'escalationLevel' | 'undeliverable'> & { status?: AssignmentStatus };

export interface AssignmentState {
  status: AssignmentStatus;
  lastDay?: CivilDate;
  /** Bumped by every extension or new deadline on return, so notices of an old deadline never fire. */
  deadlineVersion: number;
  /** Notices of the current schedule before this instant were already in the past when it was made. */
  scheduleFrom: number;
  /** Keys of notices sent (`reminder-1@v0`), so none is sent twice. */
  sent: string[];
  remindersSent: number;
  escalationLevel: number;
  report?: { text: string; values: ReportValues; submittedAt: number };
  completedAt?: number;
  actions: ActionRecord[];
  /** Notifications that could never be delivered (a refused address), so people can act on them. */
  undeliverable: Undelivered[];
  /** Mail not yet handed over when the run continued as new: the next run sends it (its key makes that safe). */
  unsent: Notification[];
}

export interface AssignmentView extends AssignmentState {
  id: string;
  spec: AssignmentSpec;
  /** The workflow that sends its clock's notices, when not itself: it knows how many went out (its sentNotices query). */
  noticedBy?: string;
}

export type { PlanStage };

/** One consolidated report: per consolidation and reporting cycle, and again (supplement) after a late report. */
export interface ConsolidationRecord {
  id: string;
  cycle?: string;
  supplement: boolean;
  at: number;
  /** Agencies whose reports it includes, so a later accepted report triggers a supplement. */
  included: string[];
  result: ConsolidationResult;
  markdown: string;
}

/**
 * What every answer carries of a consolidation record: counts and the first few missing agencies. Its text and
 * lists name every commune of a national plan, so they come whole only from the consolidation query.
 */
export interface ConsolidationSummary {
  id: string;
  cycle?: string;
  supplement: boolean;
  at: number;
  /** Its place among the records of its consolidation and cycle (0: the first, then its supplements). */
  index: number;
  /** Agencies expected to report in its round. */
  expected: number;
  /** Agencies whose reports it includes. */
  reported: number;
  /** Agencies that had not reported. */
  missing: number;
  /** The first few of those by name, for listings (the rest are counted in `missing`). */
  missingNames: string[];
}

/** The consolidation query's answer: one whole record, and where it stands among its round's records. */
export interface ConsolidationDetail extends ConsolidationRecord {
  index: number;
  /** Records of its consolidation and cycle so far. */
  count: number;
}

/** Something that could not be applied (a malformed status signal, a failed child, data the code could not use). */
export interface Incident {
  at: number;
  kind: IncidentKind;
  /** In Vietnamese: coordinators read it in `status` and in the lead office's digest. */
  detail: string;
}

/** Bounded: a count and the newest few, whatever arrives. */
export interface Incidents {
  count: number;
  latest: Incident[];
}

export interface PlanState {
  stage: PlanStage;
  /** Absent in plans started before incidents were recorded. */
  incidents?: Incidents;
  issuedOn?: CivilDate;
  assignments: Record<string, AssignmentSummary>;
  consolidations: ConsolidationRecord[];
  actions: ActionRecord[];
  /** Bounded like incidents: the newest few (one a refused address, whatever their number) and how many in all. */
  undeliverable: Undelivered[];
  undeliverableCount: number;
}

/**
 * What the plan answers (status query, Update results, its result): counts over everything, and of what grows with
 * its communes or its life only one page or the newest few, so no answer grows with them.
 */
export interface PlanView extends Omit<PlanState, 'consolidations' | 'actions'> {
  id: string;
  plan: Pick<Plan, 'document'> & { number: string };
  /**
   * How people name each step (model/step-title.ts), for printing its assignments: `planflow status` then needs no
   * second call for the plan it was started with, whose input is megabytes for a national plan. Absent in answers
   * of workers from before session 15.
   */
  stepTitles?: Record<string, string>;
  /** Summaries of the newest consolidation records, oldest first; the records themselves come from the consolidation query. */
  consolidations: ConsolidationSummary[];
  /** Consolidation records in all. */
  consolidationCount: number;
  /** The newest actions on the plan, oldest first (the store's audit log keeps every one). */
  actions: ActionRecord[];
  actionCount: number;
  /** Over all assignments. */
  scorecard: Scorecard;
  /** Per step, over all its assignments and cycles: bounded by the plan's steps. */
  byStep?: Record<string, Scorecard>;
  /** Per agency, for the agencies on this page. */
  byAgency: Record<string, Scorecard>;
  /** `assignments` holds one page of the matching assignments (absent in plans started before paging). */
  page?: { offset: number; limit: number; matching: number; total: number };
}
