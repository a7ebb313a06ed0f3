// Official days off as data (issue 9, finding 10), on the dev server: an administrator adds the government's decision
// with the CLI's client function; a running plan's later deadline, counted in working days, moves with it, and the
// assignment's history (recorded for the replay suite) replays.
import { addOfficialDecision, officialDecisions } from '../../client/calendar';
import { approve, startPlan } from '../../client/planflow';
import { addWorkingDays, civilDateAt, isWorkingDay, useOfficialDecisions } from '../../model/calendar';
import { assignmentWorkflowId } from '../../model/ids';
import { assignmentStatusQuery } from '../../workflows/definitions';
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
    const decision = { occasions: ['quoc-khanh' as const], from: dayOff, to: dayOff, source: 'Quyết định thử nghiệm về ngày nghỉ' };
    const { decisions, told } = await addOfficialDecision(client, decision, taskQueue);
    expect(decisions).toEqual([decision]);
    expect(told).toBeGreaterThanOrEqual(3); // the plan, its step and the assignment
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
