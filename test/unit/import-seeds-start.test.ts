// The four seed texts, imported and completed only with contact emails (a text never has them), validate and
// start: planLifecycle runs on the time-skipping test server and waits for the issue to be approved.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planStatus, startPlan } from '../../client/planflow';
import { importPlanText, type DraftPlan } from '../../model/import';
import { formatProblem, validatePlan } from '../../model/validate';
import { usePlanflowWorker } from '../helpers/planflow';
import { createTimeSkippingEnv } from '../helpers/temporal-env';

const DIR = join(__dirname, '..', 'fixtures', 'import');
const seeds = readdirSync(DIR).filter((f) => f.startsWith('seed-') && f.endsWith('.txt')).sort();

/** Adds an address to every agency and person, and nothing else. */
function withEmails(plan: DraftPlan): unknown {
  return {
    ...plan,
    agencies: plan.agencies.map((a) => ({ ...a, emails: [`${a.id}@ubnd.example`] })),
    people: (plan.people ?? []).map((p) => ({ ...p, email: `${p.id}@ubnd.example` })),
  };
}

const { run } = usePlanflowWorker(createTimeSkippingEnv);

test('four seed texts', () => expect(seeds).toHaveLength(4));

test.each(seeds)('%s: the draft, completed only with emails, validates and starts, awaiting issue approval', (file) =>
  run(async ({ client, taskQueue }) => {
    const { plan, missing } = importPlanText(readFileSync(join(DIR, file), 'utf8'));
    expect(missing.filter((p) => /\.emails?$/.test(p)).length).toBe(plan.agencies.length + (plan.people?.length ?? 0));
    const result = validatePlan(withEmails(plan));
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
    const planId = await startPlan(client, result.plan, taskQueue);
    const status = await planStatus(client, planId);
    expect(status.stage).toBe('awaiting-issue-approval');
  }));
