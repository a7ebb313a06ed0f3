// Runs the `planflow` command as a real process, the way a coordinator does.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './files';

const run = promisify(execFile);
const PLANFLOW = join(ROOT, 'bin', 'planflow.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function planflow(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [PLANFLOW, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
