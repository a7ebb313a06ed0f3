// The `planflow` command line: parses with the program of client/commands/ (commander, Vietnamese help), turns
// the result into the exit code, and prints refusals as the person's answer rather than a crash. A function rather
// than the module's own top level so the startup snapshot (client/cli-snapshot.ts) can load the modules while it is
// built and run the command only when it is restored, with that run's arguments, environment and standard streams.
import { CommanderError } from 'commander';
import { z } from 'zod';
import { buildProgram } from './commands';
import { operatorRunOf, operatorSubject, recordOperatorRun, type OperatorRun } from './operator';
import { commanderExitCode } from './program';

/** The audit entry of an operator's command; a store that cannot take it is said aloud, the command's result stands. */
async function record(run: OperatorRun | undefined, outcome: Parameters<typeof recordOperatorRun>[1]): Promise<void> {
  if (!run) return;
  await recordOperatorRun(run, outcome).catch((error: unknown) =>
    process.stderr.write(`planflow: CẢNH BÁO: không ghi được nhật ký thao tác (${error instanceof Error ? error.message : String(error)})\n`));
}

async function main(argv: string[]): Promise<number> {
  // Vietnamese keyboards may send decomposed characters; everything typed is compared and stored as NFC.
  const args = argv.map((arg) => arg.normalize('NFC'));
  const program = buildProgram();
  if (args.length === 0) {
    program.outputHelp();
    return 0;
  }
  let run: OperatorRun | undefined;
  program.hook('preAction', (_root, command) => {
    run = operatorRunOf(command);
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    await record(run, code === 0 ? { ok: true, subject: operatorSubject.value } : { ok: false, reason: `mã thoát ${code}` });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    await record(run, { ok: false, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Runs `planflow` with `argv` (the arguments after the script), setting the process's exit code. */
export function runCli(argv: string[]): void {
  // Messages zod writes for itself (outside our own error maps) are Vietnamese too.
  z.config(z.locales.vi());

  // `planflow calendar holidays 2025 | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  main(argv).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // A refusal (PlanflowError) is the answer to the person, not a crash: its reason alone (its code is for
      // programs, and English), exit 1.
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`planflow: ${reason}\n`);
      process.exitCode = 1;
    },
  );
}
