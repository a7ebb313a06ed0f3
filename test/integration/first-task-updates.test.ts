// An Update that arrives with the workflow's very first task (update-with-start, or a person acting the moment a
// plan is issued) is handled like any other: handlers are set only once everything they use exists.
import { WithStartWorkflowOperation } from '@temporalio/client';
import { civilDateAt } from '../../model/calendar';
import { assignmentWorkflowId, planKey, planWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { assignmentSpec, stepsOf } from '../../model/work';
import { approveUpdate, submitReportUpdate } from '../../workflows/definitions';
import { assignment } from '../../workflows/assignment';
import { planLifecycle } from '../../workflows/plan-lifecycle';
import { createDevServerEnv } from '../helpers/temporal-env';
import { rehearse, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createDevServerEnv);

// Today's plans (input v2, as `planflow start` sends it) and plans started before plans lived for years (v1).
test.each([
  ['today', (plan: Plan) => ({ v: 2 as const, plan, calendar: [] })],
  ['v1', (plan: Plan) => ({ plan })],
])('a plan (%s) approved by update-with-start is issued', (name, input) =>
  run(async ({ client, taskQueue }) => {
    const base = await rehearse(env(), 'van-quan-2021-tre-em.yaml');
    const plan = { ...base, id: `${base.id ?? 'van-quan'}-${name}` };
    const workflowId = planWorkflowId(planKey(plan));
    const startWorkflowOperation = new WithStartWorkflowOperation(planLifecycle, { workflowId, taskQueue, args: [input(plan)], workflowIdConflictPolicy: 'FAIL' });
    const view = await client.workflow.executeUpdateWithStart(approveUpdate, { args: [{ by: 'trieu-duc-dung', stage: 'issue' }], startWorkflowOperation });
    expect(view.stage).toBe('in-progress');
    expect(view.scorecard.total).toBeGreaterThan(0);
  }));

test('an assignment that receives a report with its first task records it', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await rehearse(env(), 'van-quan-2021-tre-em.yaml');
    const step = stepsOf(plan, 'plan/first-task', civilDateAt(await env().currentTimeMs())).find((s) => s.kind === 'submission')!;
    const assignee = step.assignees[0]!;
    const workflowId = assignmentWorkflowId('plan/first-task', step.stepId, assignee.assignee.id);
    const startWorkflowOperation = new WithStartWorkflowOperation(assignment, {
      workflowId, taskQueue, args: [{ spec: assignmentSpec(step, assignee) }], workflowIdConflictPolicy: 'FAIL',
    });
    const view = await client.workflow.executeUpdateWithStart(submitReportUpdate, {
      args: [{ by: assignee.assignee.id, text: 'Báo cáo ngay khi nhận nhiệm vụ.', values: {} }], startWorkflowOperation,
    });
    expect(view.status).toBe('submitted');
    await client.workflow.getHandle(workflowId).terminate('test done');
  }));
