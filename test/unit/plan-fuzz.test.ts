// Hostile plan files: the four examples mutated 1,000 times (seeded) must never crash or hang the loader, and every
// plan it accepts must expand into assignments whose deadlines and notices compute.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { deadlineInstant, noticeSchedule } from '../../model/calendar';
import { loadPlanText } from '../../model/load';
import type { Validation } from '../../model/validate';
import type { Plan } from '../../model/plan';
import { AssignmentSpec, assignmentSpec, stepsOf } from '../../model/work';
import { exampleFiles } from '../helpers/files';

const EXAMPLES = exampleFiles().map((file) => readFileSync(file, 'utf8'));
const RUNS = 1_000;
const HUNG_MS = 5_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value put where another was: a huge string is built only when applied, so a failing case prints short. */
type Hostile = { literal: Json | undefined } | { huge: number; char: string };

type DataMutation =
  | { op: 'replace'; at: number; value: Hostile }
  | { op: 'remove'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'unknown-key'; at: number; key: string }
  | { op: 'after-step'; clause: number; step: number; event: 'deadline' | 'completion' }
  | { op: 'huge-group'; size: number };

type TextMutation =
  | { op: 'alias-bomb'; depth: number; width: number }
  | { op: 'deep'; at: number; depth: number; style: 'flow' | 'block' }
  | { op: 'char'; at: number; edit: 'insert' | 'delete'; char: string }
  | { op: 'line'; at: number; edit: 'delete' | 'duplicate' | 'indent' | 'dedent' }
  | { op: 'truncate'; at: number };

interface Case {
  example: number;
  data: DataMutation[];
  /** Written back as JSON (which is YAML too) rather than YAML. */
  json: boolean;
  text: TextMutation[];
}

// What the mutations draw from: wrong types, extreme numbers and dates, ids and texts at and past their bounds.
const LITERALS: (Json | undefined)[] = [
  null, true, false, 0, -1, '', ' ', '\t\n ', '\u200b', [], {}, [1], { a: 1 }, 'x', undefined,
  1e21, -1e21, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, 0.5, -0, 1e12, 1e12 + 1, 100,
  100.0001, 10_000, 1944, 1945, 2100, 2101,
  '0000-01-01', '9999-12-31', '1944-12-31', '1945-01-01', '2100-12-31', '2101-01-01', '2021-02-29', '2020-02-29',
  '2021-13-01', '2021-1-1', '+002021-01-01', '2021-06-31', '02-29', '13-01', '24:00', '07:60',
  'A', '-a', 'a--b', 'x'.repeat(65), 'ubnd-huyen', 'a\r\nBcc: x@evil.example', '<script>alert(1)</script>', 'KH-UBND',
];
const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LITERALS).map((literal) => ({ literal })) },
  { weight: 1, arbitrary: fc.record({ huge: fc.constantFrom(301, 10_000, 10_001, 100_000, 1_000_000), char: fc.constantFrom('a', 'ệ', ' ', '\n', '😀') }) },
);
const at = fc.nat();
const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: hostile }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unknown-key' as const), at, key: fc.constantFrom('__proto__', 'constructor', 'leed', 'x'.repeat(200), '') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('after-step' as const), clause: at, step: at, event: fc.constantFrom('deadline' as const, 'completion' as const) }) },
);
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('alias-bomb' as const), depth: fc.integer({ min: 2, max: 9 }), width: fc.integer({ min: 2, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), at, depth: fc.constantFrom(10, 100, 1_000, 5_000, 20_000), style: fc.constantFrom('flow' as const, 'block' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('char' as const), at, edit: fc.constantFrom('insert' as const, 'delete' as const), char: fc.constantFrom(':', '-', '[', '{', '"', '&a', '*a', '\t', '\n', '#', '!!binary', '%') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('line' as const), at, edit: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
);
const ordinaryCase: fc.Arbitrary<Case> = fc.record({
  example: fc.nat({ max: EXAMPLES.length - 1 }),
  data: fc.array(dataMutation, { maxLength: 3 }),
  json: fc.boolean(),
  text: fc.array(textMutation, { maxLength: 2 }),
});
// A group of thousands of communes is the one large input a real plan has; it stays rare to keep the suite short,
// and at most 5,000: 60,000 is the benchmark's (bench/large-group.ts), since speed goals are not for tests.
const hugeGroupCase: fc.Arbitrary<Case> = fc.record({
  example: fc.nat({ max: EXAMPLES.length - 1 }),
  data: fc.tuple(fc.constantFrom(2_000, 5_000), fc.array(dataMutation, { maxLength: 1 })).map(([size, rest]) => [{ op: 'huge-group' as const, size }, ...rest]),
  json: fc.constant(true),
  text: fc.constant([]),
});
const mutatedPlan = fc.oneof({ weight: 99, arbitrary: ordinaryCase }, { weight: 1, arbitrary: hugeGroupCase });

// Applying mutations.
type Container = Json[] | { [key: string]: Json };
interface Slot {
  parent: Container;
  key: string | number;
}

/** Every place in the data that holds a value, parents before children (an iterative walk: data may be deep). */
function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const pending: Json[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      slots.push({ parent: node, key });
      pending.push(value);
    }
  }
  return slots;
}

