// Hostile Updates through a raw Temporal client, past every client-side check: 540 seeded malformed payloads
// (wrong types, blank and oversized texts, bad dates, unknown fields, payloads of 1–1.9 MB) sent to a running plan
// and one of its assignments. Each must be refused by a validator with a code and a short reason, leave nothing in
// history, and fail no workflow task.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { assignmentStatus, planStatus, submitReport } from '../../client/planflow';
import { addDays, civilDateAt } from '../../model/calendar';
import { createDevServerEnv } from '../helpers/temporal-env';
import { issuedDienBien, usePlanflowWorker } from '../helpers/planflow';

const { env, run } = usePlanflowWorker(createDevServerEnv);

const PAYLOADS = 540;
/**
 * The largest payload sent: under 2 MiB, Temporal's blob limit. Above it the worker's SDK core cannot send even a
 * refusal (the rejection carries the request back), so the workflow task fails whatever the validator says; such
 * payloads must be stopped before Temporal (the portal caps request bodies). See README, "Input bounds".
 */
const MAX_HUGE = 1_900_000;
/** The codes of a refusal on the input itself: before any rule of the plan is looked at. */
const INPUT_CODES = ['invalid-input', 'update-too-large', 'update-too-deep'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type UpdateName = 'approve' | 'cancel' | 'consolidate' | 'submitReport' | 'review' | 'extend';
type FieldKind = 'id' | 'text' | 'reason' | 'date' | 'decision' | 'values';

/** Each Update's fields: the kind that says how to break it, and whether it may be left out. */
const FIELDS: Record<UpdateName, Record<string, { kind: FieldKind; optional?: true }>> = {
  approve: { by: { kind: 'id' }, stage: { kind: 'id' }, note: { kind: 'reason', optional: true } },
  cancel: { by: { kind: 'id' }, reason: { kind: 'reason' } },
  consolidate: { by: { kind: 'id' } },
  submitReport: { by: { kind: 'id' }, text: { kind: 'text' }, values: { kind: 'values', optional: true } },
  review: { by: { kind: 'id' }, decision: { kind: 'decision' }, reason: { kind: 'reason' }, newLastDay: { kind: 'date', optional: true } },
  extend: { by: { kind: 'id' }, newLastDay: { kind: 'date' }, reason: { kind: 'reason' } },
};
const ON_PLAN: UpdateName[] = ['approve', 'cancel', 'consolidate'];
const NAMES = Object.keys(FIELDS) as UpdateName[];

/** How a payload is broken; huge values are built when sent, so the list stays small to generate and print. */
type Mutation =
  | { op: 'not-an-object'; value: Json }
  | { op: 'wrong-type'; field: number; value: Json }
  | { op: 'blank'; field: number; value: string }
  | { op: 'oversized'; field: number; length: number; char: string }
  | { op: 'bad-date'; field: number; value: Json }
  | { op: 'bad-id'; field: number; value: string }
  | { op: 'unknown-field'; key: string }
  | { op: 'missing'; field: number }
  | { op: 'huge'; bytes: number; shape: 'text' | 'extra-field' | 'many-keys' | 'long-array' }
  | { op: 'deep'; field: number; depth: number }
  | { op: 'bad-values'; value: Json };

const field = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('not-an-object' as const), value: fc.constantFrom<Json>(null, 0, 'x', '', [], true, [{}], 1e21) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('wrong-type' as const), field, value: fc.constantFrom<Json>(null, 0, -1, true, [], {}, ['x'], { a: 1 }, 1e21) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('blank' as const), field, value: fc.constantFrom('', ' ', '   ', '\t\n', '\u200b\u200b', ' \r\n ') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('oversized' as const), field, length: fc.constantFrom(2_001, 10_001, 100_000, 614_000), char: fc.constantFrom('a', 'ệ', ' x') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('bad-date' as const), field, value: fc.constantFrom<Json>('9999-12-31', '0000-01-01', '2027-02-30', '2101-01-01', '1944-12-31', '31/12/2027', '', 'tomorrow', 20270101, null) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('bad-id' as const), field, value: fc.constantFrom('', ' ', 'Chu Tich', 'x'.repeat(65), 'a--b', '../x', 'phong-ldtbxh\n') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unknown-field' as const), key: fc.constantFrom('extra', 'By', '__proto__', 'status', 'constructor') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('missing' as const), field }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('huge' as const), bytes: fc.integer({ min: 1_000_000, max: MAX_HUGE }), shape: fc.constantFrom('text' as const, 'extra-field' as const, 'many-keys' as const, 'long-array' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), field, depth: fc.constantFrom(8, 64, 1_000) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('bad-values' as const), value: fc.constantFrom<Json>({ 'tre-em-tiep-can-dich-vu': -1 }, { 'tre-em-tiep-can-dich-vu': 1e21 }, { 'Sai Ma!': 1 }, { 'tre-em-tiep-can-dich-vu': { numerator: 1, denominator: 0 } }, { 'tre-em-tiep-can-dich-vu': { numerator: 1.5, denominator: 2, extra: 1 } }, 'x', [1]) }) },
);

