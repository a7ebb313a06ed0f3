// `planflow simulate PLAN [--script ACTIONS.yaml] [--json] [--rebase today|YYYY-MM-DD]`: a plan's life previewed on
// the time-skipping test server. Only the definition lives here; the run (client/simulate-run.ts) loads with it.
import type { Command } from 'commander';
import { langOf } from '../args';
import * as lazy from '../lazy';

/** The command as commander registers it (client/cli.ts on main lists it in COMMANDS). */
export function simulateCommand(program: Command): void {
  program.command('simulate')
    .description('xem trước diễn biến kế hoạch trên máy chủ thử nghiệm tua nhanh thời gian: thông báo, trạng thái, thao tác')
    .argument('<TỆP>', 'tệp kế hoạch (YAML hoặc JSON)')
    .option('--script <KỊCH-BẢN>', 'tệp YAML các thao tác theo thời gian (duyệt, nộp, duyệt báo cáo, gia hạn, hủy, ...)')
    .option('--json', 'in một đối tượng JSON cho máy đọc')
    .option('--rebase <NGÀY>', 'dời mọi ngày của kế hoạch và kịch bản để ban hành vào NGÀY ("today": hôm nay)')
    .action(async (file: string, options: { script?: string; json?: boolean; rebase?: string }, command: Command) => {
      process.exitCode = await lazy.simulateRun().runSimulate({ file, ...options, lang: langOf(command.optsWithGlobals<{ lang?: string }>().lang) });
    });
}
