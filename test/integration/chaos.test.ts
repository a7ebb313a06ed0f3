// Issue 12's chaos test: a plan runs on the dev server while its workers — child processes sharing a real PostgreSQL
// store — are killed with SIGKILL at seeded random moments and replaced, against a real SMTP server in its own process
// that answers each message 150 ms after storing it. Every expected notice must arrive, and none twice: a worker killed
// after handing a message over leaves it 'uncertain', never resent; one killed before that leaves nothing the server
// keeps. The one loss the design allows is a notice marked handed-over (in the store) whose sender died before its
// final dot left the process — a window of a store round trip, which one fresh-clone CI run each in sessions 10 and 11
// hit: such a notice must be 'uncertain' (visible to people) and its sender killed just after the hand-over; any other
// loss fails. The plan's state must be whole at the end, and nothing may be left running.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { planflowBundleOptions } from '../../worker/bundle-options';
import { z } from 'zod';
import { LEADER, basePlan, scalePlan } from '../../bench/plans';
import { approve, planStatus, startPlan } from '../../client/planflow';
import { civilDateAt, type CivilDate } from '../../model/calendar';
import type { Plan } from '../../model/plan';
import { approversOf, recipientIds, stepsOf } from '../../model/work';
import { openDb, rows, type Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { PostgresServer } from '../store/postgres-server';
import type { ChildReport } from '../helpers/child-protocol';
import { alive, kill, startChild, type Child } from '../helpers/children';
import { ROOT } from '../helpers/files';
import { createDevServerEnv } from '../helpers/temporal-env';
import { silentLogger } from '../../worker/silent-logger';

const SEED = 20261125;
const KILLS = 20;
const COMMUNES = 40; // 2 steps × 40 communes, 51 recipients and 1 approval request: 132 notices
const WORKERS = 2; // killing one leaves the other working while its replacement starts, as in a deployment
const MAX_LIFE_MS = 3_000; // after its replacement is ready, a worker is killed within this
/** How close to a kill a duplicate's first copy was stored (for its diagnosis), and a lost notice's hand-over came (allowed). */
const WINDOW_MS = 1_000;
// A killed attempt is retried after its 1-minute start-to-close timeout and the retry's backoff (10 s, 20 s, 40 s…): a
// notice whose attempts two or three kills hit needs more than 150 s, the bound until session 10 (fresh-clone CI runs
// in sessions 9 and 10 ended with 1–3 of 132 notices not yet in). The wait ends as soon as all are in.
const SETTLE_MS = 270_000;
const TASK_QUEUE = 'planflow-chaos';

const dir = mkdtempSync(join(tmpdir(), 'planflow-chaos-'));
const postgres = new PostgresServer();
const children: Child[] = [];
/** Every message the SMTP process stored. */
const mail: Extract<ChildReport, { kind: 'mail' }>[] = [];
/** When each SIGKILL was sent. */
const kills: number[] = [];
let env: TestWorkflowEnvironment | undefined;
let db: Db | undefined;

afterAll(async () => {
  // Always, even after a failure: every child by its process id, then the servers.
  await Promise.allSettled(children.map((c) => kill(c)));
  await db?.close();
  await env?.teardown();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so the kill moments of a failing run can be replayed from SEED. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The notices the plan owes from its issue, from the model (not from what the workflows did): their keys. */
function expectedKeys(plan: Plan, planId: string, issuedOn: CivilDate): string[] {
  return [
    ...approversOf(plan, 'issue').map((id) => `${planId}/approval-request-issue/${id}`),
    ...recipientIds(plan).map((id) => `${planId}/plan-issued/${id}`),
    ...stepsOf(plan, planId, issuedOn).flatMap((s) => s.assignees.map(({ assignee }) => `${planId}/${s.stepId}/${assignee.id}/assignment/${assignee.id}`)),
  ];
}

/** Notices some worker claimed and nobody has yet settled: while any is left, a copy may still come. */
async function countWithStatus(store: Db, statuses: string[]): Promise<number> {
  const [row] = await rows(store, z.object({ n: z.coerce.number() }), 'SELECT count(*) AS n FROM email_sent_log WHERE status = ANY($1)', [statuses]);
  return row?.n ?? 0;
}
const unsettled = ['sending', 'handed-over'];

/** Notices handed over without the server's answer (a sender killed between its hand-over and the reply): key and when. */
async function uncertainNotices(store: Db): Promise<{ key: string; handedOverAt: number }[]> {
  const found = await rows(store, z.object({ key: z.string(), handed_over_at: z.date() }), "SELECT key, handed_over_at FROM email_sent_log WHERE status = 'uncertain'");
  return found.map((r) => ({ key: r.key, handedOverAt: r.handed_over_at.getTime() }));
}

interface Figures {
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
  unexpected: number;
  /** Of the duplicates, copies of notices whose first copy was stored within WINDOW_MS of a kill. */
  inWindow: number;
  /** For each duplicated notice, ms between its first copy and the nearest kill. */
  gaps: number[];
}

/**
 * The plan's last workflow task may have run on a worker killed moments ago: a query then waits on that worker's
 * sticky queue and can time out (DEADLINE_EXCEEDED) before the server hands it to a living worker. Asked again, one answers.
 */
async function answered<T>(ask: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await ask();
    } catch (error) {
      if (i >= tries) throw error;
    }
  }
}

function figuresOf(expected: string[]): Figures & { messageIds: Map<string, Set<string>> } {
  const messageIds = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const m of mail) {
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    messageIds.set(m.key, (messageIds.get(m.key) ?? new Set()).add(m.messageId));
    if (!firstAt.has(m.key)) firstAt.set(m.key, m.at);
  }
  // Either side: a client killed right after writing its message's end still has it delivered by the kernel.
  const gapToKill = (key: string) => Math.min(...kills.map((k) => Math.abs(k - (firstAt.get(key) ?? 0))));
  const nearKill = (key: string) => gapToKill(key) <= WINDOW_MS;
  const wanted = new Set(expected);
  return {
    expected: wanted.size,
    delivered: expected.filter((k) => counts.has(k)).length,
    duplicates: [...counts.values()].reduce((sum, n) => sum + n - 1, 0),
    lost: expected.filter((k) => !counts.has(k)).length,
    unexpected: [...counts.keys()].filter((k) => !wanted.has(k)).length,
    inWindow: [...counts].filter(([key]) => nearKill(key)).reduce((sum, [, n]) => sum + n - 1, 0),
    gaps: [...counts].filter(([, n]) => n > 1).map(([key]) => gapToKill(key)),
    messageIds,
  };
}

