// Status signals are data: a raw client that forges them (marking every assignment done, adding a phantom agency,
// sending garbage) changes nothing and fails no workflow task — each is refused and recorded as an incident that
// `status` shows. A terminated assignment ends alone; its siblings go on and the plan records what happened.
// On the dev server: the Java time-skipping server does not tell a parent that its child was terminated.
import type { Client } from '@temporalio/client';
import { approve, planStatus, startPlan } from '../../client/planflow';
import { formatPlan } from '../../client/format';
import { assignmentWorkflowId } from '../../model/ids';
import { assignmentsChangedSignal } from '../../workflows/definitions';
import type { AssignmentSummary } from '../../workflows/state';
import { eventually } from '../helpers/eventually';
import { recordHistory } from '../helpers/histories';
import { dienBienWithReporting, usePlanflowWorker } from '../helpers/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';

const { env, run } = usePlanflowWorker(createDevServerEnv, () => ({ notify: () => Promise.resolve({ delivered: true }) }));
const LEADER = 'chu-tich-ubnd-huyen';

async function failedTasks(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
}

test('forged status signals are refused and recorded; a terminated assignment ends alone and the plan shows it', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 931, 3);
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: LEADER, stage: 'issue' });
    const before = await planStatus(client, planId);
    const real = Object.values(before.assignments);
    expect(real.length).toBeGreaterThan(0);
    const handle = client.workflow.getHandle(planId);

    const forged: unknown[] = [
      // Every assignment "done on time" with no completion: the raw signal of the fault report.
      real.map((a) => ({ ...a, status: 'done-on-time' })),
      // A phantom agency on a real step, with an id built the plan's way.
      [{ ...real[0]!, agencyId: 'xa-ma', agencyName: 'UBND xã Ma', id: assignmentWorkflowId(planId, real[0]!.stepId, 'xa-ma') }],
      // A step that is not in the plan, an id of another plan, and shapes that are no summaries at all.
      [{ ...real[0]!, stepId: 'buoc-ma' }],
      [{ ...real[0]!, id: real[0]!.id.replace(planId, 'plan/khac/1-KH-UBND/2026') }],
      [{ ...real[0]!, status: 'xong' }, { id: 1 }, null, 'chuỗi'],
      { khong: 'phải danh sách' },
      [{ ...real[0]!, reportSummary: 'x'.repeat(10_000) }],
    ];
    for (const payload of forged) await handle.signal(assignmentsChangedSignal, payload as AssignmentSummary[]);

    const after = await eventually(() => planStatus(client, planId), (v) => (v.incidents?.count ?? 0) >= 11);
    expect(after.stage).toBe('in-progress');
    expect(Object.keys(after.assignments).sort()).toEqual(Object.keys(before.assignments).sort());
    expect(Object.values(after.assignments).map((a) => a.status)).not.toContain('done-on-time');
    expect(after.incidents!.count).toBe(real.length + 1 + 1 + 1 + 4 + 1 + 1);
    expect(after.incidents!.latest.every((i) => i.kind === 'refused-signal')).toBe(true);
    expect(after.incidents!.latest.map((i) => i.detail).join('\n')).toContain('đơn vị "xa-ma" không được giao bước');
    expect(formatPlan(after)).toContain(`Sự cố ghi nhận: ${after.incidents!.count}`);
    expect(await failedTasks(client, planId)).toBe(0);

    // Terminating one assignment (an operator's mistake) ends it alone.
    const [victim, sibling] = real as [AssignmentSummary, AssignmentSummary];
    await client.workflow.getHandle(victim.id).terminate('thử nghiệm');
    const told = await eventually(
      () => planStatus(client, planId),
      (v) => v.incidents!.latest.some((i) => i.kind === 'child-failed') && v.assignments[victim.id]?.status === 'cancelled',
    );
    expect(told.incidents!.latest.find((i) => i.kind === 'child-failed')!.detail).toContain(victim.agencyName);
    // It no longer counts as work in progress: it says nothing more, and would have stayed "not yet due" for ever.
    expect(told.assignments[victim.id]).toMatchObject({ status: 'cancelled', agencyId: victim.agencyId });
    expect(told.assignments[sibling.id]!.status).toBe(sibling.status);
    expect((await client.workflow.getHandle(sibling.id).describe()).status.name).toBe('RUNNING');
    expect((await client.workflow.getHandle(planId).describe()).status.name).toBe('RUNNING');
    await recordHistory(client, planId, 'v3-plan-forged-signals');
    await recordHistory(client, victim.id.split('/').slice(0, -1).join('/'), 'v5-step-failed-child-cancelled');
    await client.workflow.getHandle(planId).terminate('kết thúc phép thử');
  }), 120_000);
