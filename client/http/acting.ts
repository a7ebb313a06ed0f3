// Officials acting as themselves: each action finds who the signed-in person acts as (their agency, or themselves as a
// leader) from the assignment's own spec, refuses with 403 before anything is sent when they have no part in it,
// calls the client functions of client/planflow.ts with that `by`, and writes the audit log either way. A person who
// signs KT. or TL. for a head acts with the head's authority, and the note and the audit log carry the signature line.
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { UPDATE_LIMITS, type Approve, type Extend, type Review, type SubmitReport } from '../../model/actions';
import { loadPlanText } from '../../model/load';
import { formatProblem, type Problem } from '../../model/validate';
import { approversOf, type AssignmentSpec } from '../../model/work';
import type { Store } from '../../store';
import type { PersonRecord } from '../../store/directory';
import type { AssignmentView, PlanView } from '../../workflows/state';
import {
  approve, assignmentStatus, extendDeadline, PlanflowError, reviewReport, startPlan, submitReport,
} from '../planflow';
import { startedPlan } from '../plan-source';

export type Refusal = { ok: false; status: 401 | 403 | 404 | 422 | 503; code: string; message: string; problems?: Problem[] };
export type Outcome<T> = { ok: true; value: T } | Refusal;

export interface ActingDeps {
  store: Store;
  temporal: Client | undefined;
  taskQueue: string;
}

type Action = 'report' | 'review' | 'extend' | 'approve' | 'start-plan';

/** At most this many reports accepted in one form: a lead office's sitting, and a bounded request. */
export const MAX_BATCH_REVIEWS = 50;
export type BatchResult<T> = { id: string; outcome: Outcome<T> };

/** Refusal codes of the workflows' validators that mean "not yours": answered 403 in the portal's words, no ids. */
const NOT_YOURS = new Set(['wrong-agency', 'not-reviewer', 'not-allowed', 'not-approver', 'not-leader']);

const refuse = (status: Refusal['status'], code: string, message: string, problems?: Problem[]): Refusal => ({ ok: false, status, code, message, problems });
const forbidden = () => refuse(403, 'forbidden', 'Anh/chị không có quyền thực hiện việc này với nhiệm vụ hoặc kế hoạch này.');
const noTemporal = () => refuse(503, 'unavailable', 'Máy chủ quy trình (Temporal) chưa sẵn sàng; vui lòng thử lại sau.');

/** The ids a person may act as: themselves first, then their agency, then the head they sign KT./TL. for. */
export const actingIds = (person: PersonRecord): string[] => [person.id, person.agency, ...(person.signsFor ? [person.signsFor.person] : [])];

/** Who the person acts as, among the ids an action allows. */
export function actingAs(person: PersonRecord, allowed: readonly string[]): string | undefined {
  return actingIds(person).find((id) => allowed.includes(id));
}

/** `KT. Chủ tịch UBND huyện — Triệu Đức Dũng`: the signature line of someone signing for a head, as documents write it. */
export const signatureLine = (person: PersonRecord, kind: 'KT' | 'TL', headTitle: string) => `${kind}. ${headTitle} — ${person.name ?? person.title}`;

/** A note or reason carrying the signature line first, within the Update's bound. */
export const signedNote = (signature: string | undefined, text: string | undefined): string | undefined =>
  signature === undefined ? text : (text ? `${signature}: ${text}` : signature).slice(0, UPDATE_LIMITS.reasonLength);

export const reportersOf = (spec: AssignmentSpec) => [spec.assignee.id];
export const reviewersOf = (spec: AssignmentSpec) => spec.reviewers;
export const extendersOf = (spec: AssignmentSpec) => [...spec.reviewers, ...spec.leaders.map((l) => l.id)];

function fromError(error: unknown): Refusal {
  if (error instanceof PlanflowError) {
    if (NOT_YOURS.has(error.code)) return forbidden();
    if (error.code === 'not-found') return refuse(404, 'not-found', 'Không tìm thấy nhiệm vụ hoặc kế hoạch này.');
    return refuse(422, error.code, error.message);
  }
  throw error;
}

