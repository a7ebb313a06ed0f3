// Scale by design: a report from 1,000 communes runs to close through a tree of workflows (plan → step →
// pages of at most 500 → assignments), and no workflow history comes near Temporal's limits.
import type { Client } from '@temporalio/client';
import { approve, consolidation, planStatus, startPlan } from '../../client/planflow';
import { PLAN_PAGE } from '../../model/actions';
import { pageWorkflowId, stepWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { recordHistory } from '../helpers/histories';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { rehearse, endedPlan, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const COMMUNES = 1_000;

function withCommunes(plan: Plan, count: number): Plan {
  const communes = Array.from({ length: count }, (_, i) => ({
    id: `xa-${String(i + 1).padStart(4, '0')}`, name: `UBND xã số ${i + 1}`, kind: 'commune' as const,
    emails: [`xa-${i + 1}@tinh.example`], language: 'vi' as const,
  }));
  return {
    ...plan,
    clauses: [],
    agencies: [...plan.agencies.filter((a) => a.kind !== 'commune'), ...communes],
    groups: plan.groups.map((g) => (g.id === 'ubnd-cac-xa' ? { ...g, members: communes.map((c) => c.id) } : g)),
    recipients: plan.recipients.filter((r) => !r.to.includes('ubnd-cac-xa')),
    reporting: {
      ...plan.reporting,
      submissions: plan.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'after-issue', days: 3, unit: 'working-days' } })),
    },
    reminderPolicy: { ...plan.reminderPolicy, remindBefore: [1], escalateAfter: [] },
  };
}

async function historyLength(client: Client, workflowId: string): Promise<number> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;
}

test(`a report from ${COMMUNES} communes runs to close; no history exceeds 10,000 events`, () =>
  run(async ({ client, taskQueue }) => {
    const plan = withCommunes(await rehearse(env(), 'van-quan-2021-tre-em.yaml'), COMMUNES);
    const planId = await startPlan(client, plan, taskQueue);
    // The approval's answer is a summary and one short page: a national plan's must fit in a workflow task.
    const issued = await approve(client, planId, { by: 'trieu-duc-dung', stage: 'issue' });
    expect(issued.page).toEqual({ offset: 0, limit: PLAN_PAGE.ofUpdates, matching: COMMUNES, total: COMMUNES });
    expect(Object.keys(issued.assignments)).toHaveLength(PLAN_PAGE.ofUpdates);
    expect(issued.scorecard.total).toBe(COMMUNES);

    // Nobody reports: after the reminder and the overdue notice the office consolidates, listing all as missing.
    for (let i = 0; i < 20 && (await planStatus(client, planId)).stage !== 'awaiting-close-approval'; i++) {
      await env().sleep('1 day');
    }
    const before = await planStatus(client, planId);
    expect(before.stage).toBe('awaiting-close-approval');
    expect(before.consolidations[0]).toMatchObject({ expected: COMMUNES, reported: 0, missing: COMMUNES });
    expect((await consolidation(client, planId))!.result.missing).toHaveLength(COMMUNES);
    expect(before.scorecard.counts.overdue).toBe(COMMUNES);
    const lastTen = await planStatus(client, planId, { status: 'overdue', offset: COMMUNES - 10 });
    expect(Object.keys(lastTen.assignments)).toHaveLength(10);
    expect(lastTen.page).toMatchObject({ matching: COMMUNES, total: COMMUNES });
    expect((await planStatus(client, planId, { status: 'done-on-time' })).page).toMatchObject({ matching: 0 });

    await approve(client, planId, { by: 'trieu-duc-dung', stage: 'close' });
    const result = await endedPlan(client, planId);
    expect(result.stage).toBe('closed');
    expect(result.page).toMatchObject({ matching: COMMUNES, total: COMMUNES });
    expect(Object.keys(result.assignments)).toHaveLength(PLAN_PAGE.default);
    expect(result.byStep![plan.reporting.submissions[0]!.id]!.total).toBe(COMMUNES);

    const step = stepWorkflowId(planId, plan.reporting.submissions[0]!.id);
    const tree = [planId, step, pageWorkflowId(step, 1), pageWorkflowId(step, 2), ...Object.keys(result.assignments).slice(0, 20)];
    const lengths = await Promise.all(tree.map((id) => historyLength(client, id)));
    expect(Math.max(...lengths)).toBeLessThan(10_000);
    expect(lengths.every((n) => n > 0)).toBe(true);
    // A step of 1,000 communes forwards in coalesced, bounded batches (its pages' histories are megabytes: not kept).
    await recordHistory(client, step, 'v3-step-paged-coalesced');
  }), 15 * 60_000);
