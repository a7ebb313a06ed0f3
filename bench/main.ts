// `npm run bench [-- --quick]`: planflow beside a bare Temporal baseline of the same shape — interleaved throughput
// and Update-latency rounds on the dev server, scale scenarios on the time-skipping server, `planflow status` through
// the real CLI — printing a table and writing bench/results/latest.json. Never part of `npm test`.
// `--only scale` runs the scale scenarios alone (writing bench/results/<UTC date>-scale.json after each scenario);
// `--only dev` runs the dev server's rounds alone and prints them round by round, writing nothing (for trying a change);
// `--scale 10598,1,1` (repeatable) runs the given communes,clauses,cycles instead of the mode's.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDevServerEnv } from '../test/helpers/temporal-env';
import { type Bundles, prepareBundles } from './bundles';
import { statusTimes } from './cli-status';
import { basePlan, type ScaleScenario } from './plans';
import { pause } from './pool';
import { checkResults, ScaleResult, ScaleResults, type BenchResults } from './results';
import { scaleScenario } from './scale';
import { latencySummary, median, pairedRatios, round, spread } from './stats';
import { scaleTable, table } from './table';
import { bareRound, planflowRound, type RoundResult, type Side } from './throughput';
import { startWorker } from './workers';

const ROOT = join(__dirname, '..');
const MINUTE = 60_000;

interface Settings {
  rounds: number;
  assignments: number;
  warmup: number;
  concurrency: number;
  statusRuns: number;
  scale: ScaleScenario[];
  scaleLimitMs: number;
  /** How long reading a scenario's histories may take, after its run. */
  historyLimitMs: number;
}

type Mode = 'smoke' | 'quick' | 'full';

const SETTINGS: Record<Mode, Settings> = {
  // `--smoke` only checks that the harness runs end to end (tiny counts, nothing written).
  smoke: {
    rounds: 3, assignments: 3, warmup: 2, concurrency: 50, statusRuns: 1, scaleLimitMs: 2 * MINUTE, historyLimitMs: MINUTE,
    scale: [{ communes: 5, clauses: 1, cycles: 1 }, { communes: 3, clauses: 2, cycles: 2 }],
  },
  quick: {
    rounds: 3, assignments: 100, warmup: 20, concurrency: 50, statusRuns: 3, scaleLimitMs: 2.5 * MINUTE, historyLimitMs: MINUTE,
    scale: [{ communes: 300, clauses: 1, cycles: 1 }, { communes: 100, clauses: 5, cycles: 2 }],
  },
  // The issue's sizes; the goal is 10 minutes each, the limit leaves room to see how far past it a run ends.
  full: {
    rounds: 3, assignments: 500, warmup: 50, concurrency: 50, statusRuns: 5, scaleLimitMs: 20 * MINUTE, historyLimitMs: 5 * MINUTE,
    scale: [{ communes: 10_598, clauses: 1, cycles: 1 }, { communes: 3_321, clauses: 5, cycles: 2 }],
  },
};

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface DevServerRun {
  bare: RoundResult[];
  planflow: RoundResult[];
  statusMs: number[];
}

/** Rounds alternate which side goes first, so neither always runs on the machine the other just warmed. */
async function devServerRounds(s: Settings, bundles: Bundles): Promise<DevServerRun> {
  const env = await createDevServerEnv();
  const sides: Partial<Record<'bare' | 'planflow', Side>> = {};
  try {
    for (const kind of ['bare', 'planflow'] as const) {
      const taskQueue = `bench-${kind}`;
      sides[kind] = { client: env.client, taskQueue, worker: await startWorker({ kind, address: env.address, taskQueue, bundlePath: bundles.paths[kind] }) };
    }
    const bare = sides.bare!;
    const planflow = sides.planflow!;
    const base = basePlan(ROOT, Date.now());
    const stamp = Date.now().toString(36);
    log(`warm-up: ${s.warmup} assignments each`);
    await bareRound(bare, s.warmup, s.concurrency, `${stamp}-warmup`);
    await planflowRound(planflow, base, s.warmup, s.concurrency, `${stamp}-warmup`);
    const run: DevServerRun = { bare: [], planflow: [], statusMs: [] };
    let lastPlan = '';
    for (let r = 1; r <= s.rounds; r++) {
      const order = r % 2 === 1 ? ['bare', 'planflow'] as const : ['planflow', 'bare'] as const;
      for (const kind of order) {
        await pause(2_000); // let the previous round's children finish before the next is measured
        if (kind === 'bare') run.bare.push(await bareRound(bare, s.assignments, s.concurrency, `${stamp}-${r}`));
        else {
          const result = await planflowRound(planflow, base, s.assignments, s.concurrency, `${stamp}-${r}`);
          lastPlan = result.planId;
          run.planflow.push(result);
        }
        const last = run[kind].at(-1)!;
        log(`round ${r} ${kind}: ${last.assignments} in ${last.seconds.toFixed(1)} s, worker CPU ${Math.round(last.cpuMs)} ms`);
      }
    }
    log(`planflow status ${lastPlan} × ${s.statusRuns}`);
    run.statusMs = await statusTimes(ROOT, env.address, lastPlan, s.statusRuns);
    return run;
  } finally {
    for (const side of Object.values(sides)) await side.worker.stop();
    await env.teardown();
  }
}

