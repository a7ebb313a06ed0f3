// The worker's side of workflows/sinks.ts: what workflows report outside their histories. The production worker
// only logs it at debug level; `planflow simulate` passes its own recorder to turn it into a plan's timeline.
import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import type { ConsolidationEvent, PlanflowSinks } from '../workflows/sinks';
import type { AssignmentStatus, PlanStage } from '../model/status';

export interface PlanflowEventRecorder {
  status: (info: WorkflowInfo, at: number, status: AssignmentStatus, cycle?: string, workflowId?: string) => void;
  stage: (info: WorkflowInfo, at: number, stage: PlanStage) => void;
  consolidation: (info: WorkflowInfo, at: number, event: ConsolidationEvent) => void;
}

const ignore: PlanflowEventRecorder = { status: () => undefined, stage: () => undefined, consolidation: () => undefined };

export function planflowSinks(recorder: PlanflowEventRecorder = ignore): InjectedSinks<PlanflowSinks> {
  return {
    planflow: {
      status: { fn: recorder.status, callDuringReplay: false },
      stage: { fn: recorder.stage, callDuringReplay: false },
      consolidation: { fn: recorder.consolidation, callDuringReplay: false },
    },
  };
}
