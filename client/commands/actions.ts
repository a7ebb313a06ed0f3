// The human actions from the command line: approve, report, review, extend, cancel, consolidate. Every one names
// who acts (`--as`), is checked before it is sent, and prints the new state or the reason it was refused.
import type { Command } from 'commander';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { IndicatorValue } from '../../model/actions';
import { DateArg, USAGE_ERROR, act, checkInput, collect, langOfCommand } from '../args';
import { withClient } from '../connect';
import { consolidationKey, formatAssignment, formatConsolidation, formatPlan } from '../format';
import { recordOf, stepNamesOf } from '../plan-source';
import type { PlanView } from '../../workflows/state';
import {
  amendPlan, approve, cancelPlan, consolidateNow, extendDeadline, reviewReport, submitReport,
} from '../planflow';

const out = (line: string) => void process.stdout.write(`${line}\n`);
/** A plan's answer to a leader's or coordinator's action, printed with its steps named. */
const printPlan = async (client: Client, id: string, view: PlanView) => out(formatPlan(view, await stepNamesOf(client, id, view)));
const PLAN_ID = ['<MÃ-KẾ-HOẠCH>', 'mã kế hoạch, ví dụ plan/292-KH-UBND/2026'] as const;
const ASSIGNMENT_ID = ['<MÃ-NHIỆM-VỤ>', 'mã nhiệm vụ của một đơn vị (xem: planflow status MÃ-KẾ-HOẠCH)'] as const;
const asOption = (who: string) => ['--as <MÃ>', `ai thực hiện: ${who}`] as const;
const REASON = ['--reason <LÝ-DO>', 'lý do'] as const;

/** Stages may be named in Vietnamese too; the workflow knows them by their ids. */
const STAGE_NAMES: Record<string, string> = { 'ban-hanh': 'issue', 'ket-thuc': 'close' };

export function approveCommand(program: Command): void {
  program.command('approve')
    .description('lãnh đạo duyệt: ký ban hành kế hoạch, hoặc kết thúc kế hoạch')
    .argument(...PLAN_ID)
    .requiredOption(...asOption('mã lãnh đạo duyệt'))
    // Always named: approving "whatever is pending" once closed a running plan by accident.
    .requiredOption('--stage <BƯỚC>', 'bước duyệt: ban-hanh (ký ban hành) hoặc ket-thuc (kết thúc kế hoạch)')
    .action(act((id: string, options: { as: string; stage: string }) => withClient(async (client) => {
      const stage = STAGE_NAMES[options.stage] ?? options.stage;
      const view = await approve(client, id, { by: options.as, stage });
      await printPlan(client, id, view);
      return 0;
    })));
}

/** `--value id=12` for a count, `--value id=300/400` for a ratio's numerator and denominator. */
const ValueSpec = z.string().regex(/^[a-z0-9-]+=\d+(?:[.,]\d+)?(?:\/\d+)?$/, 'cần dạng mã=số hoặc mã=tử/mẫu (ví dụ tre-em-tiep-can-dich-vu=300/400)');

function indicatorValues(specs: string[]): Record<string, IndicatorValue> {
  const values: Record<string, IndicatorValue> = {};
  for (const spec of specs) {
    const [id, amount] = spec.split('=') as [string, string];
    const [first, second] = amount.replace(',', '.').split('/') as [string, string | undefined];
    values[id] = second === undefined ? Number(first) : { numerator: Number(first), denominator: Number(second) };
  }
  return values;
}

export function reportCommand(program: Command): void {
  program.command('report')
    .description('đơn vị nộp báo cáo kết quả thực hiện nhiệm vụ')
    .argument(...ASSIGNMENT_ID)
    .requiredOption(...asOption('mã đơn vị báo cáo'))
    .requiredOption('--text <NỘI-DUNG>', 'nội dung báo cáo')
    .option('--value <MÃ=SỐ>', 'số liệu một chỉ tiêu: mã=số hoặc mã=tử/mẫu; lặp lại cho nhiều chỉ tiêu', collect)
    .action(act((id: string, options: { as: string; text: string; value?: string[] }, command: Command) => {
      const input = checkInput(z.object({ '--value': z.array(ValueSpec) }), { '--value': options.value ?? [] }, langOfCommand(command));
      if (!input) return USAGE_ERROR;
      return withClient(async (client) => {
        out(formatAssignment(await submitReport(client, id, { by: options.as, text: options.text, values: indicatorValues(input['--value']) })));
        return 0;
      });
    }));
}

interface ReviewOptions {
  as: string;
  accept?: boolean;
  return?: boolean;
  reason?: string;
  deadline?: string;
}

export function reviewCommand(program: Command): void {
  program.command('review')
    .description('cơ quan chủ trì tiếp nhận báo cáo, hoặc đề nghị bổ sung, hoàn thiện')
    .argument(...ASSIGNMENT_ID)
    .requiredOption(...asOption('mã cơ quan xem xét báo cáo'))
    .option('--accept', 'tiếp nhận báo cáo')
    .option('--return', 'đề nghị bổ sung, hoàn thiện báo cáo (cần --reason)')
    .option(...REASON)
    .option('--deadline <NGÀY>', 'hạn nộp lại báo cáo (dd/mm/yyyy)')
    .action(act((id: string, options: ReviewOptions, command: Command) => {
      if (options.accept === options.return) {
        process.stderr.write('planflow: chọn một trong hai: --accept (tiếp nhận) hoặc --return (đề nghị bổ sung)\n');
        return USAGE_ERROR;
      }
      const input = checkInput(z.object({ '--deadline': DateArg.optional() }), { '--deadline': options.deadline }, langOfCommand(command));
      if (!input) return USAGE_ERROR;
      const review = options.accept
        ? { by: options.as, decision: 'accept' as const }
        : { by: options.as, decision: 'return' as const, reason: options.reason ?? '', newLastDay: input['--deadline'] };
      return withClient(async (client) => {
        out(formatAssignment(await reviewReport(client, id, review)));
        return 0;
      });
    }));
}

