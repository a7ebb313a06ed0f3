// Recorded workflow histories for replay tests. `RECORD_HISTORIES=1 npm run jest` writes them from the lifecycle
// suites; they are committed, and test/workflows/replay.test.ts replays every one against today's workflow code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ROOT } from './files';

export const HISTORIES_DIR = join(ROOT, 'test', 'histories');

export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  // A recording is kept for good: new code adds new recordings beside it (a new name), never over it.
  if (existsSync(join(HISTORIES_DIR, `${name}.json`))) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  // The workflow id is kept beside the history: replay builds child ids from it.
  const recorded = { workflowId, history: JSON.parse(historyToJSON(history)) as unknown };
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(recorded)}\n`);
}

export interface RecordedHistory {
  workflowId: string;
  history: unknown;
}

/** A recorded history as `Worker.runReplayHistories` takes it, from its file name in HISTORIES_DIR. */
export function readHistory(file: string): { workflowId: string; history: ReturnType<typeof historyFromJSON> } {
  const recorded = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')) as RecordedHistory;
  return { workflowId: recorded.workflowId, history: historyFromJSON(recorded.history) };
}
