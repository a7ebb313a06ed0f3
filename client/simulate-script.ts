// The script of a `planflow simulate` run (ACTIONS.yaml): who does what at which local time, validated with zod and
// reported as `path: message` lines in Vietnamese, then turned into actions at instants on the simulated clock.
// Light on purpose (no Temporal): the CLI loads it for every command, and the engine only when it simulates.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { civilDateAt, formatVietnamese, instantAt, timeAt } from '../model/calendar';
import { message, zodErrorMap } from '../model/messages';
import { Id, LocalDate } from '../model/plan';
import { formatPath, formatProblem, type Problem } from '../model/validate';
import { IndicatorValue } from '../model/actions';

/** A script longer than this is not a preview any more; nor is a text longer than a page. */
export const MAX_ACTIONS = 500;
const Text = z.string().trim().min(1).max(4000);
const Reason = z.string().trim().min(1).max(1000);
const Cycle = z.string().min(1).max(20);

/** `2027-01-04T09:00`, a wall-clock minute in Asia/Ho_Chi_Minh (years 2000–2100). */
const LocalMinute = z
  .string()
  .regex(/^(20\d\d|2100)-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'cần giờ địa phương dạng YYYY-MM-DDTHH:mm (ví dụ 2027-01-04T09:00)')
  .refine((v) => LocalDate.safeParse(v.slice(0, 10)).success, 'ngày không có thật');

export const ActionName = z.enum(['approve', 'report', 'review', 'extend', 'reassign', 'cancel', 'consolidate']);
export type ActionKind = z.infer<typeof ActionName>;
const KINDS = ActionName.options;

const Actions = {
  approve: z.strictObject({ stage: Id }),
  report: z.strictObject({
    step: Id, text: Text, cycle: Cycle.optional(),
    values: z.record(Id, IndicatorValue).refine((v) => Object.keys(v).length <= 100, 'tối đa 100 chỉ tiêu').optional(),
  }),
  review: z
    .strictObject({
      step: Id, agency: Id, decision: z.enum(['accept', 'return']), reason: Reason.optional(), newLastDay: LocalDate.optional(),
      cycle: Cycle.optional(),
    })
    .refine((r) => r.decision === 'accept' || r.reason !== undefined, { path: ['reason'], message: 'trả lại báo cáo cần nêu lý do (reason)' }),
  extend: z.strictObject({ step: Id, agency: Id, to: LocalDate, reason: Reason, cycle: Cycle.optional() }),
  reassign: z.strictObject({ step: Id, agency: Id, to: Id, reason: Reason.optional() }),
  cancel: z.strictObject({ reason: Reason }),
  consolidate: z.strictObject({ id: Id }),
} satisfies Record<ActionKind, z.ZodType>;
type Actions = typeof Actions;

const Line = z
  .strictObject({ at: LocalMinute, as: Id, ...Object.fromEntries(KINDS.map((k) => [k, Actions[k].optional()])) as { [K in ActionKind]: z.ZodOptional<Actions[K]> } })
  .superRefine((line, ctx) => {
    const named = KINDS.filter((k) => line[k] !== undefined);
    if (named.length !== 1) ctx.addIssue({ code: 'custom', message: `cần đúng một thao tác trong: ${KINDS.join(', ')} (đang có ${named.length})` });
  });

export const Script = z.array(Line).max(MAX_ACTIONS, `tối đa ${MAX_ACTIONS} thao tác`).superRefine((lines, ctx) => {
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && line.at < previous.at) {
      ctx.addIssue({ code: 'custom', path: [i, 'at'], message: `các thao tác phải theo thứ tự thời gian (${line.at} trước ${previous.at} ở dòng trên)` });
    }
  });
});
export type ScriptLine = z.infer<typeof Line>;

/** One scripted action: its kind and input, by whom, at which instant (ms since the epoch). */
export type ScriptAction = { [K in ActionKind]: { kind: K; at: number; as: string; input: z.infer<Actions[K]> } }[ActionKind];

export type ScriptResult = { ok: true; script: ScriptAction[] } | { ok: false; problems: string[] };

/** `--rebase`: `today` or a day `YYYY-MM-DD`. */
export const RebaseTo = z.union([z.literal('today'), z.iso.date()]);
export type RebaseTo = z.infer<typeof RebaseTo>;

/** `04/01/2027 09:00`: an instant as a coordinator reads it, in Vietnam's time. */
export const localTime = (instant: number) => `${formatVietnamese(civilDateAt(instant))} ${timeAt(instant)}`;

/** The instant of a local minute `YYYY-MM-DDTHH:mm` in Vietnam. */
export const localInstant = (minute: string): number => instantAt(minute.slice(0, 10), minute.slice(11, 16));

function toAction(line: ScriptLine): ScriptAction {
  const kind = KINDS.find((k) => line[k] !== undefined)!;
  return { kind, at: localInstant(line.at), as: line.as, input: line[kind] } as ScriptAction;
}

/** Validates a parsed script (e.g. from YAML): its actions, or one `path: message` line per problem. */
export function parseScript(input: unknown): ScriptResult {
  const parsed = Script.safeParse(input ?? [], { error: zodErrorMap('vi') });
  if (parsed.success) return { ok: true, script: parsed.data.map(toAction) };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.filter((seg): seg is string | number => typeof seg !== 'symbol');
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${formatPath([...path, key])}: ${message('unknown-key', { key })}`);
      return [`${formatPath(path) || '(kịch bản)'}: ${issue.message}`];
    }),
  };
}

/** A script file larger than this is not one a person wrote. */
export const MAX_SCRIPT_CHARS = 1_000_000;

/** Reads ACTIONS.yaml text: YAML syntax errors with their line, then the script's own checks. */
export function parseScriptText(text: string): ScriptResult {
  if (text.length > MAX_SCRIPT_CHARS) return { ok: false, problems: [`(kịch bản): tệp quá lớn (tối đa ${MAX_SCRIPT_CHARS} ký tự)`] };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const problems: Problem[] = doc.errors.map((e) => ({ path: [], message: message('yaml-syntax', { detail: e.message.split('\n')[0]! }), line: e.linePos?.[0].line }));
    return { ok: false, problems: problems.map((p) => formatProblem(p).replace('(plan)', '(kịch bản)')) };
  }
  return parseScript(doc.toJS());
}
