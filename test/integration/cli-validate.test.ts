// `planflow validate` as a coordinator runs it: a real process, its output and its exit code.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brokenFiles, exampleFiles, expectedProblems, ROOT } from '../helpers/files';

const run = promisify(execFile);
const PLANFLOW = join(ROOT, 'bin', 'planflow.cjs');

async function planflow(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [PLANFLOW, ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

test('every example prints OK and exits 0', async () => {
  for (const file of exampleFiles()) {
    expect(await planflow('validate', file)).toEqual({ code: 0, stdout: 'OK\n' });
  }
});

test('every broken fixture exits 1 and prints its path: message lines', async () => {
  for (const file of brokenFiles()) {
    const { code, stdout } = await planflow('validate', '--lang', 'en', file);
    expect(code).toBe(1);
    for (const line of expectedProblems(file)) expect(stdout).toContain(line.replace(/ \(line \d+\)$/, ''));
  }
});

test('a missing file is reported, not thrown', async () => {
  const { code, stdout } = await planflow('validate', 'no-such-plan.yaml');
  expect(code).toBe(1);
  expect(stdout).toContain('không đọc được tệp "no-such-plan.yaml" (ENOENT)');
});