const perSecond = (r: RoundResult) => r.assignments / r.seconds;
const cpuPer = (r: RoundResult) => r.cpuMs / r.assignments;

function throughputOf(rounds: RoundResult[]) {
  return { assignmentsPerSecond: round(median(rounds.map(perSecond))), cpuMsPerAssignment: round(median(rounds.map(cpuPer))) };
}

const roundAll = (values: number[]) => values.map((v) => round(v)) as [number, number, number];

/** Called after each scenario, so a run stopped midway keeps what it measured. */
type OnScenario = (result: ScaleResult) => void;

async function scaleRuns(s: Settings, bundles: Bundles, onScenario: OnScenario = () => undefined): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const scenario of s.scale) {
    log(`scale ${scenario.communes} × ${scenario.clauses} × ${scenario.cycles} (limit ${s.scaleLimitMs / MINUTE} min)`);
    // A scenario that cannot even start its server or worker is recorded as failed, like one that breaks midway.
    const result = await scaleScenario(ROOT, scenario, { runMs: s.scaleLimitMs, historyMs: s.historyLimitMs }, bundles.paths.planflow).catch((error: unknown): ScaleResult => ({
      ...scenario, outcome: 'failed', error: String(error).slice(0, 2_000), wallSeconds: 0, peakRssBytes: 0,
      maxHistoryEvents: 0, maxHistoryBytes: 0, maxPayloadBytes: 0, maxSignalsPerRun: 0,
    }));
    const cpu = result.workerCpuSeconds === undefined ? '' : `, worker CPU ${result.workerCpuSeconds.toFixed(1)} s`;
    log(`  ${result.outcome} in ${result.wallSeconds.toFixed(1)} s${cpu}${result.error ? `: ${result.error}` : ''}`);
    results.push({ ...result, wallSeconds: round(result.wallSeconds, 1), ...(result.workerCpuSeconds === undefined ? {} : { workerCpuSeconds: round(result.workerCpuSeconds, 1) }) });
    onScenario(results.at(-1)!);
  }
  return results;
}

const machine = () => ({ cpus: cpus().length, memoryBytes: totalmem(), loadavg: roundAll(loadavg()) });

const Scenario = ScaleResult.pick({ communes: true, clauses: true, cycles: true });
const sameScenario = (a: ScaleScenario, b: ScaleScenario) => a.communes === b.communes && a.clauses === b.clauses && a.cycles === b.cycles;

