// The human actions from the command line: approve, report, review, extend, cancel, consolidate. Every one names
// who acts (`--as`), is validated before it is sent, and prints the new state or the reason it was refused.
import { parseArgs } from 'node:util';
import type { IndicatorValue } from '../../model/actions';
import { LANG_OPTION, usage } from '../args';
import { withClient } from '../connect';
import { formatAssignment, formatPlan } from '../format';
import {
  approve, cancelPlan, consolidateNow, extendDeadline, planStatus, reviewReport, submitReport,
} from '../planflow';
import { pendingApproval } from '../../model/status';

const out = (line: string) => void process.stdout.write(`${line}\n`);
const AS = { as: { type: 'string' } } as const;

function target(positionals: string[], as: string | undefined, text: string): { id: string; by: string } | undefined {
  const [id] = positionals;
  return id && as ? { id, by: as } : (usage(text), undefined);
}

export async function approveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, ...AS, stage: { type: 'string' } }, allowPositionals: true });
  const t = target(positionals, values.as, 'planflow approve MÃ-KẾ-HOẠCH --as MÃ-LÃNH-ĐẠO [--stage issue|close]');
  if (!t) return 2;
  return withClient(async (client) => {
    const stage = values.stage ?? pendingApproval((await planStatus(client, t.id)).stage) ?? 'issue';
    out(formatPlan(await approve(client, t.id, { by: t.by, stage })));
    return 0;
  });
}

/** `--value id=12` for a count, `--value id=300/400` for a ratio's numerator and denominator. */
function parseValues(specs: string[]): Record<string, IndicatorValue> {
  const values: Record<string, IndicatorValue> = {};
  for (const spec of specs) {
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(spec);
    if (!match) throw new Error(`--value "${spec}": cần dạng mã=số hoặc mã=tử/mẫu (ví dụ tre-em-tiep-can-dich-vu=300/400)`);
    const [, id, first, second] = match as unknown as [string, string, string, string | undefined];
    values[id] = second === undefined ? Number(first) : { numerator: Number(first), denominator: Number(second) };
  }
  return values;
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, options: { ...LANG_OPTION, ...AS, text: { type: 'string' }, value: { type: 'string', multiple: true } }, allowPositionals: true,
  });
  const t = target(positionals, values.as, 'planflow report MÃ-NHIỆM-VỤ --as MÃ-ĐƠN-VỊ --text "..." [--value mã=số | mã=tử/mẫu]');
  if (!t) return 2;
  const reportValues = parseValues(values.value ?? []);
  return withClient(async (client) => {
    out(formatAssignment(await submitReport(client, t.id, { by: t.by, text: values.text ?? '', values: reportValues })));
    return 0;
  });
}

export async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, options: { ...LANG_OPTION, ...AS, accept: { type: 'boolean' }, return: { type: 'boolean' }, reason: { type: 'string' }, deadline: { type: 'string' } },
    allowPositionals: true,
  });
  const t = target(positionals, values.as, 'planflow review MÃ-NHIỆM-VỤ --as MÃ-ĐƠN-VỊ (--accept | --return --reason "..." [--deadline YYYY-MM-DD])');
  if (!t || values.accept === values.return) return t ? usage('chọn một: --accept hoặc --return') : 2;
  const input = values.accept
    ? { by: t.by, decision: 'accept' as const }
    : { by: t.by, decision: 'return' as const, reason: values.reason ?? '', newLastDay: values.deadline };
  return withClient(async (client) => {
    out(formatAssignment(await reviewReport(client, t.id, input)));
    return 0;
  });
}

export async function extendCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, ...AS, to: { type: 'string' }, reason: { type: 'string' } }, allowPositionals: true });
  const t = target(positionals, values.as, 'planflow extend MÃ-NHIỆM-VỤ --as MÃ --to YYYY-MM-DD --reason "..."');
  if (!t) return 2;
  return withClient(async (client) => {
    out(formatAssignment(await extendDeadline(client, t.id, { by: t.by, newLastDay: values.to ?? '', reason: values.reason ?? '' })));
    return 0;
  });
}

export async function cancelCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, ...AS, reason: { type: 'string' } }, allowPositionals: true });
  const t = target(positionals, values.as, 'planflow cancel MÃ-KẾ-HOẠCH --as MÃ-LÃNH-ĐẠO --reason "..."');
  if (!t) return 2;
  return withClient(async (client) => {
    out(formatPlan(await cancelPlan(client, t.id, { by: t.by, reason: values.reason ?? '' })));
    return 0;
  });
}

export async function consolidateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...LANG_OPTION, ...AS }, allowPositionals: true });
  const t = target(positionals, values.as, 'planflow consolidate MÃ-KẾ-HOẠCH --as MÃ-ĐƠN-VỊ-CHỦ-TRÌ');
  if (!t) return 2;
  return withClient(async (client) => {
    out(formatPlan(await consolidateNow(client, t.id, { by: t.by })));
    return 0;
  });
}
