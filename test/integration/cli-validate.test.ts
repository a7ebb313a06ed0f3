// `planflow validate` as a coordinator runs it: a real process, its output and its exit code.
import { brokenFiles, exampleFiles, expectedProblems } from '../helpers/files';
import { planflow as cli } from '../helpers/cli';

const planflow = async (...args: string[]) => {
  const { code, stdout } = await cli(args);
  return { code, stdout };
};

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
  // One process per fixture, a few seconds each on a busy machine: more than jest's default minute for twenty-odd.
}, 300_000);

test('a missing file is reported, not thrown', async () => {
  const { code, stdout } = await planflow('validate', 'no-such-plan.yaml');
  expect(code).toBe(1);
  expect(stdout).toContain('không đọc được tệp "no-such-plan.yaml" (ENOENT)');
});