interface Options {
  mode: Mode;
  only?: 'scale' | 'dev';
  scale?: ScaleScenario[];
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean' }, quick: { type: 'boolean' }, full: { type: 'boolean' },
      only: { type: 'string' }, scale: { type: 'string', multiple: true },
    },
  });
  const only = values.only;
  if (only !== undefined && only !== 'scale' && only !== 'dev') throw new Error(`--only: "scale" or "dev", not "${only}"`);
  const scale = values.scale?.map((text) => {
    const [communes, clauses, cycles] = text.split(',').map(Number);
    const parsed = Scenario.safeParse({ communes, clauses, cycles });
    if (!parsed.success) throw new Error(`--scale ${text}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
  return { mode: values.smoke ? 'smoke' : values.quick ? 'quick' : 'full', only, scale };
}

/**
 * Today's scale file, with `result` in place of an earlier result of the same scenario: separate runs of one day's
 * scenarios end up side by side in one file, with the machine facts of the latest.
 */
function recordScale(result: ScaleResult): ScaleResults {
  const path = join(__dirname, 'results', `${new Date().toISOString().slice(0, 10)}-scale.json`);
  const earlier = existsSync(path) ? checkResults(JSON.parse(readFileSync(path, 'utf8')), ScaleResults) : undefined;
  const kept = earlier?.ok ? earlier.results.scale.filter((r) => !sameScenario(r, result)) : [];
  const checked = checkResults({ machine: machine(), scale: [...kept, result] }, ScaleResults);
  if (!checked.ok) throw new Error(`${path} would not match its schema:\n${checked.problems.join('\n')}`);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(checked.results, null, 2)}\n`);
  log(`  written to ${path}`);
  return checked.results;
}

async function scaleOnly(mode: Mode, settings: Settings): Promise<void> {
  const bundles = await prepareBundles();
  try {
    const results = await scaleRuns(settings, bundles, mode === 'smoke' ? undefined : recordScale);
    console.log([`Command: npm run bench -- ${process.argv.slice(2).join(' ')}`, `Machine: ${JSON.stringify(machine())}`, '', ...scaleTable(results)].join('\n'));
  } finally {
    bundles.remove();
  }
}

/** The dev server's rounds alone, each round's figures and the paired ratios, for comparing a change by hand. */
async function devOnly(settings: Settings): Promise<void> {
  const bundles = await prepareBundles();
  try {
    const dev = await devServerRounds(settings, bundles);
    const p99 = (rounds: RoundResult[]) => round(latencySummary(rounds.flatMap((r) => r.updateMs)).p99, 1);
    console.log([
      `planflow CPU ms/assignment by round: ${dev.planflow.map((r) => round(cpuPer(r))).join(', ')}`,
      `bare CPU ms/assignment by round: ${dev.bare.map((r) => round(cpuPer(r))).join(', ')}`,
      `CPU ratio (min, median, max): ${roundAll(pairedRatios(dev.planflow.map(cpuPer), dev.bare.map(cpuPer))).join(', ')}`,
      `Update p99 ms: planflow ${p99(dev.planflow)}, bare ${p99(dev.bare)}`,
      `planflow status ms: ${dev.statusMs.map((v) => round(v, 0)).join(', ')}`,
    ].join('\n'));
  } finally {
    bundles.remove();
  }
}

async function main(): Promise<void> {
  const { mode, only, scale: chosen } = options();
  const settings = { ...SETTINGS[mode], ...(chosen ? { scale: chosen } : {}) };
  const loadAtStart = loadavg().map((l) => round(l));
  log(`${mode} run${only ? ` (${only} only)` : ''}; load average ${loadAtStart.join(' / ')}`);
  if (only === 'scale') return scaleOnly(mode, settings);
  if (only === 'dev') return devOnly(settings);
  const bundles = await prepareBundles();
  let dev: DevServerRun;
  let scale: ScaleResult[];
  try {
    dev = await devServerRounds(settings, bundles);
    scale = await scaleRuns(settings, bundles);
  } finally {
    bundles.remove();
  }
  const all = (rounds: RoundResult[]) => rounds.flatMap((r) => r.updateMs);
  const latency = (rounds: RoundResult[]) => {
    const l = latencySummary(all(rounds));
    return { p50: round(l.p50, 1), p95: round(l.p95, 1), p99: round(l.p99, 1) };
  };
  const results: BenchResults = {
    machine: machine(),
    throughput: {
      planflow: throughputOf(dev.planflow),
      bare: throughputOf(dev.bare),
      ratio: {
        throughput: roundAll(pairedRatios(dev.planflow.map(perSecond), dev.bare.map(perSecond))),
        cpu: roundAll(pairedRatios(dev.planflow.map(cpuPer), dev.bare.map(cpuPer))),
      },
    },
    updates: { planflow: latency(dev.planflow), bare: latency(dev.bare) },
    scale,
    cli: { statusMs: roundAll(spread(dev.statusMs).map((v) => round(v, 0))) },
  };
  const checked = checkResults(results);
  if (!checked.ok) throw new Error(`bench/results/latest.json would not match its schema:\n${checked.problems.join('\n')}`);
  if (mode !== 'smoke') {
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'latest.json'), `${JSON.stringify(checked.results, null, 2)}\n`);
  }
  console.log(table(checked.results, [
    `Command: npm run bench${mode === 'full' ? '' : ` -- --${mode}`}; load average at the start ${loadAtStart.join(' / ')}.`,
    `Dev server: ${settings.rounds} interleaved rounds of ${settings.assignments} assignments per side (after a ${settings.warmup}-assignment warm-up), ` +
      `${settings.concurrency} concurrent clients, each worker in its own child process (CPU = its process.cpuUsage()).`,
  ]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
