// Official days off as data (issue 9, finding 10), on the dev server (the command finds running plans through
// visibility): an administrator adds the government's decision with `planflow calendar official add`; a running
// plan's later deadline, counted in working days, moves with it, and the assignment's history (recorded for the
// replay suite) replays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officialDecisions } from '../../client/calendar';
import { approve, startPlan } from '../../client/planflow';
import { addWorkingDays, civilDateAt, isWorkingDay, useOfficialDecisions, type OfficialBreak } from '../../model/calendar';
import { assignmentWorkflowId } from '../../model/ids';
import { assignmentStatusQuery } from '../../workflows/definitions';
import { planflow } from '../helpers/cli';
import { eventually } from '../helpers/eventually';
import { recordHistory } from '../helpers/histories';
import { createDevServerEnv } from '../helpers/temporal-env';
import { dienBienWithReporting, endedPlan, usePlanflowWorker } from '../helpers/planflow';
import { cancelPlan } from '../../client/planflow';

const { env, run } = usePlanflowWorker(createDevServerEnv);

test('a decision added while a plan runs moves its later deadline counted in working days', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 931, 1);
    expect(await officialDecisions(client)).toEqual([]);
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: 'chu-tich-ubnd-huyen', stage: 'issue' });
    const id = assignmentWorkflowId(planId, 'bao-cao-xa', 'xa-thanh-xuong');
    const handle = client.workflow.getHandle(id);
    const before = await eventually(() => handle.query(assignmentStatusQuery).catch(() => undefined), (v) => v !== undefined);
    if (!before) throw new Error(`${id} did not start`);
    const today = civilDateAt(Date.now());
    expect(before.lastDay).toBe(addWorkingDays(today, 20));

    // A day off the government announces inside the 20 working days: the deadline moves one working day later.
    let dayOff = addWorkingDays(today, 5);
    while (!isWorkingDay(dayOff)) dayOff = addWorkingDays(dayOff, 1);
    const decision = { occasions: ['quoc-khanh' as const], from: dayOff, to: dayOff, workingDays: [], source: 'Quyết định thử nghiệm về ngày nghỉ' };
    // A data directory without a store: the operator's journal is cli-operator.test.ts's concern.
    const data = mkdtempSync(join(tmpdir(), 'planflow-official-'));
    const cli = (...args: string[]) => planflow(args, { TEMPORAL_ADDRESS: env().address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_TASK_QUEUE: taskQueue, PLANFLOW_DATA_DIR: data });
    const added = await cli('calendar', 'official', 'add', '--occasion', 'quoc-khanh', '--from', dayOff, '--to', dayOff, '--source', decision.source, '--json');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const { decisions, told } = JSON.parse(added.stdout) as { decisions: OfficialBreak[]; told: number };
    expect(decisions).toEqual([decision]);
    expect(told).toBeGreaterThanOrEqual(3); // the plan, its step and the assignment
    expect(await officialDecisions(client)).toEqual([decision]);
    // The calendar commands count it as running plans do; with --offline only the built-in schedule answers.
    const asked = await cli('calendar', 'is-working', dayOff, '--json');
    expect(asked).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(asked.stdout)).toMatchObject({ working: false, reason: 'day-off', dayOff: { source: decision.source } });
    expect(await cli('calendar', 'is-working', dayOff, '--offline')).toMatchObject({ code: 0 });
    rmSync(data, { recursive: true, force: true });
    useOfficialDecisions(decisions);
    const expected = addWorkingDays(today, 20);
    useOfficialDecisions([]);
    expect(expected).not.toBe(before.lastDay);
    let after = before;
    for (let i = 0; i < 40 && after.lastDay !== expected; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await handle.query(assignmentStatusQuery);
    }
    expect(after.lastDay).toBe(expected);
    await cancelPlan(client, planId, { by: 'chu-tich-ubnd-huyen', reason: 'Kết thúc phép thử.' });
    await endedPlan(client, planId);
    await recordHistory(client, id, 'v2-assignment-calendar-changed');
    await client.workflow.getHandle('planflow/official-calendar').terminate('end of test');
  }));