test(`a plan's notices arrive exactly once through ${KILLS} SIGKILLs of its workers`, async () => {
  const began = Date.now();
  await postgres.start();
  const databaseUrl = await postgres.createDatabase('chaos');
  db = await openDb({ DATABASE_URL: databaseUrl, PLANFLOW_DATA_DIR: dir });
  await migrate(db);
  const smtp = await startChild(join(__dirname, '../helpers/smtp-child.ts'), { replyDelayMs: 150 }, process.env, (r) => {
    if (r.kind === 'mail') mail.push(r);
  });
  children.push(smtp.child);
  env = await createDevServerEnv();
  const client = env.client;
  const bundlePath = join(dir, 'workflows.js');
  writeFileSync(bundlePath, (await bundleWorkflowCode({ ...planflowBundleOptions(), logger: silentLogger })).code);

  const workerEnv: NodeJS.ProcessEnv = {
    ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_CONFIG_FILE: join(dir, 'no-profile.toml'), PLANFLOW_TASK_QUEUE: TASK_QUEUE,
    DATABASE_URL: databaseUrl, PLANFLOW_DATA_DIR: dir, SMTP_URL: `smtp://127.0.0.1:${smtp.ready.port}`, MAIL_FROM: 'planflow <planflow@chaos.example>',
    // Small timeouts and lease, consistent with each other, so a dead worker's claim is taken over within the test.
    SMTP_CONNECTION_TIMEOUT_MS: '2000', SMTP_GREETING_TIMEOUT_MS: '2000', SMTP_SOCKET_TIMEOUT_MS: '3000', PLANFLOW_SEND_LEASE_MS: '8000',
  };
  const startWorker = async () => {
    const { child } = await startChild(join(__dirname, '../helpers/worker-child.ts'), { bundlePath }, workerEnv);
    children.push(child);
    return child;
  };
  const workers = await Promise.all(Array.from({ length: WORKERS }, startWorker));

  const now = Date.now();
  const issuedOn = civilDateAt(now);
  const plan = scalePlan(basePlan(ROOT, now), { communes: COMMUNES, clauses: 2, cycles: 1 }, `chaos-${SEED}`, issuedOn);
  const planId = await startPlan(client, plan, TASK_QUEUE);
  await approve(client, planId, { by: LEADER, stage: 'issue' });
  const expected = expectedKeys(plan, planId, issuedOn);

  const random = seeded(SEED);
  const chaosBegan = Date.now();
  for (let k = 0; k < KILLS; k++) {
    await sleep(random() * MAX_LIFE_MS);
    const victim = workers.splice(Math.floor(random() * workers.length), 1)[0]!;
    kills.push(Date.now());
    await kill(victim);
    workers.push(await startWorker());
  }
  const chaosSeconds = (Date.now() - chaosBegan) / 1000;
  const duringChaos = mail.length;

  // Settled: every expected notice in or uncertain, and no claim left 'sending' that a retry could still send again.
  for (const until = Date.now() + SETTLE_MS; Date.now() < until;) {
    if (!alive(smtp.child.pid)) throw new Error('the SMTP server process died');
    // An uncertain notice is never sent again: one not in by now is the allowed loss (checked below), not worth waiting for.
    const uncertainKeys = new Set((await uncertainNotices(db)).map((u) => u.key));
    const waitingFor = expected.filter((k) => !uncertainKeys.has(k) && !mail.some((m) => m.key === k));
    if (waitingFor.length === 0 && (await countWithStatus(db, unsettled)) === 0) break;
    await sleep(1_000);
  }
  await sleep(2_000); // the SMTP process reports a message before it answers: let the last reports arrive
  const { messageIds, ...figures } = figuresOf(expected);
  const uncertain = await uncertainNotices(db);
  const uncertainArrived = uncertain.filter((u) => mail.some((m) => m.key === u.key)).length;
  // A lost notice, explained or not: its sent-log state and the first kill after its hand-over, for the log.
  const lostKeys = expected.filter((k) => !mail.some((m) => m.key === k));
  const killAfter = (at: number) => kills.find((k) => k >= at);
  const lost = lostKeys.map((key) => {
    const handedOverAt = uncertain.find((u) => u.key === key)?.handedOverAt;
    const killedAfterMs = handedOverAt === undefined ? undefined : (killAfter(handedOverAt) ?? Infinity) - handedOverAt;
    return { key, uncertain: handedOverAt !== undefined, killedAfterMs };
  });
  const view = await answered(() => planStatus(client, planId));

  for (const w of workers.splice(0)) await kill(w, 'SIGTERM');
  await kill(smtp.child, 'SIGTERM');
  const running = children.filter((c) => alive(c.pid)).length;
  console.log([
    `chaos (seed ${SEED}): ${KILLS} SIGKILLs over ${chaosSeconds.toFixed(1)} s, ${children.length - 1} worker processes, ${duringChaos} messages during the kills`,
    `notices expected ${figures.expected}, delivered ${figures.delivered}, duplicated ${figures.duplicates} (${figures.inWindow} stored within ${WINDOW_MS} ms of a kill; ms to the nearest kill: ${figures.gaps.join(', ')}), lost ${figures.lost}, unexpected ${figures.unexpected}`,
    `uncertain ${uncertain.length} (handed over, sender killed before the reply; arrived ${uncertainArrived}), still unsettled ${await countWithStatus(db, unsettled)}`,
    ...lost.map((l) => `lost ${l.key}: ${l.uncertain ? `uncertain, its sender killed ${l.killedAfterMs} ms after the hand-over` : 'not uncertain'}`),
    `plan ${view.stage}, ${Object.keys(view.assignments).length} assignments; processes left running ${running}; wall time ${((Date.now() - began) / 1000).toFixed(1)} s`,
  ].join('\n'));

  expect(figures).toMatchObject({ unexpected: 0, duplicates: 0, delivered: expected.length - lost.length });
  for (const ids of messageIds.values()) expect(ids.size).toBe(1);
  // Every loss is the allowed one: an uncertain notice whose sender was killed right after marking it handed over.
  expect(lost.filter((l) => !l.uncertain || (l.killedAfterMs ?? Infinity) > WINDOW_MS)).toEqual([]);
  expect(uncertainArrived + lost.length).toBe(uncertain.length);
  expect(view.stage).toBe('in-progress');
  const assignments = Object.values(view.assignments);
  expect(assignments.map((a) => `${a.id}/assignment/${a.agencyId}`).sort()).toEqual(expected.filter((k) => k.includes('/assignment/')).sort());
  expect(assignments.every((a) => a.status === 'not-due')).toBe(true);
  expect(running).toBe(0);
}, 420_000);
