// Every `planflow` command, in the order `planflow --help` lists them. Adding a command is a new file in this folder
// that exports a CommandDefinition, and one line in COMMANDS.
import type { Command } from 'commander';
import { markOperatorCommands } from '../operator';
import { createProgram } from '../program';
import {
  amendCommand, approveCommand, cancelCommand, consolidateCommand, extendCommand, reassignCommand, reportCommand, reviewCommand,
} from './actions';
import { calendarCommand } from './calendar';
import { importCommand } from './import';
import { outboxCommand } from './outbox';
import { listCommand, startCommand, statusCommand } from './plans';
import { renderCommand } from './render';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

/** Adds one sub-command (its arguments, options, Vietnamese help and action) to the program. */
export type CommandDefinition = (program: Command) => void;

const COMMANDS: CommandDefinition[] = [
  validateCommand, importCommand, calendarCommand, startCommand, statusCommand, listCommand, approveCommand, reportCommand,
  reviewCommand, extendCommand, reassignCommand, amendCommand, cancelCommand, consolidateCommand, renderCommand, simulateCommand,
  outboxCommand,
];

export function buildProgram(): Command {
  const program = createProgram()
    .option('--lang <vi|en>', 'ngôn ngữ thông báo: vi (mặc định, hoặc biến PLANFLOW_LANG) hoặc en')
    .addHelpText('after', `
Kết nối Temporal: như "npm start" (PLANFLOW_DEV_SERVER_PORT), hoặc TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
TEMPORAL_API_KEY, hồ sơ TEMPORAL_PROFILE. Ngày viết dd/mm/yyyy hoặc yyyy-mm-dd. Xem từng lệnh: planflow <lệnh> --help
planflow là công cụ của người vận hành, dùng quyền truy cập Temporal: mọi lệnh làm thay đổi kế hoạch được ghi vào
nhật ký thao tác là "operator:<tài khoản máy>". Cán bộ làm việc trên cổng thông tin.`);
  for (const define of COMMANDS) define(program);
  markOperatorCommands(program);
  return program;
}
