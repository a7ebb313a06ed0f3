// `planflow start FILE [--rebase today|DATE]`, `planflow status ID [--json]`, `planflow list [--json]`.
import type { Command } from 'commander';
import { z } from 'zod';
import { civilDateAt } from '../../model/calendar';
import { loadPlanText } from '../../model/load';
import { rebasePlan } from '../../model/rebase';
import { STAGE_LABELS } from '../../model/status';
import { approversOf } from '../../model/work';
import { formatProblem } from '../../model/validate';
import { DateArg, JSON_OPTION, USAGE_ERROR, act, checkInput, langOfCommand, readText } from '../args';
import { withClient } from '../connect';
import { formatAssignment, formatPlan, RUN_STATES } from '../format';
import { startedPlan } from '../plan-source';
import { operatorSubject } from '../operator';
import { assignmentStatus, DEFAULT_TASK_QUEUE, listPlans, planStatus, startPlan } from '../planflow';

const out = (line: string) => void process.stdout.write(`${line}\n`);
const RebaseDate = z.union([z.literal('today'), DateArg]);

export function startCommand(program: Command): void {
  program.command('start')
    .description('khởi chạy kế hoạch từ tệp; kế hoạch chờ lãnh đạo duyệt ban hành')
    .argument('<TỆP>', 'tệp kế hoạch (YAML hoặc JSON)')
    .option('--rebase <NGÀY>', 'dời mọi ngày của kế hoạch để ban hành vào NGÀY ("today": hôm nay), để diễn tập')
    .action(act(async (file: string, options: { rebase?: string }, command: Command) => {
      const lang = langOfCommand(command);
      const input = checkInput(z.object({ '--rebase': RebaseDate.optional() }), { '--rebase': options.rebase }, lang);
      if (!input) return USAGE_ERROR;
      const loaded = loadPlanText(await readText(file), lang);
      if (!loaded.ok) {
        for (const p of loaded.problems) out(formatProblem(p, lang));
        return 1;
      }
      const rebase = input['--rebase'];
      const day = rebase === 'today' ? civilDateAt(Date.now()) : rebase;
      const plan = day ? rebasePlan(loaded.plan, day) : loaded.plan;
      const planId = await withClient((client) => startPlan(client, plan, process.env.PLANFLOW_TASK_QUEUE ?? DEFAULT_TASK_QUEUE));
      operatorSubject.value = planId;
      out(`Đã khởi chạy kế hoạch: ${planId}`);
      if (day) out(`(đã dời mọi ngày của kế hoạch để ban hành ngày ${day})`);
      out(`Chờ duyệt ban hành: planflow approve ${planId} --as ${approversOf(plan, 'issue')[0] ?? 'MÃ-LÃNH-ĐẠO'}`);
      out(`Xem trạng thái:     planflow status ${planId}`);
      return 0;
    }));
}

export function statusCommand(program: Command): void {
  program.command('status')
    .description('trạng thái một kế hoạch hoặc một nhiệm vụ')
    .argument('<MÃ>', 'mã kế hoạch (plan/292-KH-UBND/2026) hoặc mã nhiệm vụ')
    .option(...JSON_OPTION)
    .action(act((id: string, options: { json?: boolean }) => withClient(async (client) => {
      const type = (await client.workflow.getHandle(id).describe()).type;
      const view = type === 'assignment' ? await assignmentStatus(client, id) : await planStatus(client, id);
      if (options.json) out(JSON.stringify(view, null, 2));
      else out('spec' in view ? formatAssignment(view) : formatPlan(view, await startedPlan(client, id)));
      return 0;
    })));
}

export function listCommand(program: Command): void {
  program.command('list')
    .description('các kế hoạch, mới nhất trước')
    .option(...JSON_OPTION)
    .action(act(async (options: { json?: boolean }) => {
      const plans = await withClient(listPlans);
      if (options.json) out(JSON.stringify(plans, null, 2));
      else if (!plans.length) out('Chưa có kế hoạch nào.');
      for (const p of options.json ? [] : plans) {
        out(`${p.id}  ${p.number ?? ''}  ${p.stage ? STAGE_LABELS[p.stage].vi : RUN_STATES[p.status] ?? p.status}  quá hạn: ${p.overdue ?? 0}  (${p.issuer ?? ''})`);
      }
      return 0;
    }));
}
