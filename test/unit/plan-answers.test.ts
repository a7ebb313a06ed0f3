// A plan's answers stay the same size whatever its number of communes (issue 11): consolidations as summaries (the
// whole record from the consolidation query), undeliverable mail and actions as a count and the newest few.
import { consolidationsOf } from '../../client/plan-source';
import { PLAN_PAGE } from '../../model/actions';
import { consolidate, consolidatedMarkdown } from '../../model/consolidate';
import { ACTIONS_LISTED, CONSOLIDATIONS_LISTED, consolidationDetail, planView, recordUndeliverable, UNDELIVERABLE_KEPT } from '../../workflows/plan-view';
import type { AssignmentSummary, ConsolidationRecord, PlanState, PlanView } from '../../workflows/state';

const KB = 1024;
/** An answer without its page of assignments: counts and summaries only. */
const UNPAGED_BYTES = 16 * KB;
const HEAD = { id: 'plan/1-kh-ubnd/2026', plan: { document: { issuer: 'ubnd-tinh', number: 1, symbol: 'KH-UBND', year: 2026, title: 'Kế hoạch quốc gia' } as never, number: '1/KH-UBND' } };

const communes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `xa-${i}`, name: `UBND xã Số ${i}` }));

/** One consolidation of a round, and its supplement, reporting the first `reported` communes. */
function record(all: { id: string; name: string }[], reported: number, cycle: string, supplement: boolean, at: number): ConsolidationRecord {
  const reports = all.slice(0, reported).map((c) => ({ agencyId: c.id, agencyName: c.name, values: {} }));
  const result = consolidate([], reports, all, '2026-12-20');
  const markdown = consolidatedMarkdown({ number: '1/KH-UBND', title: 'Kế hoạch quốc gia' }, 'Sở Nội vụ', ['UBND tỉnh'], result, { cycleLabel: `năm ${cycle}`, supplement });
  return { id: 'tong-hop', cycle, supplement, at, included: reports.map((r) => r.agencyId), result, markdown };
}