const build = (value: Hostile): Json | undefined => ('literal' in value ? value.literal : value.char.repeat(value.huge));

function set(slot: Slot, value: Json | undefined): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value as Json;
  // defineProperty, so "__proto__" becomes a field like any other instead of the object's prototype.
  else Object.defineProperty(slot.parent, slot.key, { value, enumerable: true, configurable: true, writable: true });
}

function applyData(data: Json, mutation: DataMutation): void {
  const slots = slotsOf(data);
  const pick = (n: number, among = slots) => among[n % Math.max(1, among.length)];
  const plan = data as { clauses?: Json[]; reporting?: { submissions?: Json[] }; agencies?: Json[]; groups?: Json[] };
  switch (mutation.op) {
    case 'replace': {
      const slot = pick(mutation.at);
      if (slot) set(slot, build(mutation.value));
      return;
    }
    case 'remove': {
      const slot = pick(mutation.at);
      if (slot && Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else if (slot) delete (slot.parent as Record<string, Json>)[slot.key];
      return;
    }
    case 'duplicate': {
      const slot = pick(mutation.at, slots.filter((s) => Array.isArray(s.parent)));
      // The same object twice: yaml writes it back as an anchor and an alias.
      if (slot) (slot.parent as Json[]).splice(slot.key as number, 0, (slot.parent as Json[])[slot.key as number]!);
      return;
    }
    case 'unknown-key': {
      const slot = pick(mutation.at, slots.filter((s) => typeof s.parent === 'object' && !Array.isArray(s.parent)));
      if (slot) set({ parent: slot.parent, key: mutation.key }, 'x');
      return;
    }
    case 'after-step': {
      const clauses = (plan.clauses ?? []) as Record<string, Json>[];
      const steps = [...clauses, ...((plan.reporting?.submissions ?? []) as Record<string, Json>[])].map((s) => s.id);
      const clause = clauses[mutation.clause % Math.max(1, clauses.length)];
      const step = [...steps, 'khong-co-buoc-nay'][mutation.step % (steps.length + 1)] as Json;
      if (clause) clause.deadline = { kind: 'after-step', step, event: mutation.event, days: 3, unit: 'working-days' };
      return;
    }
    case 'huge-group': {
      const ids = Array.from({ length: mutation.size }, (_, i) => `xa-fuzz-${i + 1}`);
      plan.agencies?.push(...ids.map((id, i) => ({ id, name: `UBND xã ${i + 1}`, kind: 'commune', emails: [`${id}@huyen.example`] })));
      plan.groups = [...(plan.groups ?? []), { id: 'nhom-fuzz', name: 'Các xã (fuzz)', members: ids }];
      const clause = plan.clauses?.[0] as { assignees?: Json[] } | undefined;
      if (clause) clause.assignees = ['nhom-fuzz'];
      return;
    }
    default:
      return mutation satisfies never;
  }
}

function aliasBomb(depth: number, width: number): string {
  const level = (i: number) => `x${i}: &x${i} [${Array.from({ length: width }, () => (i === 1 ? 'lol' : `*x${i - 1}`)).join(', ')}]`;
  return Array.from({ length: depth }, (_, i) => level(i + 1)).join('\n');
}

function deep(depth: number, style: 'flow' | 'block'): string {
  if (style === 'flow') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  // Block nesting costs its depth squared in indentation: keep it to a few megabytes.
  const levels = Math.min(depth, 1_500);
  return `\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n')} 1`;
}

function applyText(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (mutation.op) {
    case 'alias-bomb':
      return `${text.trimEnd()}\n${aliasBomb(mutation.depth, mutation.width)}\n`;
    case 'deep': {
      const i = line(mutation.at);
      const keyed = /^(\s*(?:- )?[\w-]+:)/.exec(lines[i]!);
      lines[i] = keyed ? `${keyed[1]} ${deep(mutation.depth, mutation.style)}` : `deep: ${deep(mutation.depth, mutation.style)}`;
      return lines.join('\n');
    }
    case 'char': {
      const i = mutation.at % Math.max(1, text.length);
      return mutation.edit === 'insert' ? text.slice(0, i) + mutation.char + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
    }
    case 'line': {
      const i = line(mutation.at);
      const edited = { delete: [], duplicate: [lines[i]!, lines[i]!], indent: [`  ${lines[i]}`], dedent: [lines[i]!.replace(/^ {1,2}/, '')] };
      lines.splice(i, 1, ...edited[mutation.edit]);
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, mutation.at % Math.max(1, text.length));
    default:
      return mutation satisfies never;
  }
}

function planText(c: Case): string {
  const source = EXAMPLES[c.example]!;
  let text = source;
  if (c.data.length) {
    const data = parse(source) as Json;
    for (const mutation of c.data) applyData(data, mutation);
    text = c.json ? JSON.stringify(data) : stringify(data);
  }
  return c.text.reduce(applyText, text);
}

/** Values no plan may hold anywhere: a text past every bound, a number past every bound or not finite. */
function holdsOutOfBounds(c: Case): boolean {
  if (c.text.some((m) => m.op === 'char' || m.op === 'line' || m.op === 'truncate')) return false;
  const data = parse(EXAMPLES[c.example]!) as Json;
  for (const mutation of c.data) applyData(data, mutation);
  return slotsOf(data).some(({ parent, key }) => {
    const value = (parent as Record<string | number, Json>)[key];
    return (typeof value === 'string' && value.length > 10_000) || (typeof value === 'number' && !(Math.abs(value) <= 1e12));
  });
}

/** Expands an accepted plan the way the workflows will: every step, its first assignment, its deadline and notices. */
function expand(plan: Plan): number {
  const { issuedOn, period } = plan.document;
  const steps = stepsOf(plan, 'plan/fuzz', issuedOn ?? `${period?.from ?? 2024}-01-01`);
  for (const step of steps) {
    const first = step.assignees[0];
    if (first) AssignmentSpec.parse(assignmentSpec(step, first, step.cycles?.[0]));
    for (const day of [step.common.lastDay, ...(step.cycles ?? []).map((c) => c.lastDay)]) {
      if (day === undefined) continue;
      if (!Number.isFinite(deadlineInstant(day))) throw new Error(`${step.stepId}: no instant for ${day}`);
      noticeSchedule(day, step.common.policy);
    }
  }
  return steps.reduce((n, s) => n + s.assignees.length, 0);
}

test(`${RUNS} mutated plan files: none crashes or hangs the loader, every accepted one expands`, () => {
  const counts = { tried: 0, refused: 0, accepted: 0, crashed: 0, hung: 0 };
  let slowest = 0;
  fc.assert(
    fc.property(mutatedPlan, (c) => {
      counts.tried++;
      const text = planText(c);
      const start = process.cpuUsage();
      let result: Validation;
      try {
        result = loadPlanText(text, 'en');
        if (result.ok) expand(result.plan);
      } catch (error) {
        counts.crashed++;
        throw error;
      }
      // CPU time, not wall time: a hang is work, and the machine may be shared with other suites.
      const { user, system } = process.cpuUsage(start);
      const ms = (user + system) / 1_000;
      slowest = Math.max(slowest, ms);
      if (ms > HUNG_MS) {
        counts.hung++;
        throw new Error(`took ${Math.round(ms)} ms of CPU`);
      }
      counts[result.ok ? 'accepted' : 'refused']++;
      if (result.ok && holdsOutOfBounds(c)) throw new Error('a plan holding an out-of-bounds value was accepted');
      if (!result.ok && result.problems.length === 0) throw new Error('refused without a problem');
    }),
    { seed: 20_261_125, numRuns: RUNS },
  );
  console.log(`plan fuzz: tried ${counts.tried} / refused ${counts.refused} / accepted ${counts.accepted} / crashed ${counts.crashed} / hung ${counts.hung} (slowest ${Math.round(slowest)} ms of CPU)`);
  expect(counts.tried).toBe(RUNS);
  // Mutations keep some plans valid (a field moved, a duplicate line in a list) and break most: both must occur,
  // or the mutations (or the loader) have stopped doing their job.
  expect(counts.accepted).toBeGreaterThan(0);
  expect(counts.refused).toBeGreaterThan(counts.accepted);
  expect({ crashed: counts.crashed, hung: counts.hung }).toEqual({ crashed: 0, hung: 0 });
}, 600_000);
