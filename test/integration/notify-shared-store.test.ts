// Two workers' notify activities on one store (PGlite and a real PostgreSQL server) and one real SMTP server that
// answers slowly: the same notice, run by both at once and retried on each, reaches its recipient exactly once.
import { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import { createActivities } from '../../activities';
import { loadMailConfig } from '../../activities/email/config';
import { createMailer } from '../../activities/email/mailer';
import type { Notification } from '../../model/notifications';
import { createStoreSentLog } from '../../store/sent-log';
import { reminderNotice, useMailTestbed } from '../helpers/mail-testbed';
import { describeOnBothBackends } from '../store/backends';

const { smtp, dataDir, mailers } = useMailTestbed('planflow-shared-');
smtp.replyDelayMs = 150;

/**
 * A worker's notify, as Temporal would run it: a 'busy' answer is retried after a pause (for up to 90 s). The pause
 * is a second, not Temporal's 10 s, to keep the test short; shorter, the 60 waiting attempts' claims keep PGlite (one
 * thread, in this process) so busy that the senders they wait for starve on a loaded machine.
 */
async function runWithRetries(notify: (n: Notification) => Promise<{ delivered: boolean }>, n: Notification): Promise<boolean> {
  for (const until = Date.now() + 90_000; Date.now() < until;) {
    try {
      return (await notify(n)).delivered;
    } catch (error) {
      if (!(error instanceof ApplicationFailure) || error.type !== 'notice-busy') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  throw new Error('still busy after 90 s');
}

describeOnBothBackends('notify on a shared store', (backend) => {
  test('two workers sending the same twenty notices at once deliver each exactly once', async () => {
    const db = await backend.open();
    const workers = await Promise.all(['worker-a', 'worker-b'].map(async (owner, i) => {
      const config = loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'planflow <planflow@vanquan.example>', PLANFLOW_DATA_DIR: join(dataDir, owner) });
      const mailer = createMailer(config);
      mailers.push(mailer);
      return createActivities(config, mailer, createStoreSentLog(i === 0 ? db : await backend.openAgain(), owner));
    }));
    const addresses = Array.from({ length: 20 }, (_, i) => `xa-${backend.name}-${i}@vanquan.example`);
    const results = await Promise.all(addresses.flatMap((address) => {
      const n = reminderNotice(`plan/shared/${address}/reminder-3@v0`, address);
      // Each worker runs the notice, and each runs it again (a retried activity whose completion was lost).
      return workers.flatMap((w) => [runWithRetries(w.notify, n), runWithRetries(w.notify, n)]);
    }));
    expect(results.filter(Boolean)).toHaveLength(addresses.length);
    for (const address of addresses) expect(smtp.to(address)).toHaveLength(1);
  }, 240_000);
});
