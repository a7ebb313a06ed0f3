// The benchmark's table, as printed and as pasted into the README's "Benchmark" section (Markdown).
import type { BenchResults, ScaleResult } from './results';
import type { Spread } from './stats';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const latency = (l: BenchResults['updates']['bare']) => `${l.p50} / ${l.p95} / ${l.p99}`;
const spread = ([min, med, max]: Spread, unit = '') => `${med}${unit} (${min}–${max})`;

function scaleRow(s: ScaleResult): string {
  const outcome = s.outcome === 'closed' ? 'closed' : `**${s.outcome}**${s.error ? `: ${s.error.slice(0, 160).replace(/\|/g, '/').replace(/\s+/g, ' ')}` : ''}`;
  const closed = s.planClosedSeconds === undefined ? '' : s.planClosedSeconds.toFixed(1);
  return `| ${s.communes} × ${s.clauses} × ${s.cycles} | ${outcome} | ${closed} | ${s.wallSeconds.toFixed(1)} | ${mib(s.peakRssBytes)} | ${s.maxHistoryEvents} | ${kib(s.maxHistoryBytes)} | ${kib(s.maxPayloadBytes)} | ${s.maxSignalsPerRun} |`;
}

export function table(r: BenchResults, notes: string[]): string {
  const { planflow, bare, ratio } = r.throughput;
  return [
    `Machine: ${r.machine.cpus} CPUs, ${mib(r.machine.memoryBytes)}, load average ${r.machine.loadavg.join(' / ')} (1/5/15 min, at the end of the run)`,
    ...notes,
    '',
    '| dev server | planflow | bare | planflow ÷ bare, median (min–max of rounds) |',
    '|---|---|---|---|',
    `| assignments/s | ${planflow.assignmentsPerSecond} | ${bare.assignmentsPerSecond} | ${spread(ratio.throughput, '×')} |`,
    `| worker CPU ms per assignment | ${planflow.cpuMsPerAssignment} | ${bare.cpuMsPerAssignment} | ${spread(ratio.cpu, '×')} |`,
    `| Update p50 / p95 / p99 ms | ${latency(r.updates.planflow)} | ${latency(r.updates.bare)} | p99 ${(r.updates.planflow.p99 / r.updates.bare.p99).toFixed(2)}× |`,
    `| \`planflow status\` ms | ${spread(r.cli.statusMs)} | | |`,
    '',
    ...scaleTable(r.scale),
  ].join('\n');
}

/** The time-skipping scenarios: one row each, then which workflow holds each maximum (when the histories were read). */
export function scaleTable(rows: ScaleResult[]): string[] {
  return [
    '| time-skipping: communes × clauses × cycles | outcome | plan closed s | wall s (all ended) | worker peak RSS | max events | max history | max payload | max signals/run |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(scaleRow),
    '', // a blank line ends the Markdown table before the notes
    ...rows.flatMap((s) => [
      ...(s.heldBy ? [`- ${s.communes} × ${s.clauses} × ${s.cycles}, largest: ${Object.entries(s.heldBy).map(([k, id]) => `${k} in \`${id}\``).join('; ')}`] : []),
      ...(s.taskFailures ?? []).map((f) => `- ${s.communes} × ${s.clauses} × ${s.cycles}, workflow task failure: ${f}`),
    ]),
  ];
}
