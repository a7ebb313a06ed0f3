// The plain, serialisable state objects of the planflow workflows and the views their queries return.
import type { ReportValues } from '../../model/actions';
import type { CivilDate } from '../../model/calendar';
import type { ConsolidationResult } from '../../model/consolidate';
import type { Plan } from '../../model/plan';
import type { AssignmentStatus, PlanStage, Scorecard } from '../../model/status';
import type { AssignmentSpec } from './work';

/** What a parent knows of one assignment: enough for the plan's status, counts and consolidation. */
export interface AssignmentSummary {
  /** The assignment's workflow id. */
  id: string;
  stepId: string;
  agencyId: string;
  agencyName: string;
  status: AssignmentStatus;
  lastDay?: CivilDate;
  /** For recurring work, which cycle (0-based) this is. */
  cycle?: number;
  remindersSent: number;
  escalationLevel: number;
  submittedAt?: number;
  completedAt?: number;
  /** The report's first words, for listings. */
  reportSummary?: string;
  /** Indicator values of the accepted report, for consolidation. */
  values?: ReportValues;
}

export interface ActionRecord {
  at: number;
  action: 'submit' | 'accept' | 'return' | 'extend' | 'approve' | 'cancel' | 'consolidate';
  by: string;
  note?: string;
}

export interface AssignmentState {
  status: AssignmentStatus;
  /** Recurring work runs one cycle per workflow run, continuing as new for the next (absent before cycles existed). */
  cycle?: number;
  /** How each earlier cycle ended. */
  pastCycles?: { lastDay: CivilDate; status: AssignmentStatus; completedAt?: number }[];
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
  undeliverable?: { to: string; event: string; reason: string; at: number }[];
}

export interface AssignmentView extends AssignmentState {
  id: string;
  spec: AssignmentSpec;
}

export type { PlanStage };

export interface PlanState {
  stage: PlanStage;
  issuedOn?: CivilDate;
  assignments: Record<string, AssignmentSummary>;
  consolidations: Record<string, { at: number; result: ConsolidationResult; markdown: string }>;
  actions: ActionRecord[];
  undeliverable?: { to: string; event: string; reason: string; at: number }[];
}

export interface PlanView extends PlanState {
  id: string;
  plan: Pick<Plan, 'document'> & { number: string };
  scorecard: Scorecard;
  byAgency: Record<string, Scorecard>;
}