export function extendCommand(program: Command): void {
  program.command('extend')
    .description('gia hạn thực hiện nhiệm vụ')
    .argument(...ASSIGNMENT_ID)
    .requiredOption(...asOption('mã người hoặc cơ quan cho gia hạn'))
    .requiredOption('--to <NGÀY>', 'hạn mới (dd/mm/yyyy)')
    .requiredOption(...REASON)
    .action(act((id: string, options: { as: string; to: string; reason: string }, command: Command) => {
      const input = checkInput(z.object({ '--to': DateArg }), { '--to': options.to }, langOfCommand(command));
      if (!input) return USAGE_ERROR;
      return withClient(async (client) => {
        out(formatAssignment(await extendDeadline(client, id, { by: options.as, newLastDay: input['--to'], reason: options.reason })));
        return 0;
      });
    }));
}

export function cancelCommand(program: Command): void {
  program.command('cancel')
    .description('lãnh đạo hủy kế hoạch')
    .argument(...PLAN_ID)
    .requiredOption(...asOption('mã lãnh đạo'))
    .requiredOption(...REASON)
    .action(act((id: string, options: { as: string; reason: string }) => withClient(async (client) => {
      const view = await cancelPlan(client, id, { by: options.as, reason: options.reason });
      await printPlan(client, id, view);
      return 0;
    })));
}

export function consolidateCommand(program: Command): void {
  program.command('consolidate')
    .description('cơ quan chủ trì tổng hợp báo cáo ngay')
    .argument(...PLAN_ID)
    .requiredOption(...asOption('mã cơ quan chủ trì tổng hợp'))
    .action(act((id: string, options: { as: string }) => withClient(async (client) => {
      // The answer summarises what was made; each text (which names every missing commune) is read whole on its own.
      const made = await consolidateNow(client, id, { by: options.as });
      const records = await Promise.all(made.map((c) => recordOf(client, id, c)));
      out(made.length ? records.map((r, i) => (r ? formatConsolidation(r) : consolidationKey(made[i]!))).join('\n\n') : 'Không có kỳ báo cáo nào đang chờ tổng hợp.');
      return 0;
    })));
}

export function reassignCommand(program: Command): void {
  program.command('reassign')
    .description('lãnh đạo chuyển giao nhiệm vụ của một đơn vị cho đơn vị khác (ví dụ đơn vị kế thừa sau sáp nhập)')
    .argument(...PLAN_ID)
    .requiredOption(...asOption('mã lãnh đạo'))
    .requiredOption('--step <MÃ>', 'mã điều khoản hoặc báo cáo')
    .requiredOption('--agency <MÃ>', 'đơn vị đang được giao')
    .requiredOption('--to <MÃ>', 'đơn vị nhận nhiệm vụ')
    .option(...REASON)
    .action(act((id: string, o: { as: string; step: string; agency: string; to: string; reason?: string }) => withClient(async (client) => {
      const view = await amendPlan(client, id, { kind: 'reassign', by: o.as, step: o.step, agency: o.agency, to: o.to, reason: o.reason });
      await printPlan(client, id, view);
      return 0;
    })));
}

export function amendCommand(program: Command): void {
  program.command('amend')
    .description('lãnh đạo điều chỉnh kế hoạch đang thực hiện: thêm, bớt đơn vị của một nhiệm vụ hoặc đổi thời hạn chung')
    .argument(...PLAN_ID)
    .requiredOption(...asOption('mã lãnh đạo'))
    .requiredOption('--step <MÃ>', 'mã điều khoản hoặc báo cáo')
    .option('--add <MÃ>', 'thêm đơn vị thực hiện')
    .option('--remove <MÃ>', 'bớt đơn vị thực hiện')
    .option('--deadline <NGÀY>', 'thời hạn mới cho mọi đơn vị của nhiệm vụ (dd/mm/yyyy)')
    .requiredOption(...REASON)
    .action(act((id: string, o: { as: string; step: string; add?: string; remove?: string; deadline?: string; reason: string }, command: Command) => {
      const checked = checkInput(z.object({ '--deadline': DateArg.optional() }), { '--deadline': o.deadline }, langOfCommand(command));
      if (!checked) return USAGE_ERROR;
      const common = { by: o.as, step: o.step, reason: o.reason };
      const deadline = checked['--deadline'];
      const input = o.add ? { kind: 'add-agency' as const, agency: o.add, ...common }
        : o.remove ? { kind: 'remove-agency' as const, agency: o.remove, ...common }
          : deadline ? { kind: 'change-deadline' as const, lastDay: deadline, ...common } : undefined;
      if (!input || [o.add, o.remove, o.deadline].filter(Boolean).length !== 1) {
        process.stderr.write('planflow amend: cần đúng một trong --add, --remove, --deadline\n');
        return USAGE_ERROR;
      }
      return withClient(async (client) => {
        const view = await amendPlan(client, id, input);
        await printPlan(client, id, view);
        return 0;
      });
    }));
}
