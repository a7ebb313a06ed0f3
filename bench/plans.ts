// The plans the benchmark runs, built from Văn Quan's plan (examples/van-quan-2021-tre-em.yaml) the way
// test/workflows/scale.test.ts builds its 1,000-commune plan: generated communes in the commune group, each
// generated plan checked by the model's own validation before it is started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { civilDateAt, yearOf } from '../model/calendar';
import { loadPlanText } from '../model/load';
import type { Clause, Deadline, Plan } from '../model/plan';
import { rebasePlan } from '../model/rebase';
import { formatProblem, validatePlan } from '../model/validate';
import { cyclesOf } from '../model/work';

export const COMMUNE_GROUP = 'ubnd-cac-xa';
export const REPORT_STEP = 'bao-cao-xa-2021';
export const REVIEWER = 'phong-ldtbxh-dt';
export const LEADER = 'trieu-duc-dung';

export interface ScaleScenario {
  communes: number;
  clauses: number;
  cycles: number;
}

function valid(plan: unknown): Plan {
  const result = validatePlan(plan);
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  return result.plan;
}

/** Văn Quan's plan moved to be issued on the day of `instant` (the server's clock). */
export function basePlan(root: string, instant: number): Plan {
  const loaded = loadPlanText(readFileSync(join(root, 'examples', 'van-quan-2021-tre-em.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => formatProblem(p)).join('\n'));
  return rebasePlan(loaded.plan, civilDateAt(instant));
}

export const communeId = (i: number) => `xa-${String(i + 1).padStart(5, '0')}`;

/** The plan with `count` generated communes in place of Văn Quan's 17, its report due three working days after issue. */
function withCommunes(plan: Plan, count: number, id: string): Plan {
  const communes = Array.from({ length: count }, (_, i) => ({
    id: communeId(i), name: `UBND xã số ${i + 1}`, kind: 'commune' as const, emails: [`xa-${i + 1}@tinh.example`], language: 'vi' as const,
  }));
  return {
    ...plan,
    id,
    clauses: [],
    agencies: [...plan.agencies.filter((a) => a.kind !== 'commune'), ...communes],
    groups: plan.groups.map((g) => (g.id === COMMUNE_GROUP ? { ...g, members: communes.map((c) => c.id) } : g)),
    reporting: {
      ...plan.reporting,
      submissions: plan.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'after-issue', days: 3, unit: 'working-days' } })),
    },
    reminderPolicy: { ...plan.reminderPolicy, remindBefore: [1], escalateAfter: [] },
  };
}

/**
 * The throughput plan: only the communes' report (one assignment each, due in ten working days so nothing fires
 * during a round), and no notice to the communes at issue, so a round measures the per-assignment work.
 */
export function throughputPlan(base: Plan, communes: number, id: string): Plan {
  const plan = withCommunes(base, communes, id);
  return valid({
    ...plan,
    recipients: plan.recipients.filter((r) => !r.to.includes(COMMUNE_GROUP)),
    reporting: {
      ...plan.reporting,
      submissions: plan.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'after-issue', days: 10, unit: 'working-days' } })),
    },
  });
}

/**
 * A scale scenario: `clauses` steps naming every commune. The first is the communes' report, consolidated by the
 * labour office — due three working days after issue for one cycle, else yearly (by 14/12) for `cycles` years after
 * the year of issue; the others are action clauses due five working days after issue. The communes stay among the
 * recipients, as in a real national plan. Nobody reports: the plan closes after the overdue rounds consolidate.
 */
export function scalePlan(base: Plan, scenario: ScaleScenario, id: string, issuedOn: string): Plan {
  const plan = withCommunes(base, scenario.communes, id);
  const year = yearOf(issuedOn);
  const report: Deadline = scenario.cycles === 1
    ? { kind: 'after-issue', days: 3, unit: 'working-days' }
    : { kind: 'recurring', every: 'year', on: '12-14', years: { from: year + 1, to: year + scenario.cycles } };
  const actions: Clause[] = Array.from({ length: scenario.clauses - 1 }, (_, i) => ({
    id: `dieu-${i + 1}`, text: `Nhiệm vụ số ${i + 1} của UBND các xã.`, lead: REVIEWER, coordinators: [], assignees: [COMMUNE_GROUP],
    due: 'action', deadline: { kind: 'after-issue', days: 5, unit: 'working-days' }, indicators: [],
  }));
  const built = valid({
    ...plan,
    document: { ...plan.document, period: { from: year, to: year + scenario.cycles } },
    clauses: actions,
    reporting: { ...plan.reporting, submissions: plan.reporting.submissions.map((s) => ({ ...s, deadline: report })) },
  });
  const cycles = report.kind === 'recurring' ? cyclesOf(built, report, issuedOn).length : 1;
  if (cycles !== scenario.cycles) throw new Error(`${id}: the report has ${cycles} cycles, not ${scenario.cycles}`);
  return built;
}
