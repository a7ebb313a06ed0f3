// `planflow render plan FILE --docx OUT` and `planflow render consolidation PLAN_ID [--cycle C] --docx OUT`: the
// official documents (Decree 30/2020/NĐ-CP) as .docx files, for the clerk to number and the leader to sign.
import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import type { Command } from 'commander';
import { act, langOfCommand, readText } from '../args';
import { withClient } from '../connect';
import * as lazy from '../lazy';
import { startedPlan, wholeConsolidation, type ConsolidationEntry } from '../plan-source';
import { PlanflowError } from '../planflow';

const DOCX = ['--docx <TỆP>', 'tệp .docx sẽ ghi ra'] as const;
const out = (line: string) => void process.stdout.write(`${line}\n`);

export function renderCommand(program: Command): void {
  const render = program.command('render').description('in văn bản hành chính (.docx, theo Nghị định 30/2020/NĐ-CP)');

  render.command('plan')
    .description('Kế hoạch từ tệp kế hoạch, để văn thư cho số và lãnh đạo ký')
    .argument('<TỆP>', 'tệp kế hoạch (YAML hoặc JSON)')
    .requiredOption(...DOCX)
    .action(act(async (file: string, options: { docx: string }, command: Command) => {
      const lang = langOfCommand(command);
      const [{ loadPlanText, formatProblem }, { planDocx }] = [lazy.planLoader(), lazy.documents()];
      const loaded = loadPlanText(await readText(file), lang);
      if (!loaded.ok) {
        for (const p of loaded.problems) out(formatProblem(p, lang));
        return 1;
      }
      await writeFile(options.docx, await planDocx(loaded.plan));
      out(`Đã ghi Kế hoạch: ${options.docx}`);
      return 0;
    }));

  render.command('consolidation')
    .description('Báo cáo tổng hợp của một kế hoạch đang chạy hoặc đã kết thúc')
    .argument('<MÃ-KẾ-HOẠCH>', 'mã kế hoạch, ví dụ plan/292-KH-UBND/2026')
    .option('--cycle <KỲ>', 'kỳ báo cáo hoặc mã đợt tổng hợp (mặc định: lần tổng hợp gần nhất)')
    .requiredOption(...DOCX)
    .action(act((planId: string, options: { cycle?: string; docx: string }) => withClient(async (client) => {
      const { entry, docx } = await consolidationDocx(client, planId, options.cycle);
      await writeFile(options.docx, docx);
      out(`Đã ghi Báo cáo tổng hợp ${entry.id}${entry.cycle ? ` (${entry.cycle})` : ''}: ${options.docx}`);
      return 0;
    })));
}

/** The Báo cáo tổng hợp of a plan's newest consolidation (of one cycle, if given), from the running or ended plan. */
export async function consolidationDocx(client: Client, planId: string, cycle?: string): Promise<{ entry: ConsolidationEntry; docx: Buffer }> {
  const entry = await wholeConsolidation(client, planId, cycle);
  if (!entry) {
    throw new PlanflowError('no-consolidation', cycle ? `Kế hoạch chưa có báo cáo tổng hợp kỳ "${cycle}".` : 'Kế hoạch chưa có báo cáo tổng hợp nào.');
  }
  const plan = await startedPlan(client, planId);
  const [{ reportDocx }, { consolidatedReport, consolidationOf }] = [lazy.documents(), lazy.report()];
  return { entry, docx: await reportDocx(consolidatedReport(plan, consolidationOf(plan, entry.id), entry.result, entry)) };
}
