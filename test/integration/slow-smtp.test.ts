// A mail server that stores a message but answers after the client has given up (issue 12): the message was handed
// over (its final dot sent) and no answer came, so the notice is marked uncertain and never sent again — not by the
// attempt that timed out, not by a retry inside the claim's lease, not by one after it.
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

const outcome = (p: Promise<{ delivered: boolean; uncertain?: boolean }>) =>
  p.then((r) => (r.delivered ? 'delivered' : r.uncertain ? 'uncertain' : 'already-sent'), (e: unknown) => e);

describeOnBothBackends('a reply slower than the client', (backend) => {
  test('the message handed over without an answer is marked uncertain and never sent again', async () => {
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
    expect(await first!(n)).toEqual({ delivered: false, uncertain: true });
    expect(smtp.to(address)).toHaveLength(1); // the server kept it; the client never heard so
    expect(await createStoreSentLog(db, 'operator').uncertainCount()).toBe(1);

    // The server is quick again. Retries inside the lease, and after it, find the notice uncertain and send nothing.
    smtp.replyDelayMs = 0;
    const retries: unknown[] = [];
    while (Date.now() - claimedAt < LEASE_MS + 1_000) {
      retries.push(await outcome(retry!(n)));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(retries.length).toBeGreaterThan(5);
    for (const o of retries) expect(o).toBe('uncertain');
    const copies = smtp.to(address);
    console.log(`slow SMTP (${backend.name}): reply after ${SLOW_REPLY_MS} ms, client timeout ${SOCKET_TIMEOUT_MS} ms, lease ${LEASE_MS} ms: ` +
      `${copies.length} copy of 1 notice; ${retries.length} retries over ${((Date.now() - claimedAt) / 1000).toFixed(1)} s sent none`);
    expect(copies).toHaveLength(1);
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
