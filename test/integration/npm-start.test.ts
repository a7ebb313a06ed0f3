// The main job as a coordinator uses it: `npm start` (embedded dev server + worker), then the CLI starts the
// rebased Điện Biên plan, approves it, submits one report and reads the status; a restart keeps the state.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ROOT } from '../helpers/files';
import { planflow } from '../helpers/cli';
import { eventually } from '../helpers/eventually';

const dataDir = mkdtempSync(join(tmpdir(), 'planflow-start-'));
let launcher: ChildProcess | undefined;
let ports: { server: number; ui: number; http: number };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs what `npm start` runs, in its own process group, and waits until the worker says it is ready. */
function start(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, MALLOC_ARENA_MAX: '2', PLANFLOW_DATA_DIR: dataDir, PLANFLOW_DEV_SERVER_PORT: String(ports.server), PLANFLOW_DEV_UI_PORT: String(ports.ui), PLANFLOW_HTTP_PORT: String(ports.http),
  };
  delete env.TEMPORAL_ADDRESS; // nothing configured: the embedded dev server
  // What `npm start` runs once dist/ is current (jest's globalSetup built it): the compiled worker, no tsx, with
  // glibc's arenas limited as the script limits them.
  launcher = spawn(process.execPath, [join(ROOT, 'dist', 'worker', 'main.js')], { cwd: ROOT, env, detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    launcher!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('planflow worker đang chạy')) resolve();
    });
    // Its errors too, so that a start that fails says why (it exited 1 once in session 14, with stdout alone to show).
    launcher!.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    launcher!.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
  });
}

/** Ctrl+C, as a person stops it; the launcher stops the worker and then the dev server. */
async function stop(): Promise<void> {
  const child = launcher;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  ports = { server: await freePort(), ui: await freePort(), http: await freePort() };
});

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start, then start, approve, report and status through the CLI; a restart keeps the plan', async () => {
  await start();
  // The CLI finds the embedded server as npm start does, by its port; no address given.
  const env = { PLANFLOW_DEV_SERVER_PORT: String(ports.server), TEMPORAL_CONFIG_FILE: join(dataDir, 'no-profile.toml') };
  const started = await planflow(['start', 'examples/dien-bien-292-kh-ubnd-2019.yaml', '--rebase', 'today'], env);
  expect(started).toMatchObject({ code: 0 });
  const planId = /plan\/ubnd-huyen\/292-KH-UBND\/\d{4}/.exec(started.stdout)![0];

  expect((await planflow(['approve', planId, '--as', 'phong-ldtbxh', '--stage', 'issue'], env)).code).toBe(1);
  // Approving must name its stage (issue 9): without one it is a usage error, whatever the plan awaits.
  expect((await planflow(['approve', planId, '--as', 'chu-tich-ubnd-huyen'], env)).code).toBe(2);
  const approved = await planflow(['approve', planId, '--as', 'chu-tich-ubnd-huyen', '--stage', 'issue'], env);
  expect(approved.stdout).toContain('Giai đoạn: đang thực hiện');

  const assignment = `${planId}/clause-7/xa-thanh-xuong`;
  // Assignments start a moment after the approval; on a loaded machine that moment can outlast the client's 10 s
  // retry (client/planflow.ts), so report once the plan lists the assignment, as a person would see it first.
  await eventually(() => planflow(['status', planId], env), (s) => s.stdout.includes(assignment), 20);
  const reported = await planflow(['report', assignment, '--as', 'xa-thanh-xuong', '--text', 'Đã xây dựng kế hoạch của xã.', '--value', 'tre-em-tiep-can-dich-vu=300/400'], env);
  expect({ code: reported.code, stderr: reported.stderr }).toEqual({ code: 0, stderr: '' });
  expect(reported.stdout).toContain('đã nộp – chờ duyệt');

  // The plan hears of the report from its step a moment later.
  const status = await eventually(() => planflow(['status', planId], env), (s) => s.stdout.includes('đã nộp – chờ duyệt'));
  // The step by its place and opening words, as people name it, not by its id.
  expect(status.stdout).toMatch(/UBND xã Thanh Xương — Nhiệm vụ 7: UBND các xã xây dựng kế hoạch[^\n]*: đã nộp – chờ duyệt/);
  const listed = await planflow(['list'], env);
  expect(listed.stdout).toContain(`${planId}  292/KH-UBND  đang thực hiện  quá hạn: 0`);
  // No SMTP configured: the mail is in the outbox as .eml files any mail client opens, and `planflow outbox` lists it.
  // The notices are activities the plan does not wait on: with the compiled CLI the check can come before the last.
  const outboxFiles = () => Promise.resolve(readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml')));
  const emls = await eventually(outboxFiles, (files) => files.length > 30, 80);
  expect(emls.length).toBeGreaterThan(30); // an approval request, then one assignment notice per agency
  const mail = await simpleParser(readFileSync(join(dataDir, 'outbox', emls[0]!)));
  expect(mail.subject).toMatch(/^\[292\/KH-UBND\] /);
  expect(mail.text).toContain('Kính gửi');
  const outbox = await planflow(['outbox'], { PLANFLOW_DATA_DIR: dataDir });
  expect(outbox.stdout).toContain('[292/KH-UBND] Giao nhiệm vụ');

  await stop();
  await start();
  const again = await planflow(['status', planId, '--json'], env);
  const view = JSON.parse(again.stdout) as { stage: string; assignments: Record<string, { status: string }> };
  expect(view.stage).toBe('in-progress');
  expect(view.assignments[assignment]?.status).toBe('submitted');
  await stop();
}, 180_000);
