// `planflow start FILE [--rebase today|DATE]`, `planflow status ID [--step|--status|--agency|--offset|--limit] [--json]`,
// `planflow status ID --consolidation ID[/CYCLE][#N] [--json]`, `planflow list [--json]`.
import { QueryNotRegisteredError, type Client } from '@temporalio/client';
import type { Command } from 'commander';
import { z } from 'zod';
import { ConsolidationQuery, PLAN_PAGE, PlanQuery } from '../../model/actions';
import { civilDateAt } from '../../model/calendar/civil-date';
import { AssignmentStatus, STAGE_LABELS } from '../../model/status';
import { DateArg, JSON_OPTION, USAGE_ERROR, act, checkInput, langOfCommand, readText } from '../args';
import { withClient } from '../connect';
import * as lazy from '../lazy';
import { formatAssignment, formatConsolidation, formatPlan, RUN_STATES } from '../format';
import { stepNamesOf } from '../plan-source';
import { operatorSubject } from '../operator';
import { assignmentStatus, checkPlanInputSize, consolidation, DEFAULT_TASK_QUEUE, listPlans, planStatus, PlanflowError, startPlan, workflowType } from '../planflow';

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
      const { loadPlanText, formatProblem } = lazy.planLoader();
      const loaded = loadPlanText(await readText(file), lang);
      if (!loaded.ok) {
        for (const p of loaded.problems) out(formatProblem(p, lang));
        return 1;
      }
      const rebase = input['--rebase'];
      const day = rebase === 'today' ? civilDateAt(Date.now()) : rebase;
      const plan = day ? lazy.rebase().rebasePlan(loaded.plan, day) : loaded.plan;
      checkPlanInputSize(plan); // before connecting: a refusal needs no server
      const planId = await withClient((client) => startPlan(client, plan, process.env.PLANFLOW_TASK_QUEUE ?? DEFAULT_TASK_QUEUE));
      operatorSubject.value = planId;
      out(`Đã khởi chạy kế hoạch: ${planId}`);
      if (day) out(`(đã dời mọi ngày của kế hoạch để ban hành ngày ${day})`);
      out(`Chờ duyệt ban hành: planflow approve ${planId} --as ${lazy.work().approversOf(plan, 'issue')[0] ?? 'MÃ-LÃNH-ĐẠO'}`);
      out(`Xem trạng thái:     planflow status ${planId}`);
      return 0;
    }));
}

interface StatusOptions {
  json?: boolean;
  step?: string;
  status?: string;
  agency?: string;
  offset?: string;
  limit?: string;
  consolidation?: string;
}

/** The options as a plan query; the keys are the options people typed, so problems read `--limit: …`. */
const StatusQuery = z.object({
  step: PlanQuery.shape.step, status: PlanQuery.shape.status, agency: PlanQuery.shape.agency,
  offset: z.coerce.number().pipe(PlanQuery.shape.offset.unwrap()).optional(), limit: z.coerce.number().pipe(PlanQuery.shape.limit.unwrap()).optional(),
  consolidation: z.string().max(200).regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?(#\d{1,6})?$/, 'cần dạng MÃ, MÃ/KỲ hoặc MÃ/KỲ#N (ví dụ tong-hop-huyen/2027#1)').optional()
    .transform((key) => key && consolidationQuery(key)).pipe(ConsolidationQuery.optional()),
  // A terminal shows a screenful by default, with the command for the next one: 500 rows (the query's default, the
  // portal's page) scrolled past what a coordinator reads, and cost a 500-assignment plan's status ~25 ms more.
}).transform((o) => ({
  query: { step: o.step, status: o.status, agency: o.agency, offset: o.offset, limit: o.limit ?? PLAN_PAGE.inTerminal }, consolidation: o.consolidation,
}));

/** `tong-hop-huyen/2027#1` as the consolidation query `{ id, cycle, index }`, as `planflow status` lists it. */
function consolidationQuery(key: string): ConsolidationQuery {
  const [path = '', index] = key.split('#');
  const [consolidationId, cycle] = path.split('/');
  return { id: consolidationId, ...(cycle ? { cycle } : {}), ...(index ? { index: Number(index) } : {}) };
}

/** One consolidation record whole, from the plan's consolidation query. */
async function showConsolidation(client: Client, planId: string, query: ConsolidationQuery, json?: boolean): Promise<number> {
  const record = await consolidation(client, planId, query).catch((error: unknown) => {
    // An assignment, or a plan started before this query existed (workflows/v1: `render consolidation` reads those).
    if (error instanceof QueryNotRegisteredError) throw new PlanflowError('no-consolidation-query', `"${planId}" không trả lời truy vấn tổng hợp: cần mã một kế hoạch; kế hoạch cũ: planflow render consolidation ${planId} --docx TỆP`);
    throw error;
  });
  if (!record) throw new PlanflowError('no-consolidation', `Kế hoạch chưa có lần tổng hợp "${query.id ?? ''}${query.cycle ? `/${query.cycle}` : ''}"${query.index === undefined ? '' : ` thứ ${query.index}`}.`);
  out(json ? JSON.stringify(record, null, 2) : formatConsolidation(record));
  return 0;
}

export function statusCommand(program: Command): void {
  program.command('status')
    .description('trạng thái một kế hoạch hoặc một nhiệm vụ')
    .argument('<MÃ>', 'mã kế hoạch (plan/292-KH-UBND/2026) hoặc mã nhiệm vụ')
    .option('--step <MÃ-BƯỚC>', 'kế hoạch: chỉ liệt kê công việc của một bước')
    .option('--status <TÌNH-TRẠNG>', `kế hoạch: chỉ liệt kê công việc ở một tình trạng (${AssignmentStatus.options.join(', ')})`)
    .option('--agency <MÃ-ĐƠN-VỊ>', 'kế hoạch: chỉ liệt kê công việc của một đơn vị')
    .option('--offset <N>', 'kế hoạch: bỏ qua N công việc đầu (xem trang tiếp)')
    .option('--limit <N>', `kế hoạch: số công việc liệt kê (mặc định ${PLAN_PAGE.inTerminal}, tối đa ${PLAN_PAGE.max})`)
    .option('--consolidation <MÃ[/KỲ][#N]>', 'kế hoạch: toàn văn một lần tổng hợp (mã đợt tổng hợp, kỳ báo cáo, lần thứ N trong kỳ; mặc định lần gần nhất)')
    .option(...JSON_OPTION)
    .action(act((id: string, options: StatusOptions, command: Command) => withClient(async (client) => {
      const query = checkInput(StatusQuery, options, langOfCommand(command));
      if (!query) return USAGE_ERROR;
      if (query.consolidation) return showConsolidation(client, id, query.consolidation, options.json);
      // The plan's answer is asked for while the workflow's type is looked up, a round trip fewer for a plan's status;
      // an assignment refuses the plan's query, and that answer is dropped.
      const asPlan = planStatus(client, id, query.query).then((view) => ({ view }), (error: unknown) => ({ error }));
      if (await workflowType(client, id) === 'assignment') {
        const view = await assignmentStatus(client, id);
        out(options.json ? JSON.stringify(view, null, 2) : formatAssignment(view));
        return 0;
      }
      const answer = await asPlan;
      if ('error' in answer) throw answer.error;
      const { view } = answer;
      out(options.json ? JSON.stringify(view, null, 2) : formatPlan(view, await stepNamesOf(client, id, view)));
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
