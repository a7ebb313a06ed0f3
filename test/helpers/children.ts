// Child processes of a suite (a worker, an SMTP server), run with tsx like the CLI: started, told apart by process
// id, and killed by that id (SIGKILL for a crash), so a suite can always leave nothing running.
import { type ChildProcess, fork } from 'node:child_process';
import { ChildReport } from './child-protocol';

type Ready = Extract<ChildReport, { kind: 'ready' }>;

export interface Child {
  pid: number;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>;
}

const READY_TIMEOUT_MS = 120_000; // loading a bundle and the activities is slow on a loaded machine

/** Forks `entry` with its start message as argv[2]; resolves with the child's 'ready' report. */
export async function startChild(entry: string, start: unknown, env: NodeJS.ProcessEnv, onReport: (r: ChildReport) => void = () => undefined): Promise<{ child: Child; ready: Ready }> {
  const proc = fork(entry, [JSON.stringify(start)], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (proc.pid === undefined) throw new Error(`${entry}: the process did not start`);
  const child = { pid: proc.pid, exited: new Promise<void>((resolve) => proc.once('exit', () => resolve())) };
  proc.on('message', (message) => onReport(ChildReport.parse(message)));
  try {
    return { child, ready: await readyOf(proc, entry) };
  } catch (error) {
    await kill(child);
    throw error;
  }
}

function readyOf(proc: ChildProcess, entry: string): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry}: not ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    proc.on('message', (message) => {
      const report = ChildReport.parse(message);
      if (report.kind !== 'ready') return;
      clearTimeout(timer);
      resolve(report);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry}: exited with ${code} before it was ready`));
    });
  });
}

/** Kills by process id (SIGKILL unless told otherwise) and waits for the exit; a process already gone is fine. */
export async function kill(child: Child, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  try {
    process.kill(child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  await child.exited;
}

/** Whether a process of this id still exists (signal 0 checks without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
