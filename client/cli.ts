// The `planflow` command line: parses with the program of client/commands/ (commander, Vietnamese help), turns
// the result into the exit code, and prints refusals as the person's answer rather than a crash.
import { CommanderError } from 'commander';
import { z } from 'zod';
import { buildProgram } from './commands';
import { commanderExitCode } from './program';

async function main(argv: string[]): Promise<number> {
  // Vietnamese keyboards may send decomposed characters; everything typed is compared and stored as NFC.
  const args = argv.map((arg) => arg.normalize('NFC'));
  const program = buildProgram();
  if (args.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    throw error;
  }
}

// Messages zod writes for itself (outside our own error maps) are Vietnamese too.
z.config(z.locales.vi());

// `planflow calendar holidays 2025 | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A refusal (PlanflowError) is the answer to the person, not a crash: its reason alone (its code is for
    // programs, and English), exit 1.
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`planflow: ${reason}\n`);
    process.exitCode = 1;
  },
);
