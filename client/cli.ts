// The `planflow` command line: one sub-command per file under client/commands/.
import { PlanflowError } from './planflow';
import {
  approveCommand, cancelCommand, consolidateCommand, extendCommand, reportCommand, reviewCommand,
} from './commands/actions';
import { calendarCommand } from './commands/calendar';
import { importCommand } from './commands/import';
import { outboxCommand } from './commands/outbox';
import { listCommand, startCommand, statusCommand } from './commands/plans';
import { validateCommand } from './commands/validate';

const USAGE = `planflow — chạy kế hoạch của cơ quan nhà nước trên Temporal

Cách dùng:
  planflow validate TỆP...        kiểm tra tệp kế hoạch (YAML hoặc JSON)
  planflow import TỆP [--out BẢN-NHÁP.yaml] [--json]   soạn bản nháp kế hoạch từ văn bản (.txt, .docx, .pdf)
  planflow calendar ...           lịch làm việc, ngày nghỉ, hạn và kỳ báo cáo (planflow calendar để xem chi tiết)
  planflow start TỆP [--rebase today|YYYY-MM-DD]   khởi chạy kế hoạch (--rebase: dời ngày để ban hành hôm nay)
  planflow status MÃ [--json]     trạng thái kế hoạch hoặc nhiệm vụ
  planflow list [--json]          các kế hoạch
  planflow approve MÃ --as NGƯỜI [--stage issue|close]          duyệt ban hành / kết thúc
  planflow report MÃ --as ĐƠN-VỊ --text "..." [--value mã=số | mã=tử/mẫu]
  planflow review MÃ --as ĐƠN-VỊ (--accept | --return --reason "..." [--deadline NGÀY])
  planflow extend MÃ --as MÃ --to NGÀY --reason "..."           gia hạn
  planflow cancel MÃ --as NGƯỜI --reason "..."                  hủy kế hoạch
  planflow consolidate MÃ --as ĐƠN-VỊ                           tổng hợp ngay
  planflow outbox [--json]        thư trong hộp thư đi (khi chưa cấu hình SMTP)

Kết nối: TEMPORAL_ADDRESS (mặc định localhost:7233), TEMPORAL_NAMESPACE, TEMPORAL_API_KEY.

Tùy chọn chung:
  --lang vi|en                    ngôn ngữ thông báo (mặc định: vi, hoặc biến PLANFLOW_LANG)
`;

/** A sub-command takes the arguments after its name and returns the process exit code. */
export type Command = (args: string[]) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  import: importCommand,
  calendar: calendarCommand,
  start: startCommand,
  status: statusCommand,
  list: listCommand,
  approve: approveCommand,
  report: reportCommand,
  review: reviewCommand,
  extend: extendCommand,
  cancel: cancelCommand,
  consolidate: consolidateCommand,
  outbox: outboxCommand,
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
    // A refusal (PlanflowError) is the answer to the person, not a crash: its reason alone, exit 1.
    const reason = error instanceof PlanflowError ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`planflow: ${reason}\n`);
    process.exitCode = 1;
  },
);
