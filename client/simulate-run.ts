// What `planflow simulate` does once chosen (client/commands/simulate.ts defines the command): reads the plan and the
// script, runs the simulation and prints the Vietnamese timeline (or one JSON object for programs).
import { readFile } from 'node:fs/promises';
import { loadPlanText } from '../model/load';
import type { Lang } from '../model/messages';
import type { NotificationEvent } from '../model/notifications';
import type { Plan } from '../model/plan';
import { STAGE_LABELS, STATUS_LABELS } from '../model/status';
import { formatProblem } from '../model/validate';
import { contacts } from '../model/work';
import type { FinalState, Simulation, TimelineEntry } from './simulate';
import { localTime, parseScriptText, RebaseTo, type ActionKind } from './simulate-script';

const out = (line: string) => void process.stdout.write(`${line}\n`);
/** Wrong usage: how to call it, on stderr, exit 2 (as every planflow command). */
const usage = (text: string) => (process.stderr.write(`Cách dùng: ${text}\n`), 2);

export interface SimulateInput {
  file: string;
  script?: string;
  json?: boolean;
  rebase?: string;
  lang: Lang;
}


export async function runSimulate(input: SimulateInput): Promise<number> {
  const rebase = input.rebase === undefined ? undefined : RebaseTo.safeParse(input.rebase);
  if (rebase && !rebase.success) return usage('--rebase: cần "today" hoặc một ngày YYYY-MM-DD');
  const loaded = loadPlanText(await readText(input.file), input.lang);
  if (!loaded.ok) return problems(loaded.problems.map((p) => `${input.file}: ${formatProblem(p, input.lang)}`));
  const script = input.script === undefined ? { ok: true as const, script: [] } : parseScriptText(await readText(input.script));
  if (!script.ok) return problems(script.problems.map((p) => `${input.script}: ${p}`));

  // Loaded here, not with the plan's reading: the worker and test server modules take seconds to load. A `require`
  // for the reason lazy.ts gives.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { simulate, quietRuntime } = require('./simulate') as typeof import('./simulate');
  quietRuntime();
  const result = await simulate(loaded.plan, script.script, { rebase: rebase?.data });
  out(input.json ? JSON.stringify(result) : formatSimulation(loaded.plan, result));
  return 0;
}

async function readText(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).normalize('NFC'); // Vietnamese keyboards may send decomposed characters
  } catch (error) {
    throw new Error(`không đọc được tệp "${file}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function problems(lines: string[]): number {
  for (const line of lines) process.stderr.write(`${line}\n`);
  return 1;
}

const EVENTS: Record<NotificationEvent, string> = {
  'approval-request': 'đề nghị duyệt',
  'plan-issued': 'kế hoạch ban hành',
  assignment: 'giao nhiệm vụ',
  reminder: 'nhắc hạn',
  digest: 'tổng hợp tình hình tuần',
  overdue: 'báo quá hạn',
  escalation: 'đôn đốc',
  'report-received': 'đã nhận báo cáo',
  'report-returned': 'trả lại báo cáo',
  'report-accepted': 'tiếp nhận báo cáo',
  'deadline-extended': 'gia hạn',
  'consolidated-report': 'báo cáo tổng hợp',
  'plan-cancelled': 'hủy kế hoạch',
  'plan-closed': 'kết thúc kế hoạch',
  reassigned: 'chuyển giao nhiệm vụ',
  undeliverable: 'thư không gửi được',
};

const ACTIONS: Record<ActionKind, string> = {
  approve: 'duyệt', report: 'nộp báo cáo', review: 'duyệt báo cáo', extend: 'gia hạn', reassign: 'giao lại', cancel: 'hủy kế hoạch',
  consolidate: 'tổng hợp',
};

/** The timeline as a coordinator reads it: one line per entry, local time, names instead of ids. */
export function formatSimulation(plan: Plan, { timeline, final }: Simulation): string {
  const nameOf = (id: string) => {
    try {
      return `${contacts(plan, [id])[0]!.name} (${id})`;
    } catch {
      return id;
    }
  };
  const work = (workflowId: string) => workflowId.slice(final.planId.length + 1) || 'kế hoạch';
  const lines = [`Mô phỏng kế hoạch ${final.planId}: ${plan.document.title}`, ''];
  for (const entry of timeline) lines.push(`${localTime(Date.parse(entry.at))}  ${describe(entry, nameOf, work)}`);
  lines.push('', ...formatFinal(final));
  return lines.join('\n');
}

type Describe = (id: string) => string;

function describe(entry: TimelineEntry, nameOf: Describe, work: Describe): string {
  const cycle = (c?: string) => (c === undefined ? '' : ` · kỳ ${c}`);
  switch (entry.kind) {
    case 'notice':
      return `Thông báo ${EVENTS[entry.event as NotificationEvent] ?? entry.event} → ${nameOf(entry.to)} · ${work(entry.workflowId)}${cycle(entry.cycle)}`;
    case 'consolidation': {
      const missing = entry.missing.length ? `; chưa báo cáo: ${entry.missing.map(nameOf).join(', ')}` : '';
      return `${entry.supplement ? 'Tổng hợp bổ sung' : 'Tổng hợp'} ${entry.id}${cycle(entry.cycle)}: ${entry.reported === 0 ? 'chưa đơn vị nào báo cáo' : `${entry.reported} đơn vị đã báo cáo`}${missing}`;
    }
    case 'stage':
      return `Giai đoạn: ${STAGE_LABELS[entry.stage].vi}`;
    case 'status':
      return `Trạng thái ${work(entry.workflowId)}${cycle(entry.cycle)}: ${STATUS_LABELS[entry.status].vi}`;
    case 'action':
      return `${nameOf(entry.as)} ${ACTIONS[entry.action]}${detail(entry.input)} · ${work(entry.workflowId)}${entry.automatic ? ' (tự động)' : ''}`;
    case 'refused':
      return `Bị từ chối: ${nameOf(entry.as)} ${ACTIONS[entry.action]}${detail(entry.input)} — ${entry.reason} [${entry.code}]`;
    default: {
      const never: never = entry;
      return String(never);
    }
  }
}

/** The few inputs worth a line: the stage approved, the new deadline, the decision. */
function detail(input: Record<string, unknown>): string {
  const text = (key: string) => (typeof input[key] === 'string' ? input[key] : undefined);
  const stage = text('stage');
  const to = text('to');
  const decision = { accept: 'tiếp nhận', return: 'đề nghị bổ sung, hoàn thiện' }[text('decision') ?? ''];
  const stageName = stage && ({ issue: 'ký ban hành', close: 'kết thúc kế hoạch' }[stage] ?? stage);
  const parts = [stageName, decision, to && `→ ${to}`].filter((p) => p !== undefined);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

function formatFinal(final: FinalState): string[] {
  const lines = [
    `Kết quả: ${STAGE_LABELS[final.stage].vi}${final.open ? ` — kế hoạch vẫn mở khi dừng mô phỏng (${localTime(Date.parse(final.until))})` : ''}`,
  ];
  for (const a of final.assignments) {
    lines.push(`  ${a.stepId} · ${a.agencyId}${a.cycle === undefined ? '' : ` · kỳ ${a.cycle}`}: ${STATUS_LABELS[a.status].vi}`);
  }
  return lines;
}

