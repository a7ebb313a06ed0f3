// Reads a plan's workflow tree from its histories: every run of the plan, its steps and pages, and the assignments
// under each page (a sample, or every one), and reports per run its events, bytes, largest payload and signals, the
// largest of each with the workflow that holds it, and the workflow tasks that failed or timed out on the way.
// Shared by the benchmark's scale scenarios and the national test (test/workflows/national.test.ts).
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { inPool } from './pool';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** One run of one workflow, as read from its history (payloads as stored: after the codec). */
export interface RunMeasure {
  workflowId: string;
  events: number;
  bytes: number;
  /** The largest single payload in the run, and the type of the event that carries it. */
  payload: number;
  payloadEvent: string;
  signals: number;
  /** Events by type (`ACTIVITY_TASK_SCHEDULED: 4,012`): what a long history is made of. */
  byType: Record<string, number>;
  /** The types of its last few events: where a run that hung stopped. */
  last: string[];
}

export const MEASURES = ['historyEvents', 'historyBytes', 'payloadBytes', 'signalsPerRun'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Largest {
  value: number;
  /** The run that holds it (`workflowId`, and the event type for a payload); empty while nothing was read. */
  heldBy: string;
}

export interface TreeStats {
  workflows: number;
  runs: number;
  max: Record<Measure, Largest>;
  /** Every run read (with `every`, one per run of the whole tree). */
  measures: RunMeasure[];
  /** Workflow tasks that failed or timed out: what a hang is made of (at most TASK_FAILURES_KEPT). */
  taskFailures: string[];
}

/** Under a parent with many children (a page of assignments), the first and last few are read: they are alike. */
const SAMPLE_HEAD = 4;
const SAMPLE_TAIL = 2;
const TASK_FAILURES_KEPT = 10;
const MAX_RUNS = 1_000;
const LAST_EVENTS = 6;
/**
 * The test server answers a history in one message, and a plan's passes gRPC's default 4 MiB receive limit at
 * 2,000 communes (5.1 MB measured): the reader's own connection takes what Temporal itself can store.
 */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/** Every run of a workflow, newest first, walking back along continue-as-new. */
async function runsOf(client: Client, workflowId: string): Promise<History[]> {
  const runs: History[] = [];
  let runId: string | undefined;
  do {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId !== undefined && runs.length < MAX_RUNS);
  return runs;
}

function isPayload(value: object): value is { data: Uint8Array; metadata?: Record<string, Uint8Array> } {
  return 'data' in value && value.data instanceof Uint8Array;
}

/** The size of the largest single payload anywhere in a value (inputs, results, update arguments, headers, memo). */
function largestPayload(value: unknown): number {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return 0;
  if (isPayload(value)) {
    return value.data.length + Object.values(value.metadata ?? {}).reduce((sum, m) => sum + (m instanceof Uint8Array ? m.length : 0), 0);
  }
  return Object.values(value).reduce((max: number, v) => Math.max(max, largestPayload(v)), 0);
}

const eventName = (e: HistoryEvent) => temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? `event ${e.eventType}`;

function countByType(events: HistoryEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const name = eventName(e).replace(/^EVENT_TYPE_/, '');
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** A failed or timed-out workflow task in words: its event, cause and message. */
function taskFailure(workflowId: string, e: HistoryEvent): string | undefined {
  const failed = e.workflowTaskFailedEventAttributes;
  if (failed) {
    const cause = temporal.api.enums.v1.WorkflowTaskFailedCause[failed.cause ?? 0] ?? String(failed.cause);
    return `${workflowId}: ${eventName(e)} ${cause}: ${failed.failure?.message ?? ''}`.slice(0, 400);
  }
  const timedOut = e.workflowTaskTimedOutEventAttributes;
  if (timedOut) return `${workflowId}: ${eventName(e)} ${temporal.api.enums.v1.TimeoutType[timedOut.timeoutType ?? 0] ?? ''}`;
  return undefined;
}

function runMeasure(workflowId: string, history: History) {
  const events = history.events ?? [];
  let payload = 0;
  let payloadEvent = '';
  for (const e of events) {
    const size = largestPayload(e);
    if (size > payload) [payload, payloadEvent] = [size, eventName(e)];
  }
  const measure: RunMeasure = {
    workflowId,
    events: events.length,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    payload,
    payloadEvent,
    signals: events.filter((e) => e.workflowExecutionSignaledEventAttributes).length,
    byType: countByType(events),
    last: events.slice(-LAST_EVENTS).map((e) => eventName(e).replace(/^EVENT_TYPE_/, '')),
  };
  return {
    measure,
    failures: events.flatMap((e) => taskFailure(workflowId, e) ?? []),
    children: events.flatMap((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? []),
  };
}

const valueOf = (m: RunMeasure, measure: Measure): number => {
  switch (measure) {
    case 'historyEvents':
      return m.events;
    case 'historyBytes':
      return m.bytes;
    case 'payloadBytes':
      return m.payload;
    case 'signalsPerRun':
      return m.signals;
    default:
      return measure satisfies never;
  }
};

const heldBy = (m: RunMeasure, measure: Measure) => (measure === 'payloadBytes' ? `${m.workflowId} (${m.payloadEvent})` : m.workflowId);

const sampleOf = (ids: string[]) => (ids.length <= SAMPLE_HEAD + SAMPLE_TAIL ? ids : [...ids.slice(0, SAMPLE_HEAD), ...ids.slice(-SAMPLE_TAIL)]);

/**
 * A sample of each kind of child (ids alike but for their number: pages, notice pages, assignments): a plan of 2,000
 * communes has eight notice pages beside its step, and one sample of all its children once left the step out.
 */
function sample(ids: string[]): string[] {
  const kinds = new Map<string, string[]>();
  for (const id of ids) {
    const kind = id.replace(/\d+$/, '');
    const alike = kinds.get(kind) ?? [];
    kinds.set(kind, alike);
    alike.push(id);
  }
  return [...kinds.values()].flatMap(sampleOf);
}

/**
 * Walks the tree from `rootId` (on the server at `address`, default namespace) down its children, level by level. By default a sample of each parent's children is
 * read (the benchmark's national plans have tens of thousands of alike assignments); `every` reads them all.
 */
export async function treeStats(address: string, rootId: string, options: { every?: boolean } = {}): Promise<TreeStats> {
  const connection = await Connection.connect({ address, channelArgs: { 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES } });
  try {
    return await walk(new Client({ connection }), rootId, options);
  } finally {
    await connection.close();
  }
}

async function walk(client: Client, rootId: string, options: { every?: boolean }): Promise<TreeStats> {
  const none = (): Largest => ({ value: 0, heldBy: '' });
  const stats: TreeStats = {
    workflows: 0, runs: 0, measures: [], taskFailures: [],
    max: { historyEvents: none(), historyBytes: none(), payloadBytes: none(), signalsPerRun: none() },
  };
  let level = [rootId];
  while (level.length > 0) {
    const next: string[] = [];
    await inPool(level, 8, async (id) => {
      const runs = (await runsOf(client, id)).map((h) => runMeasure(id, h));
      stats.workflows++;
      stats.runs += runs.length;
      for (const { measure: m, failures } of runs) {
        stats.measures.push(m);
        for (const key of MEASURES) {
          if (valueOf(m, key) > stats.max[key].value) stats.max[key] = { value: valueOf(m, key), heldBy: heldBy(m, key) };
        }
        stats.taskFailures.push(...failures.slice(0, TASK_FAILURES_KEPT - stats.taskFailures.length));
      }
      const children = [...new Set(runs.flatMap((r) => r.children))];
      next.push(...(options.every ? children : sample(children)));
    });
    level = next;
  }
  return stats;
}

/** The runs over a bound, in words (`workflowId: 12,345 events ≥ 10,000`): empty when every run keeps within it. */
export function overBounds(measures: readonly RunMeasure[], bounds: Partial<Record<Measure, number>>): string[] {
  return measures.flatMap((m) => MEASURES.flatMap((key) => {
    const bound = bounds[key];
    const value = valueOf(m, key);
    return bound !== undefined && value >= bound ? [`${heldBy(m, key)}: ${key} ${value} ≥ ${bound}`] : [];
  }));
}