export function createActing(deps: ActingDeps) {
  const audit = async (person: PersonRecord, by: string | undefined, signature: string | undefined, action: Action, subject: string, outcome: Outcome<unknown>) => {
    await deps.store.audit.record({
      actor: person.id, actorKind: 'person', onBehalfOf: by && by !== person.id ? by : null, action, subject,
      outcome: outcome.ok ? 'done' : 'refused', detail: { ...(outcome.ok ? {} : { code: outcome.code }), ...(signature ? { signed: signature } : {}) },
    });
  };

  /** The signature line when the person acts as someone other than themselves and signs KT. or TL. */
  async function signatureOf(person: PersonRecord, by: string | undefined): Promise<string | undefined> {
    if (!person.signsFor || by === undefined || by === person.id) return undefined;
    const head = await deps.store.directory.person(person.signsFor.person);
    return signatureLine(person, person.signsFor.kind, head?.title ?? 'Thủ trưởng');
  }

  /** Runs one action on an assignment: its spec decides who may, then the Update decides the rest. */
  async function onAssignment<T>(person: PersonRecord, id: string, action: Action, allowed: (spec: AssignmentSpec) => readonly string[], run: (client: Client, by: string, signature: string | undefined) => Promise<T>): Promise<Outcome<T>> {
    const client = deps.temporal;
    if (!client) return noTemporal();
    let by: string | undefined;
    let signature: string | undefined;
    let outcome: Outcome<T>;
    try {
      const view = await assignmentStatus(client, id);
      by = actingAs(person, allowed(view.spec));
      signature = await signatureOf(person, by);
      outcome = by ? { ok: true, value: await run(client, by, signature) } : forbidden();
    } catch (error) {
      outcome = fromError(error);
    }
    await audit(person, by, signature, action, id, outcome);
    return outcome;
  }

  const review = (person: PersonRecord, id: string, input: DistributiveOmit<Review, 'by'>) =>
    onAssignment(person, id, 'review', reviewersOf, (client, by, signature) => reviewReport(client, id, input.decision === 'accept'
      ? { ...input, by, note: signedNote(signature, input.note) }
      : { ...input, by, reason: signedNote(signature, input.reason) ?? input.reason }));

  return {
    /** The assignment as the person may see it: theirs to report, to review, to extend, or a leader's. */
    async view(person: PersonRecord, id: string): Promise<Outcome<{ view: AssignmentView; mayReport: boolean; mayReview: boolean; mayExtend: boolean }>> {
      if (!deps.temporal) return noTemporal();
      try {
        const view = await assignmentStatus(deps.temporal, id);
        const may = (ids: readonly string[]) => actingAs(person, ids) !== undefined;
        const mayReport = may(reportersOf(view.spec));
        const mayReview = may(reviewersOf(view.spec));
        const mayExtend = may(extendersOf(view.spec));
        if (!mayReport && !mayReview && !mayExtend && !may(view.spec.coordinators)) return forbidden();
        return { ok: true, value: { view, mayReport, mayReview, mayExtend } };
      } catch (error) {
        return fromError(error);
      }
    },

    report: (person: PersonRecord, id: string, input: Omit<z.input<typeof SubmitReport>, 'by'>) =>
      onAssignment(person, id, 'report', reportersOf, (client, by) => submitReport(client, id, { ...input, by })),

    review,

    /**
     * Several reports accepted in one go: each through its own assignment's Update (and its own audit entry), one
     * after the other, so a refusal of one loses none of the others.
     */
    async reviewMany(person: PersonRecord, ids: readonly string[], input: DistributiveOmit<Review, 'by'>): Promise<BatchResult<AssignmentView>[]> {
      const results: BatchResult<AssignmentView>[] = [];
      for (const id of [...new Set(ids)].slice(0, MAX_BATCH_REVIEWS)) results.push({ id, outcome: await review(person, id, input) });
      return results;
    },

    extend: (person: PersonRecord, id: string, input: Omit<Extend, 'by'>) =>
      onAssignment(person, id, 'extend', extendersOf, (client, by, signature) => extendDeadline(client, id, { ...input, by, reason: signedNote(signature, input.reason) ?? input.reason })),

    /**
     * Leaders approve for the head they sign KT./TL. for when the plan lists that head for the stage (the note then
     * carries the signature line), else in their own name; the plan's workflow checks its list of approvers.
     */
    async approve(person: PersonRecord, planId: string, input: Omit<Approve, 'by'>): Promise<Outcome<PlanView>> {
      const client = deps.temporal;
      if (!client) return noTemporal();
      const head = person.signsFor?.person;
      const listed = head ? await startedPlan(client, planId).then((plan) => approversOf(plan, input.stage), () => []) : [];
      const by = head && listed.includes(head) ? head : person.id;
      const signature = await signatureOf(person, by);
      const outcome = await approve(client, planId, { ...input, by, note: signedNote(signature, input.note) }).then((value): Outcome<PlanView> => ({ ok: true, value }), fromError);
      await audit(person, by, signature, 'approve', planId, outcome);
      return outcome;
    },

    /** Starts a plan from its file's text; only coordinators may, and a plan with problems is refused with them all. */
    async startPlan(person: PersonRecord, text: string): Promise<Outcome<string>> {
      const client = deps.temporal;
      if (!client) return noTemporal();
      let outcome: Outcome<string>;
      if (!person.roles.includes('coordinator')) {
        outcome = forbidden();
      } else {
        const loaded = loadPlanText(text);
        outcome = loaded.ok
          ? await startPlan(client, loaded.plan, deps.taskQueue).then((value): Outcome<string> => ({ ok: true, value }), fromError)
          : refuse(422, 'invalid-plan', loaded.problems.map((p) => formatProblem(p)).join('\n'), loaded.problems);
      }
      await audit(person, undefined, undefined, 'start-plan', outcome.ok ? outcome.value : 'plan/(mới)', outcome);
      return outcome;
    },
  };
}
export type Acting = ReturnType<typeof createActing>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
