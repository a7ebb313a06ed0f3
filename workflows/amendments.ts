// Amendments as steps and assignments receive them: the plan validates a leader's amendment, resolves the agencies
// it names into contacts, records it, and passes this on.
import type { CivilDate } from '../model/calendar';
import type { Assignee } from '../model/work';

export type StepAmendment =
  /** The agency's open work ends as reassigned; its successor takes over the same cycle and every later one. */
  | { kind: 'reassign'; agency: string; to: Assignee; by: string; reason?: string }
  | { kind: 'add-agency'; assignee: Assignee; by: string; reason?: string }
  | { kind: 'remove-agency'; agency: string; by: string; reason: string }
  | { kind: 'change-deadline'; lastDay: CivilDate; by: string; reason: string };
