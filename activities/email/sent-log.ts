// The durable record of what was delivered, keyed by idempotency key: a retried activity whose earlier attempt
// delivered (but whose completion was lost) finds its entry and does not deliver again.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SentEntry {
  key: string;
  messageId: string;
  to: string[];
  at: string;
}

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

export function createSentLog(dir: string) {
  const path = (key: string) => join(dir, `${keyHash(key)}.json`);
  return {
    async get(key: string): Promise<SentEntry | undefined> {
      try {
        return JSON.parse(await readFile(path(key), 'utf8')) as SentEntry;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async record(entry: SentEntry): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeFile(path(entry.key), `${JSON.stringify(entry)}\n`);
    },
  };
}
export type SentLog = ReturnType<typeof createSentLog>;