/** A national plan after years: a yearly round and a supplement per year, thousands of refused addresses, hundreds of amendments. */
function state(n: number): PlanState {
  const all = communes(n);
  const assignments: AssignmentSummary[] = all.map((c) => ({
    id: `plan/1-kh-ubnd/2026/bao-cao/${c.id}`, stepId: 'bao-cao', agencyId: c.id, agencyName: c.name, status: 'overdue', remindersSent: 2, escalationLevel: 1,
  }));
  const years = Array.from({ length: 15 }, (_, i) => `${2026 + i}`);
  const s: PlanState = {
    stage: 'awaiting-close-approval', assignments: Object.fromEntries(assignments.map((a) => [a.id, a])),
    consolidations: years.flatMap((y, i) => [record(all, Math.floor(n / 2), y, false, 2 * i), record(all, n - 1, y, true, 2 * i + 1)]),
    actions: Array.from({ length: 300 }, (_, i) => ({ at: i, action: 'reassign' as const, by: 'chu-tich', note: `bao-cao/xa-${i} → xa-moi-${i}` })),
    undeliverable: [], undeliverableCount: 0,
  };
  recordUndeliverable(s, Array.from({ length: 600 }, (_, i) => ({ to: `xa-${i}`, event: 'plan-issued', reason: '550 5.1.1 Recipient address rejected', at: i })));
  return s;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const unpaged = (view: object) => bytes({ ...view, assignments: {}, byAgency: {} });

test.each([200, 2_000, 10_598])('%i communes: the status and Update answers carry summaries, the same size beyond their page', (n) => {
  const s = state(n);
  const status = planView(HEAD, s);
  const update = planView(HEAD, s, { limit: PLAN_PAGE.ofUpdates });
  for (const view of [status, update, planView(HEAD, s, { limit: 0 })]) expect(unpaged(view)).toBeLessThanOrEqual(UNPAGED_BYTES);
  expect(bytes(update)).toBeLessThanOrEqual(UNPAGED_BYTES + PLAN_PAGE.ofUpdates * KB);

  // The newest consolidations, numbered within their round, with counts and the first few missing by name.
  expect(status.consolidationCount).toBe(30);
  expect(status.consolidations).toHaveLength(CONSOLIDATIONS_LISTED);
  expect(status.consolidations.at(-1)).toEqual({
    id: 'tong-hop', cycle: '2040', supplement: true, at: 29, index: 1, expected: n, reported: n - 1, missing: 1, missingNames: [`UBND xã Số ${n - 1}`],
  });
  expect(status.consolidations.at(-2)).toMatchObject({ cycle: '2040', supplement: false, index: 0, reported: n / 2, missing: n / 2 });
  expect(status.consolidations.at(-2)!.missingNames).toHaveLength(5);
  expect(status.consolidations[0]).not.toHaveProperty('markdown');
  // Undeliverable mail and actions: a count and the newest.
  expect(status.undeliverableCount).toBe(600);
  expect(status.undeliverable).toHaveLength(UNDELIVERABLE_KEPT);
  expect(status.undeliverable.at(-1)).toMatchObject({ to: 'xa-599', at: 599 });
  expect(status.actionCount).toBe(300);
  expect(status.actions).toHaveLength(ACTIONS_LISTED);
  expect(status.actions.at(-1)!.at).toBe(299);
});

test('the consolidation query gives one record whole: the newest, or one of a round by its place; null when there is none', () => {
  const s = state(2_000);
  const newest = consolidationDetail(s.consolidations, undefined)!;
  expect(newest).toMatchObject({ cycle: '2040', supplement: true, index: 1, count: 2 });
  expect(newest.included).toHaveLength(1_999);
  const first = consolidationDetail(s.consolidations, { id: 'tong-hop', cycle: '2026', index: 0 })!;
  expect(first).toMatchObject({ cycle: '2026', supplement: false, index: 0, count: 2, at: 0 });
  expect(first.result.missing).toHaveLength(1_000);
  expect(first.markdown).toContain('UBND xã Số 1999');
  expect(consolidationDetail(s.consolidations, { cycle: '2030' })).toMatchObject({ supplement: true, index: 1 });
  expect(consolidationDetail(s.consolidations, { cycle: '2041' })).toBeNull();
  expect(consolidationDetail(s.consolidations, { id: 'tong-hop', cycle: '2026', index: 2 })).toBeNull();
  expect(consolidationDetail([], {})).toBeNull();
});

test('a malformed consolidation query is refused with the place and the reason, in Vietnamese', () => {
  const refusal = (raw: unknown) => {
    try {
      consolidationDetail([], raw);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };
  expect(refusal({ cycle: 'Năm 2026' })).toMatch(/^cycle: /);
  expect(refusal({ index: -1 })).toMatch(/^index: /);
  expect(refusal({ id: 'tong-hop', all: true })).toBeDefined();
  expect(refusal({ cycle: 'Năm 2026' })).not.toMatch(/\b(expected|invalid|must)\b/i);
});

test('answers of the old shapes read as summaries: v1 plans (one whole record per id) and results of plans ended before', () => {
  const all = communes(12);
  const whole = record(all, 4, '2026', false, 7);
  const v1 = { consolidations: { 'tong-hop': { at: 7, result: whole.result, markdown: whole.markdown } } } as unknown as PlanView;
  const endedBefore = { consolidations: [whole, record(all, 6, '2026', true, 9)] } as unknown as PlanView;
  const summary = { id: 'tong-hop', supplement: false, at: 7, index: 0, expected: 12, reported: 4, missing: 8, missingNames: all.slice(4, 9).map((c) => c.name) };
  expect(consolidationsOf(v1)).toEqual([{ ...summary, cycle: undefined }]);
  expect(consolidationsOf(endedBefore)).toEqual([{ ...summary, cycle: '2026' }, expect.objectContaining({ supplement: true, index: 1, reported: 6 })]);
  const today = planView(HEAD, { ...state(12), consolidations: [whole] });
  expect(consolidationsOf(today)).toEqual(today.consolidations);
});
