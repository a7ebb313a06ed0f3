// What the workflows tell the worker outside their histories (Temporal sinks, not called during replay): status
// changes, stages and consolidations as they happen. `planflow simulate` records them into a plan's timeline; the
// production worker logs them at debug level. Never used for anything a workflow decides on.
import { proxySinks, type Sinks } from '@temporalio/workflow';
import type { AssignmentStatus, PlanStage } from '../model/status';

export interface ConsolidationEvent {
  /** The plan's consolidation id (`reporting.consolidations[].id`). */
  id: string;
  /** The reporting cycle it covers (e.g. `2027`), absent for one-off reporting. */
  cycle?: string;
  /** How many agencies' reports it includes. */
  reported: number;
  /** Ids of the agencies whose reports are missing. */
  missing: string[];
  /** True for a supplementary consolidation (báo cáo bổ sung) after a late report was accepted. */
  supplement: boolean;
}

export interface PlanflowSinks extends Sinks {
  planflow: {
    /**
     * An assignment's status changed (`at`: workflow time, ms since the epoch); `workflowId` when its page tells it
     * for work that sleeps through its clock (else the caller's).
     */
    status(at: number, status: AssignmentStatus, cycle?: string, workflowId?: string): void;
    /** A plan entered a stage. */
    stage(at: number, stage: PlanStage): void;
    consolidation(at: number, event: ConsolidationEvent): void;
  };
}

/** Call as `events.status(Date.now(), 'overdue')`; the worker learns the workflow id from the call's info. */
export const events = proxySinks<PlanflowSinks>().planflow;