/** Fields of a kind, or every field when it has none. */
const fieldsOf = (name: UpdateName, kinds?: FieldKind[], required = false) =>
  Object.entries(FIELDS[name]).filter(([, f]) => (!kinds || kinds.includes(f.kind)) && (!required || !f.optional)).map(([key]) => key);

/** The payload broken as the mutation says, or undefined when it does not apply to this Update (drawn again). */
function broken(name: UpdateName, valid: Record<string, Json>, m: Mutation): Json | undefined {
  const pick = (keys: string[], n: number) => (keys.length ? keys[n % keys.length] : undefined);
  const withField = (keys: string[], n: number, value: Json) => {
    const key = pick(keys, n);
    return key === undefined ? undefined : { ...valid, [key]: value };
  };
  switch (m.op) {
    case 'not-an-object':
      return m.value;
    case 'wrong-type': {
      // Any object is a set of values (an empty one, or one naming an indicator): only the others are wrong types.
      const object = m.value !== null && typeof m.value === 'object' && !Array.isArray(m.value);
      return withField(fieldsOf(name).filter((key) => !(object && key === 'values')), m.field, m.value);
    }
    case 'blank':
      return withField(fieldsOf(name, ['text', 'reason', 'id', 'date']), m.field, m.value);
    case 'oversized': {
      const key = pick(fieldsOf(name, ['text', 'reason']), m.field);
      const limit = key === 'text' ? 10_000 : 2_000;
      return key === undefined || m.char.length * m.length <= limit ? undefined : { ...valid, [key]: m.char.repeat(m.length) };
    }
    case 'bad-date':
      return withField(fieldsOf(name, ['date']), m.field, m.value);
    case 'bad-id':
      return withField(fieldsOf(name, ['id']), m.field, m.value);
    case 'unknown-field':
      // JSON keeps "__proto__" as an own field of the object the worker decodes.
      return JSON.parse(JSON.stringify(valid).replace(/^\{/, `{${JSON.stringify(m.key)}:"x",`)) as Json;
    case 'missing': {
      const key = pick(fieldsOf(name, undefined, true), m.field);
      return key === undefined ? undefined : Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    }
    case 'huge':
      return hugePayload(name, valid, m.bytes, m.shape);
    case 'deep': {
      let nested: Json = 'x';
      for (let i = 0; i < m.depth; i++) nested = [nested];
      return withField(fieldsOf(name), m.field, nested);
    }
    case 'bad-values':
      return name === 'submitReport' ? { ...valid, values: m.value } : undefined;
    default:
      return m satisfies never;
  }
}

function hugePayload(name: UpdateName, valid: Record<string, Json>, bytes: number, shape: 'text' | 'extra-field' | 'many-keys' | 'long-array'): Json {
  const text = fieldsOf(name, ['text', 'reason'])[0] ?? 'blob';
  switch (shape) {
    case 'text':
      return { ...valid, [text]: 'a'.repeat(bytes) };
    case 'extra-field':
      return { ...valid, blob: 'ệ'.repeat(Math.round(bytes / 3)) };
    case 'many-keys':
      return { ...valid, values: Object.fromEntries(Array.from({ length: Math.round(bytes / 20) }, (_, i) => [`chi-tieu-${i}`, 1])) };
    case 'long-array':
      return { ...valid, by: Array.from({ length: Math.round(bytes / 2) }, () => 0) };
  }
}

/** Every string of a payload at least `min` long: a refusal quoting one of them repeats the input. */
function longStrings(value: Json, min = 24): string[] {
  if (typeof value === 'string') return value.length >= min ? [value.slice(0, min)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap((v) => longStrings(v, min));
}

/** Updates accepted into a workflow's history, and workflow tasks it failed. */
async function traces(client: Client, workflowId: string) {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  return {
    updatesAccepted: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length,
    tasksFailed: events.filter((e) => e.workflowTaskFailedEventAttributes).length,
  };
}

test(`${PAYLOADS} malformed Updates through a raw client are refused with a code, enter no history and fail no task`, () =>
  run(async ({ client, taskQueue }) => {
    const { planId, commune, assignmentId } = await issuedDienBien(env(), client, taskQueue, 301);
    await assignmentStatus(client, assignmentId); // waits until the assignment has started
    const later = addDays(civilDateAt(await env().currentTimeMs()), 90);
    // Each would be accepted, or refused by a rule of the plan, if it were not broken: the refusal must be the input's.
    const VALID: Record<UpdateName, Record<string, Json>> = {
      approve: { by: 'chu-tich-ubnd-huyen', stage: 'close' },
      cancel: { by: 'chu-tich-ubnd-huyen', reason: 'Hủy để thử.' },
      consolidate: { by: 'phong-ldtbxh' },
      submitReport: { by: commune, text: 'Đã triển khai.', values: {} },
      review: { by: 'phong-ldtbxh', decision: 'return', reason: 'Thiếu số liệu.' },
      extend: { by: 'phong-ldtbxh', newLastDay: later, reason: 'Gia hạn để thử.' },
    };

    // The issue approval is the one Update the plan has accepted so far.
    const before = { plan: await traces(client, planId), assignment: await traces(client, assignmentId) };
    expect(before).toEqual({ plan: { updatesAccepted: 1, tasksFailed: 0 }, assignment: { updatesAccepted: 0, tasksFailed: 0 } });

    const drawn = fc.sample(fc.tuple(fc.constantFrom(...NAMES), mutation), { seed: 20_261_125, numRuns: PAYLOADS * 3 });
    const cases = drawn
      .map(([name, m]) => ({ name, m, payload: broken(name, VALID[name], m) }))
      .filter((c): c is { name: UpdateName; m: Mutation; payload: Json } => c.payload !== undefined)
      .slice(0, PAYLOADS);
    expect(cases).toHaveLength(PAYLOADS);

    const codes: Record<string, number> = {};
    const problems: string[] = [];
    let megabytes = 0;
    for (const { name, m, payload } of cases) {
      const workflowId = ON_PLAN.includes(name) ? planId : assignmentId;
      const outcome: unknown = await client.workflow.getHandle(workflowId).executeUpdate(name, { args: [payload] }).then(() => 'accepted', (e: unknown) => e);
      const cause = outcome instanceof WorkflowUpdateFailedError ? outcome.cause : undefined;
      const code = cause instanceof ApplicationFailure ? cause.type ?? '(none)' : '(not refused by a validator)';
      codes[code] = (codes[code] ?? 0) + 1;
      if (m.op === 'huge') megabytes++;
      const what = `${name} ${JSON.stringify(m)}`;
      if (!INPUT_CODES.includes(code)) problems.push(`${what}: ${code} ${outcome instanceof Error ? outcome.message : String(outcome)}`);
      const reason = cause?.message ?? '';
      if (reason.length > 2_000 || longStrings(payload).some((s) => reason.includes(s))) problems.push(`${what}: the refusal repeats the input`);
    }
    console.log(`malformed updates: sent ${cases.length} (${megabytes} of 1–1.9 MB); refused by code: ${JSON.stringify(codes)}`);
    expect(problems).toEqual([]);

    expect({ plan: await traces(client, planId), assignment: await traces(client, assignmentId) }).toEqual(before);
    // And the plan still works: a proper report goes through at once.
    expect((await submitReport(client, assignmentId, { by: commune, text: 'Đã triển khai.' })).status).toBe('submitted');
    expect((await planStatus(client, planId)).stage).toBe('in-progress');
  }), 600_000);
