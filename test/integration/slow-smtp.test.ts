// A mail server that stores a message but answers after the client has given up (issue 12): the retried notify must
// find the notice 'sending' in the store's sent-log and wait while the claim holds instead of sending it blind. What
// remains is measured here: after the lease the retry cannot know the server kept the first copy, and sends again.
import { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import { createActivities } from '../../activities';
import { loadMailConfig } from '../../activities/email/config';
import { createMailer } from '../../activities/email/mailer';
import { createStoreSentLog } from '../../store/sent-log';
import { reminderNotice, useMailTestbed } from '../helpers/mail-testbed';
import { describeOnBothBackends } from '../store/backends';

// The client waits 1 s for a reply; the server answers the first message after 2.5 s; a claim holds 4 s.
const SOCKET_TIMEOUT_MS = 1_000;
const SLOW_REPLY_MS = 2_500;
const LEASE_MS = 4_000;

const { smtp, dataDir, mailers } = useMailTestbed('planflow-slow-smtp-');

const outcome = (p: Promise<{ delivered: boolean }>) => p.then((r) => (r.delivered ? 'delivered' : 'already-sent'), (e: unknown) => e);

describeOnBothBackends('a reply slower than the client', (backend) => {
  test('the retry waits while the claim holds; after the lease it sends the one copy the design cannot rule out', async () => {
    const db = await backend.open();
    const [first, retry] = await Promise.all(['worker-a', 'worker-b'].map(async (owner, i) => {
      const config = loadMailConfig({
        SMTP_URL: smtp.url, MAIL_FROM: 'planflow <planflow@vanquan.example>', PLANFLOW_DATA_DIR: join(dataDir, owner),
        SMTP_CONNECTION_TIMEOUT_MS: '500', SMTP_GREETING_TIMEOUT_MS: '500', SMTP_SOCKET_TIMEOUT_MS: String(SOCKET_TIMEOUT_MS), PLANFLOW_SEND_LEASE_MS: String(LEASE_MS),
      });
      const mailer = createMailer(config);
      mailers.push(mailer);
      return createActivities(config, mailer, createStoreSentLog(i === 0 ? db : await backend.openAgain(), owner)).notify;
    }));
    const address = `xa-${backend.name}@vanquan.example`;
    const n = reminderNotice(`plan/slow/${address}/reminder-1@v0`, address);

    smtp.replyDelayMs = SLOW_REPLY_MS;
    const claimedAt = Date.now();
    const timedOut = await outcome(first!(n));
    expect(timedOut).toMatchObject({ code: 'ETIMEDOUT' });
    expect(timedOut).not.toBeInstanceOf(ApplicationFailure);
    expect(smtp.to(address)).toHaveLength(1); // the server kept it; the client never heard so

    // The server is quick again. Retries inside the lease find the notice 'sending' and send nothing.
    smtp.replyDelayMs = 0;
    const insideLease: unknown[] = [];
    while (Date.now() - claimedAt < LEASE_MS - 500) {
      insideLease.push(await outcome(retry!(n)));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(insideLease.length).toBeGreaterThan(3);
    for (const o of insideLease) expect(o).toMatchObject({ type: 'notice-busy' });
    expect(smtp.to(address)).toHaveLength(1);

    // Past the lease the sender is taken for dead: the retry sends, with the same Message-ID; later retries do not.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, claimedAt + LEASE_MS + 100 - Date.now())));
    expect(await outcome(retry!(n))).toBe('delivered');
    expect(await outcome(first!(n))).toBe('already-sent');
    const copies = smtp.to(address);
    console.log(`slow SMTP (${backend.name}): reply after ${SLOW_REPLY_MS} ms, client timeout ${SOCKET_TIMEOUT_MS} ms, lease ${LEASE_MS} ms: ` +
      `${copies.length} copies of 1 notice, ${insideLease.length} retries inside the lease sent none`);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((c) => c.mail.messageId)).size).toBe(1);
  }, 60_000);

  test('a failure that proves the server lacks the message gives the claim back at once', async () => {
    const db = await backend.open();
    const config = loadMailConfig({ SMTP_URL: 'smtp://127.0.0.1:1', PLANFLOW_DATA_DIR: join(dataDir, 'down'), PLANFLOW_SEND_LEASE_MS: '60000' });
    const mailer = createMailer(config);
    mailers.push(mailer);
    const n = reminderNotice(`plan/slow/down-${backend.name}@vanquan.example/reminder-1@v0`, `down-${backend.name}@vanquan.example`);
    const refused = await outcome(createActivities(config, mailer, createStoreSentLog(db, 'worker-a')).notify(n));
    expect(refused).toMatchObject({ code: 'ESOCKET' }); // nothing listens on port 1: connection refused
    // Another worker may send it now, not after the one-minute lease.
    expect(await createStoreSentLog(await backend.openAgain(), 'worker-b').claim(n.key, { leaseMs: 60_000 })).toBe('send');
  });
});
