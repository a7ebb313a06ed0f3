// Reads a plan's workflow tree from its histories: every run of the plan, its steps and pages, and a sample of the
// assignments under each page, and reports the largest history (events, bytes), payload and signal count per run.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { inPool } from './pool';

type History = temporal.api.history.v1.IHistory;

export interface TreeStats {
  workflows: number;
  runs: number;
  maxHistoryEvents: number;
  maxHistoryBytes: number;
  maxPayloadBytes: number;
  maxSignalsPerRun: number;
}

/** Under a parent with many children (a page of assignments), the first and last few are read: they are alike. */
const SAMPLE_HEAD = 4;
const SAMPLE_TAIL = 2;

/** Every run of a workflow, newest first, walking back along continue-as-new. */
async function runsOf(client: Client, workflowId: string): Promise<History[]> {
  const runs: History[] = [];
  let runId: string | undefined;
  do {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId !== undefined && runs.length < 1_000);
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

function runStats(history: History) {
  const events = history.events ?? [];
  return {
    events: events.length,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    payload: largestPayload(events),
    signals: events.filter((e) => e.workflowExecutionSignaledEventAttributes).length,
    children: events.flatMap((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? []),
  };
}

const sample = (ids: string[]) => (ids.length <= SAMPLE_HEAD + SAMPLE_TAIL ? ids : [...ids.slice(0, SAMPLE_HEAD), ...ids.slice(-SAMPLE_TAIL)]);

export async function treeStats(client: Client, rootId: string): Promise<TreeStats> {
  const stats: TreeStats = { workflows: 0, runs: 0, maxHistoryEvents: 0, maxHistoryBytes: 0, maxPayloadBytes: 0, maxSignalsPerRun: 0 };
  let level = [rootId];
  while (level.length > 0) {
    const next: string[] = [];
    await inPool(level, 8, async (id) => {
      const runs = (await runsOf(client, id)).map(runStats);
      stats.workflows++;
      stats.runs += runs.length;
      for (const run of runs) {
        stats.maxHistoryEvents = Math.max(stats.maxHistoryEvents, run.events);
        stats.maxHistoryBytes = Math.max(stats.maxHistoryBytes, run.bytes);
        stats.maxPayloadBytes = Math.max(stats.maxPayloadBytes, run.payload);
        stats.maxSignalsPerRun = Math.max(stats.maxSignalsPerRun, run.signals);
      }
      next.push(...sample([...new Set(runs.flatMap((r) => r.children))]));
    });
    level = next;
  }
  return stats;
}
