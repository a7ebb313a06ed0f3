// Issue 9, finding 12's second half, on a dev server told to suggest continue-as-new after a few dozen events: an
// assignment whose mail cannot go out continues as new with that mail in its input instead of waiting for it, takes
// Updates in the new run, and the mail goes out from there once the mailbox answers.
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Activities } from '../../activities';
import { planflowDataConverter } from '../../codec';
import { approve, cancelPlan, extendDeadline, startPlan, submitReport } from '../../client/planflow';
import { addDays, civilDateAt } from '../../model/calendar';
import { assignmentWorkflowId } from '../../model/ids';
import type { Notification } from '../../model/notifications';
import { resolveTemporalExecutable } from '../../worker/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { eventually } from '../helpers/eventually';
import { dienBienWithReporting, usePlanflowWorker } from '../helpers/planflow';

/** Far below the server's default (thousands of events), so a few Updates make the server suggest it. */
const SUGGEST_AFTER_EVENTS = 40;
const LEADER = 'chu-tich-ubnd-huyen';
const LEAD = 'phong-ldtbxh';

const createEnv = () => TestWorkflowEnvironment.createLocal({
  server: {
    executable: resolveTemporalExecutable('cli'), log: { format: 'pretty', level: 'error' }, searchAttributes: SEARCH_ATTRIBUTES,
    extraArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST_AFTER_EVENTS}`],
  },
  client: { dataConverter: planflowDataConverter() },
});

let mailboxDown = true;
const refused = new Set<string>();
const delivered: Notification[] = [];
const { env, run } = usePlanflowWorker(createEnv, (): Pick<Activities, 'notify'> => ({
  notify: (n) => {
    if (mailboxDown && n.to.id === 'xa-thanh-xuong') {
      refused.add(n.key);
      return Promise.reject(ApplicationFailure.retryable('451 4.3.0 mailbox busy', 'transient'));
    }
    delivered.push(n);
    return Promise.resolve({ delivered: true });
  },
}));

test('an assignment with mail it cannot send continues as new carrying that mail, answers Updates, and sends it later', () =>
  run(async ({ client, taskQueue }) => {
    const plan = await dienBienWithReporting(env(), 951, 1);
    const planId = await startPlan(client, plan, taskQueue);
    await approve(client, planId, { by: LEADER, stage: 'issue' });
    const id = assignmentWorkflowId(planId, 'bao-cao-xa', 'xa-thanh-xuong');
    const handle = client.workflow.getHandle(id);
    const firstRun = (await eventually(() => handle.describe().catch(() => undefined), (d) => d !== undefined))!.runId;

    // Each extension adds events and a notice the commune's mailbox refuses, until the server suggests a new run.
    const today = civilDateAt(Date.now());
    for (let i = 1; i <= 12 && (await handle.describe()).runId === firstRun; i++) {
      await extendDeadline(client, id, { by: LEAD, newLastDay: addDays(today, 60 + i), reason: `Gia hạn lần ${i}.` });
    }
    const secondRun = (await handle.describe()).runId;
    expect(secondRun).not.toBe(firstRun);
    const ended = await client.workflow.getHandle(id, firstRun).describe();
    expect(ended.status.name).toBe('CONTINUED_AS_NEW');
    expect(delivered.filter((n) => n.to.id === 'xa-thanh-xuong')).toEqual([]);

    // The new run takes a report at once, although the old run's mail is still unsent.
    expect((await submitReport(client, id, { by: 'xa-thanh-xuong', text: 'Báo cáo của xã.' })).status).toBe('submitted');
    mailboxDown = false;
    // Every notice of the assignment the mailbox refused goes out, the first run's included. (The plan's own refused
    // notice retries on its own backoff in the plan's workflow, which never continued as new.)
    const carried = [...refused].filter((k) => k.startsWith(`${id}/`));
    expect(carried.map((k) => k.split('/').at(-2))).toEqual(expect.arrayContaining(['assignment', expect.stringMatching(/^deadline-extended/)]));
    const keys = await eventually(
      () => Promise.resolve(new Set(delivered.map((n) => n.key))),
      (got) => carried.every((k) => got.has(k)),
      480, // two minutes: a refused send is retried 10 s, then 20 s, 40 s … after its last refusal
    );
    expect(carried.filter((k) => !keys.has(k))).toEqual([]);
    await cancelPlan(client, planId, { by: LEADER, reason: 'Kết thúc phép thử.' });
  }), 240_000);
