// Workflow ids derived from a plan's identity, so anyone can address a plan, a step or one agency's assignment
// directly (`plan/292-KH-UBND/2019/clause-3/xa-thanh-xuong`), and starting the same plan twice is refused.
import type { Plan } from './plan';

/**
 * `ubnd-huyen-dien-bien/292-KH-UBND/2019` from issuer, number, symbol and year: every UBND writes KH-UBND and restarts
 * its numbering each January, so the issuing body is part of a plan's identity. The plan's own `id` when it has no
 * number.
 */
export function planKey(plan: Plan): string {
  const year = plan.document.issuedOn?.slice(0, 4) ?? plan.document.period?.from;
  if (plan.document.number !== undefined && year !== undefined) {
    return `${plan.document.issuer}/${plan.document.number}-${plan.document.symbol.replace('/', '-')}/${year}`;
  }
  if (plan.id) return plan.id;
  throw new Error('plan has neither a number with a year nor an id');
}

export const planWorkflowId = (key: string) => `plan/${key}`;
export const stepWorkflowId = (planId: string, stepId: string) => `${planId}/${stepId}`;
export const pageWorkflowId = (stepWfId: string, page: number) => `${stepWfId}/page-${page}`;
/** The child running one cycle of a recurring step (`~` keeps it apart from every agency id). */
export const cycleWorkflowId = (stepWfId: string, cycleKey: string) => `${stepWfId}/~cycle-${cycleKey}`;
/** A child that sends one page of a plan-wide notice (`~` keeps it apart from every step id). */
export const broadcastWorkflowId = (planWfId: string, event: string, page: number) => `${planWfId}/~notices/${event}/${page}`;
/**
 * The task queue a plan's assignments run on, beside the queue its tree runs on (worker/workers.ts says why). A plan
 * started on `planflow` has its work on `planflow.work`.
 */
export const workTaskQueue = (treeQueue: string) => `${treeQueue}.work`;
export const assignmentWorkflowId = (planId: string, stepId: string, agencyId: string) => `${planId}/${stepId}/${agencyId}`;

/** `292/KH-UBND`, or a Party committee's `123-KH/TU`, as the document writes its number and symbol. */
export function documentNumber(plan: Plan): string {
  const joint = plan.document.symbol.includes('/') ? '-' : '/';
  return `${plan.document.number ?? '…'}${joint}${plan.document.symbol}`;
}
