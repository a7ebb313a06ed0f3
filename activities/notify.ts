// The notification activity: delivers one notification exactly once per idempotency key. Until email lands
// (issue 6) it records each notification as a JSON file in the outbox folder, named by a hash of its key, so a
// retried activity finds its earlier delivery and does not deliver again.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Notification } from '../model/notifications';

export interface NotifyDeps {
  outboxDir: string;
}

export function createNotify({ outboxDir }: NotifyDeps) {
  return async function notify(input: Notification): Promise<{ delivered: boolean }> {
    const notification = Notification.parse(input);
    await mkdir(outboxDir, { recursive: true });
    const file = join(outboxDir, `${createHash('sha256').update(notification.key).digest('hex').slice(0, 32)}.json`);
    try {
      await writeFile(file, `${JSON.stringify(notification, null, 2)}\n`, { flag: 'wx' });
      return { delivered: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { delivered: false };
      throw error;
    }
  };
}
