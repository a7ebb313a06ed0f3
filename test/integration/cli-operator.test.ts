// The CLI is an operator's tool, recorded as such: real `planflow` processes start and approve a plan on a Temporal
// dev server, and each change (done or refused) reaches the embedded store's audit log as `operator:<os user>`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store';
import { journalPath } from '../../store/operator-journal';
import { planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';
import { usePlanflowWorker } from '../helpers/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';

const worker = usePlanflowWorker(createDevServerEnv);
const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'planflow-operator-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

it('records each changing command in the audit log as the operator, with its target and whom it acted for', async () => {
  await worker.run(async ({ env, taskQueue }) => {
    const data = dataDir();
    await (await openStore({ PLANFLOW_DATA_DIR: data })).close(); // the store `npm start` makes on its first run
    const cli = (...args: string[]) => planflow(args, { TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_TASK_QUEUE: taskQueue, PLANFLOW_DATA_DIR: data });

    const started = await cli('start', join(ROOT, 'examples', 'van-quan-2021-tre-em.yaml'), '--rebase', 'today');
    expect(started.code).toBe(0);
    const planId = /Đã khởi chạy kế hoạch: (\S+)/.exec(started.stdout)?.[1] ?? '';
    expect((await cli('approve', planId, '--as', 'xa-an-son', '--stage', 'ban-hanh')).code).toBe(1);
    expect((await cli('approve', planId, '--as', 'trieu-duc-dung', '--stage', 'ban-hanh')).code).toBe(0);
    expect((await cli('status', planId)).code).toBe(0); // reads change nothing: not recorded
    expect(existsSync(journalPath({ PLANFLOW_DATA_DIR: data }))).toBe(true);

    const store = await openStore({ PLANFLOW_DATA_DIR: data });
    try {
      const entries = (await store.audit.forSubject(planId)).reverse();
      expect(entries.map((e) => [e.actor, e.actorKind, e.action, e.onBehalfOf, e.outcome])).toEqual([
        [`operator:${userInfo().username}`, 'operator', 'start', null, 'done'],
        [`operator:${userInfo().username}`, 'operator', 'approve', 'xa-an-son', 'refused'],
        [`operator:${userInfo().username}`, 'operator', 'approve', 'trieu-duc-dung', 'done'],
      ]);
      expect(entries[1]?.detail.via).toBe('cli');
      expect(String(entries[1]?.detail.reason)).toMatch(/duyệt|quyền/);
    } finally {
      await store.close();
    }
    expect(existsSync(journalPath({ PLANFLOW_DATA_DIR: data }))).toBe(false);
  });
}, 120_000);

it('says in the help of every changing command that it acts with Temporal access, as an operator', async () => {
  for (const command of [['approve'], ['report'], ['review'], ['start'], ['calendar', 'official', 'add']]) {
    expect((await planflow([...command, '--help'])).stdout).toContain('Lệnh của người vận hành: planflow dùng quyền truy cập Temporal');
  }
  expect((await planflow(['status', '--help'])).stdout).not.toContain('Lệnh của người vận hành');
  expect((await planflow(['--help'])).stdout).toContain('công cụ của người vận hành');
});

it('records nothing where no store was ever made', async () => {
  const data = dataDir();
  const result = await planflow(['approve', 'plan/khong-co', '--as', 'x', '--stage', 'ban-hanh'], { TEMPORAL_ADDRESS: worker.env().address, PLANFLOW_DATA_DIR: data });
  expect(result.code).toBe(1);
  expect(existsSync(journalPath({ PLANFLOW_DATA_DIR: data }))).toBe(false);
}, 60_000);
