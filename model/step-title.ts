// How people name a step of a plan: by its place in the document and its opening words ("Mục V.1: Phối hợp với
// các cơ quan…"), never by the id the workflows use (`clause-1`).
import type { Plan } from './plan';

const OPENING_WORDS = 10;

function opening(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > OPENING_WORDS ? `${words.slice(0, OPENING_WORDS).join(' ')}…` : words.join(' ');
}

/** The parts of a plan that name its steps: a national plan's agencies and groups are not needed for that. */
export type StepNames = Pick<Plan, 'clauses' | 'reporting'>;

/** Every step's name, by step id: bounded by the plan's clauses and reports, never by its communes. */
export function stepTitles(plan: StepNames): Record<string, string> {
  const ids = [...plan.clauses.map((c) => c.id), ...plan.reporting.submissions.map((s) => s.id)];
  return Object.fromEntries(ids.map((id) => [id, stepTitle(plan, id)]));
}

export function stepTitle(plan: StepNames, stepId: string): string {
  const index = plan.clauses.findIndex((c) => c.id === stepId);
  const clause = plan.clauses[index];
  if (clause) return `${clause.section ? `Mục ${clause.section}` : `Nhiệm vụ ${index + 1}`}: ${opening(clause.text)}`;
  const submission = plan.reporting.submissions.find((s) => s.id === stepId);
  if (submission) return `Báo cáo${submission.text ? `: ${opening(submission.text)}` : ''}`;
  return stepId;
}
