// Runs the `planflow` command as a real process, the way a coordinator does.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './files';

const run = promisify(execFile);
/** The command as installed: the CLI's startup snapshot when it fits the Node on PATH, else the bundle. */
export const PLANFLOW = join(ROOT, 'bin', 'planflow');
/** The bundle run from its code cache by Node (what bin/planflow falls back to). */
export const PLANFLOW_BUNDLE = join(ROOT, 'bin', 'planflow.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function planflow(args: string[], env: NodeJS.ProcessEnv = {}, launcher = PLANFLOW): Promise<CliResult> {
  const [file, argv] = launcher.endsWith('.cjs') ? [process.execPath, [launcher, ...args]] : [launcher, args];
  try {
    const { stdout, stderr } = await run(file, argv, { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
