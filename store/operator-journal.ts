// Audit entries written while the embedded database is not ours to open. PGlite is one process's database: a CLI
// opening the folder `npm start` holds would read a stale copy and could corrupt it. So an operator's command appends
// its entry to a journal file beside the store (one line, one append), and the process that owns the store moves the
// lines into the audit log when it opens it and before it reads the log.
import { appendFile, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from './audit';
import type { StoreConfig } from './config';

export const journalPath = (config: StoreConfig) => join(config.PLANFLOW_DATA_DIR, 'store-audit-journal.jsonl');

// The entry is checked by the audit log when it is recorded (this module must not load audit.ts, which loads it).
const JournalLine = z.object({ at: z.iso.datetime(), entry: z.record(z.string(), z.unknown()) });
/** A journal larger than this is not an operator's afternoon: it is left for a person to look at. */
const MAX_JOURNAL_BYTES = 5 * 1024 * 1024;

export async function appendToJournal(path: string, entry: AuditEntry, at = new Date()): Promise<void> {
  const line = JSON.stringify(JournalLine.parse({ at: at.toISOString(), entry }));
  await appendFile(path, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
}

/**
 * Moves the journal's entries into the audit log: the file is first renamed (an append racing the move lands in the
 * renamed file or in a new one, never lost), then recorded, then removed. Returns how many were moved.
 */
export async function drainJournal(path: string, record: (entry: unknown, at: Date) => Promise<void>): Promise<number> {
  const claimed = `${path}.${process.pid}.moving`;
  try {
    await rename(path, claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const text = await readFile(claimed, 'utf8');
  if (text.length > MAX_JOURNAL_BYTES) throw new Error(`${claimed}: nhật ký thao tác chờ ghi lớn quá ${MAX_JOURNAL_BYTES} byte; cần kiểm tra`);
  let moved = 0;
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = JournalLine.safeParse(JSON.parse(line));
    if (!parsed.success) {
      console.warn(`planflow store: ${claimed} dòng ${index + 1}: bỏ qua dòng không hợp lệ`);
      continue;
    }
    await record(parsed.data.entry, new Date(parsed.data.at));
    moved += 1;
  }
  await unlink(claimed);
  return moved;
}

/** The journal of the configured embedded store, or undefined for a PostgreSQL server (written to directly). */
export const journalOf = (config: StoreConfig): string | undefined => (config.DATABASE_URL ? undefined : journalPath(config));
