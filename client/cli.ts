// The `planflow` command line: one sub-command per file under client/commands/.
import { calendarCommand } from './commands/calendar';
import { validateCommand } from './commands/validate';

const USAGE = `planflow — chạy kế hoạch của cơ quan nhà nước trên Temporal

Cách dùng:
  planflow validate TỆP...        kiểm tra tệp kế hoạch (YAML hoặc JSON)
  planflow calendar ...           lịch làm việc, ngày nghỉ, hạn và kỳ báo cáo (planflow calendar để xem chi tiết)

Tùy chọn chung:
  --lang vi|en                    ngôn ngữ thông báo (mặc định: vi, hoặc biến PLANFLOW_LANG)
`;

/** A sub-command takes the arguments after its name and returns the process exit code. */
export type Command = (args: string[]) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  calendar: calendarCommand,
};

async function main([name, ...rest]: string[]): Promise<number> {
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command) return command(rest);
  process.stdout.write(USAGE);
  return name === undefined || name === '--help' || name === '-h' ? 0 : 2;
}

// `planflow calendar holidays 2025 | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`planflow: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
