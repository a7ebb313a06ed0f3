// The bundled CLI as a coordinator runs it (bin/planflow: from its startup snapshot, dist/client/cli.blob, else
// bin/planflow.cjs with the bundle dist/client/cli.bundle.js and its code cache): every module it leaves to Node is
// found at run time, `start` and `status` (through a connection profile, read when the command runs) answer on a
// Temporal dev server, lazily loaded commands (`render plan` with docx, `import` of a .docx with mammoth) run, the
// snapshot answers as the bundle and is used only with the Node that made it, and a code cache made for another
// bundle is refused and remade.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PLANFLOW, PLANFLOW_BUNDLE, planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';
import { usePlanflowWorker } from '../helpers/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';

const BUNDLE = join(ROOT, 'dist', 'client', 'cli.bundle.js');
const CACHE = `${BUNDLE}.cache`;
const SNAPSHOT_BUNDLE = join(ROOT, 'dist', 'client', 'cli.snapshot.js');
const BLOB = join(ROOT, 'dist', 'client', 'cli.blob');
const worker = usePlanflowWorker(createDevServerEnv);
const data = mkdtempSync(join(tmpdir(), 'planflow-bundle-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

/** The specifiers of the bundle's `require("./…")` and `require("../…")`: what Node resolves at run time. */
const leftToNode = (code: string): string[] => [...new Set([...code.matchAll(/\brequire\("(\.\.?\/[^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();

test('every module the bundle leaves to Node resolves from where the bundle runs, and it has no import()', () => {
  const code = readFileSync(BUNDLE, 'utf8');
  const specifiers = leftToNode(code);
  // client/lazy.ts's modules: if the bundle took them in, this list would be empty.
  expect(specifiers).toEqual(expect.arrayContaining(['../model/load', '../activities/documents', '../store', './simulate-run', './plan-file']));
  // Run by vm.Script from its code cache, the bundle has no loader for ES modules (scripts/build.mjs refuses them).
  expect(code).not.toMatch(/\bimport\("/);
  const resolveFromBundle = createRequire(BUNDLE);
  const missing = specifiers.filter((specifier) => {
    try {
      resolveFromBundle.resolve(specifier);
      return false;
    } catch {
      return true;
    }
  });
  expect(missing).toEqual([]);
  // The snapshot's bundle requires the same modules at run time, through client/runtime-require.ts.
  const snapshotCode = readFileSync(SNAPSHOT_BUNDLE, 'utf8');
  const atRunTime = [...new Set([...snapshotCode.matchAll(/\bruntimeRequire\("(\.\.?\/[^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
  expect(atRunTime).toEqual(specifiers);
  // All ASCII, or V8 would hold its source in the snapshot at two bytes a character (scripts/build.mjs).
  expect(snapshotCode).toMatch(/^[\0-\x7f]*$/);
});

test('start (loading the plan reader lazily) and status answer from the bundle', async () => {
  await worker.run(async ({ env, taskQueue }) => {
    const cli = (...args: string[]) => planflow(args, { TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_TASK_QUEUE: taskQueue, PLANFLOW_DATA_DIR: data });
    const started = await cli('start', join(ROOT, 'examples', 'van-quan-2021-tre-em.yaml'), '--rebase', 'today');
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const planId = /Đã khởi chạy kế hoạch: (\S+)/.exec(started.stdout)?.[1] ?? '';
    // Connection settings from a profile (@temporalio/envconfig reading TOML), as a province's operator keeps them.
    const config = join(data, 'temporal.toml');
    writeFileSync(config, ['[profile.tinh]', `address = "${env.address}"`, 'namespace = "default"'].join('\n'));
    const status = await planflow(['status', planId], { TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'tinh', PLANFLOW_DATA_DIR: data });
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(status.stdout).toContain(`Triển khai thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em`);
    const unknown = await cli('status', `${planId}-khong-co`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).not.toContain('Cannot find module');
    expect(unknown.stderr).toContain(`Không tìm thấy "${planId}-khong-co"`); // not the SDK's English
  });
}, 180_000);

test('render plan loads docx lazily from the bundle, and import reads the .docx back through mammoth', async () => {
  const out = join(data, 'ke-hoach.docx');
  const rendered = await planflow(['render', 'plan', join(ROOT, 'examples', 'van-quan-2021-tre-em.yaml'), '--docx', out]);
  expect(rendered).toMatchObject({ code: 0, stderr: '' });
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
  const imported = await planflow(['import', out, '--json']);
  expect(imported).toMatchObject({ code: 0, stderr: '' });
  expect(imported.stdout).toContain('Văn Quan');
});

test('a code cache made for another bundle is refused, the CLI answers the same, and the cache is made again', async () => {
  const help = await planflow(['--help'], {}, PLANFLOW_BUNDLE);
  writeFileSync(CACHE, 'planflow-cache v0 1 1\nnot V8 data');
  expect(await planflow(['--help'], {}, PLANFLOW_BUNDLE)).toEqual(help);
  const { size, mtimeMs } = statSync(BUNDLE);
  expect(readFileSync(CACHE).subarray(0, 100).toString('latin1')).toContain(`planflow-cache ${process.version} ${size} ${mtimeMs}\n`);
  expect(await planflow(['--help'], {}, PLANFLOW_BUNDLE)).toEqual(help);
});

/** What bin/planflow runs: its last command as `sh -x` traces it (the `exec` line). */
async function launched(env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stderr } = await promisify(execFile)('sh', ['-x', PLANFLOW, '--help'], { cwd: ROOT, env: { ...process.env, ...env } });
  return stderr.split('\n').filter((line) => line.startsWith('+ exec ')).at(-1) ?? '';
}

test('bin/planflow runs the startup snapshot with the Node that made it, answering as the bundle; another Node runs the bundle', async () => {
  expect(existsSync(BLOB)).toBe(true);
  expect(await launched()).toContain('--snapshot-blob');
  for (const args of [['--help'], ['status', '--help'], ['status'], ['khong-co-lenh'], ['calendar', 'day', '2025-09-02']]) {
    expect(await planflow(args)).toEqual(await planflow(args, {}, PLANFLOW_BUNDLE));
  }
  // A `node` first on PATH that is not the one that made the blob (here a script running it): the bundle, by it.
  const bin = mkdtempSync(join(tmpdir(), 'planflow-node-'));
  writeFileSync(join(bin, 'node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
  chmodSync(join(bin, 'node'), 0o755);
  const otherNode = { PATH: `${bin}:${process.env.PATH ?? ''}` };
  expect(await launched(otherNode)).toBe(`+ exec node ${ROOT}/bin/../bin/planflow.cjs --help`);
  expect(await planflow(['--help'], otherNode)).toEqual(await planflow(['--help']));
  rmSync(bin, { recursive: true, force: true });
  // V8 refuses a snapshot under other V8 flags: NODE_OPTIONS sends the command to the bundle.
  const options = { NODE_OPTIONS: '--max-old-space-size=1024' };
  expect(await launched(options)).toContain('planflow.cjs');
  expect(await planflow(['--help'], options)).toEqual(await planflow(['--help']));
});
