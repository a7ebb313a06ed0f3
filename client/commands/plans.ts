// `planflow start FILE [--rebase today|DATE]`, `planflow status ID [--json]`, `planflow list [--json]`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { civilDateAt } from '../../model/calendar';
import { loadPlanText } from '../../model/load';
import { rebasePlan } from '../../model/rebase';
import { STAGE_LABELS } from '../../model/status';
import { approversOf } from '../../model/work';
import { formatProblem } from '../../model/validate';
import { LANG_OPTION, langOf, usage } from '../args';
import { withClient } from '../connect';
import { formatAssignment, formatPlan } from '../format';
import { assignmentStatus, DEFAULT_TASK_QUEUE, listPlans, planStatus, startPlan } from '../planflow';

const out = (line: string) => void process.stdout.write(`${line}\n`);
const RebaseDate = z.union([z.literal('today'), z.iso.date()]);

export async function startCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, rebase: { type: 'string' } }, allowPositionals: true });
  const [file] = positionals;
  if (!file) return usage('planflow start TỆP [--rebase today|YYYY-MM-DD]');
  const rebase = values.rebase === undefined ? undefined : RebaseDate.safeParse(values.rebase);
  if (rebase && !rebase.success) return usage('--rebase: cần "today" hoặc một ngày YYYY-MM-DD');
  const loaded = loadPlanText(await readFile(file, 'utf8'), langOf(values.lang));
  if (!loaded.ok) {
    for (const p of loaded.problems) out(formatProblem(p, langOf(values.lang)));
    return 1;
  }
  const day = rebase?.data === 'today' ? civilDateAt(Date.now()) : rebase?.data;
  const plan = day ? rebasePlan(loaded.plan, day) : loaded.plan;
  const planId = await withClient((client) => startPlan(client, plan, process.env.PLANFLOW_TASK_QUEUE ?? DEFAULT_TASK_QUEUE));
  out(`Đã khởi chạy kế hoạch: ${planId}`);
  if (day) out(`(đã dời mọi ngày của kế hoạch để ban hành ngày ${day})`);
  out(`Chờ duyệt ban hành: planflow approve ${planId} --as ${approversOf(plan, 'issue')[0] ?? 'MÃ-LÃNH-ĐẠO'}`);
  out(`Xem trạng thái:     planflow status ${planId}`);
  return 0;
}

export async function statusCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, json: { type: 'boolean' } }, allowPositionals: true });
  const [id] = positionals;
  if (!id) return usage('planflow status MÃ [--json]');
  return withClient(async (client) => {
    const type = (await client.workflow.getHandle(id).describe()).type;
    const view = type === 'assignment' ? await assignmentStatus(client, id) : await planStatus(client, id);
    if (values.json) out(JSON.stringify(view, null, 2));
    else out('spec' in view ? formatAssignment(view) : formatPlan(view));
    return 0;
  });
}

export async function listCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...LANG_OPTION, json: { type: 'boolean' } } });
  const plans = await withClient(listPlans);
  if (values.json) out(JSON.stringify(plans, null, 2));
  else if (!plans.length) out('Chưa có kế hoạch nào.');
  for (const p of values.json ? [] : plans) {
    out(`${p.id}  ${p.number ?? ''}  ${p.stage ? STAGE_LABELS[p.stage].vi : p.status}  quá hạn: ${p.overdue ?? 0}  (${p.issuer ?? ''})`);
  }
  return 0;
}
