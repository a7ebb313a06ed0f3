// A plan's status answers with counts over every assignment and one bounded page of them, filtered on request.
import { PLAN_PAGE } from '../../model/actions';
import { pagedView } from '../../workflows/plan-rules';
import type { AssignmentSummary, PlanState } from '../../workflows/state';

const summary = (i: number, stepId: string, status: AssignmentSummary['status']): AssignmentSummary => ({
  id: `plan/x/${stepId}/xa-${i}`, stepId, agencyId: `xa-${i}`, agencyName: `UBND xã ${i}`, status, remindersSent: 0, escalationLevel: 0,
});

function state(n: number): PlanState {
  const all = [
    ...Array.from({ length: n }, (_, i) => summary(i, 'bao-cao', i % 3 === 0 ? 'overdue' : 'not-due')),
    ...Array.from({ length: 10 }, (_, i) => summary(i, 'ke-hoach', 'done-on-time')),
  ];
  return { stage: 'in-progress', assignments: Object.fromEntries(all.map((a) => [a.id, a])), consolidations: [], actions: [], undeliverable: [], undeliverableCount: 0 };
}

test('10,598 communes: counts over all, a page of 500, per-agency scorecards only for that page', () => {
  const view = pagedView(state(10_598), undefined);
  expect(view.scorecard.total).toBe(10_608);
  expect(view.byStep).toMatchObject({ 'bao-cao': { total: 10_598 }, 'ke-hoach': { total: 10 } });
  expect(Object.keys(view.assignments)).toHaveLength(PLAN_PAGE.default);
  expect(Object.keys(view.byAgency).length).toBeLessThanOrEqual(PLAN_PAGE.default);
  expect(view.page).toEqual({ offset: 0, limit: PLAN_PAGE.default, matching: 10_608, total: 10_608 });
  expect(JSON.stringify(view).length).toBeLessThan(512 * 1024);
});

test('filters by step, status and agency, and pages on', () => {
  const s = state(100);
  const overdue = pagedView(s, { step: 'bao-cao', status: 'overdue', offset: 30, limit: 10 });
  expect(overdue.page).toEqual({ offset: 30, limit: 10, matching: 34, total: 110 });
  expect(Object.values(overdue.assignments).map((a) => a.agencyId)).toEqual(Array.from({ length: 4 }, (_, i) => `xa-${(30 + i) * 3}`));
  expect(Object.keys(pagedView(s, { agency: 'xa-3' }).assignments)).toEqual(['plan/x/bao-cao/xa-3', 'plan/x/ke-hoach/xa-3']);
  expect(() => pagedView(s, { limit: PLAN_PAGE.max + 1 })).toThrow();
  expect(() => pagedView(s, { status: 'xong' as never })).toThrow();
});
