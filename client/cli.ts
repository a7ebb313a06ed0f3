// The `planflow` command line: commander with Vietnamese help; each command registers itself from its file in
// client/commands/, and adding one is a new file plus one line in COMMANDS.
import { CommanderError, type Command } from 'commander';
import { z } from 'zod';
import { PlanflowError } from './planflow';
import {
  approveCommand, cancelCommand, consolidateCommand, extendCommand, reportCommand, reviewCommand,
} from './commands/actions';
import { calendarCommand } from './commands/calendar';
import { outboxCommand } from './commands/outbox';
import { listCommand, startCommand, statusCommand } from './commands/plans';
import { renderCommand } from './commands/render';
import { validateCommand } from './commands/validate';
import { commanderExitCode, createProgram } from './program';

/** Adds one sub-command (its arguments, options, Vietnamese help and action) to the program. */
export type CommandDefinition = (program: Command) => void;

/** In the order `planflow --help` lists them. */
const COMMANDS: CommandDefinition[] = [
  validateCommand, calendarCommand, startCommand, statusCommand, listCommand, approveCommand, reportCommand,
  reviewCommand, extendCommand, cancelCommand, consolidateCommand, renderCommand, outboxCommand,
];

function buildProgram(): Command {
  const program = createProgram()
    .option('--lang <vi|en>', 'ngôn ngữ thông báo: vi (mặc định, hoặc biến PLANFLOW_LANG) hoặc en')
    .addHelpText('after', `
Kết nối Temporal: như "npm start" (PLANFLOW_DEV_SERVER_PORT), hoặc TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
TEMPORAL_API_KEY. Ngày viết dd/mm/yyyy hoặc yyyy-mm-dd. Xem từng lệnh: planflow <lệnh> --help`);
  for (const define of COMMANDS) define(program);
  return program;
}

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
    // A refusal (PlanflowError) is the answer to the person, not a crash: its reason alone, exit 1.
    const reason = error instanceof PlanflowError ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`planflow: ${reason}\n`);
    process.exitCode = 1;
  },
);
