// The notify activity: renders a notification as an email and delivers it exactly once per idempotency key.
// The key becomes the Message-ID; a durable sent-log stops a retried attempt from delivering twice; transient
// failures (no connection, 4xx) are thrown for Temporal to retry with backoff; permanent ones (5xx, a refused
// address) fail at once as 'undeliverable', which the workflow records and escalates instead of retrying forever.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type Mail from 'nodemailer/lib/mailer';
import { Notification } from '../model/notifications';
import { DOCX_TYPE, reportDocx } from './documents';
import { portalUrl, type MailConfig } from './email/config';
import type { Mailer } from './email/mailer';
import { keyHash, type SentEntry } from './email/sent-log';
import { oneLine, renderEmail } from './email/templates';

/**
 * What was sent: a folder of files on one machine, or the store shared by every worker (store/sent-log.ts). The
 * store also claims a notice before the SMTP transaction ('sending'), so a retried activity on another worker
 * waits instead of sending it a second time.
 */
export interface SentLog {
  get(key: string): Promise<SentEntry | undefined>;
  record(entry: SentEntry): Promise<void>;
  claim?(key: string, options?: { leaseMs?: number }): Promise<'send' | 'sent' | 'busy'>;
  release?(key: string): Promise<void>;
}

export interface NotifyDeps {
  config: MailConfig;
  mailer: Mailer;
  sentLog: SentLog;
}

export function createNotify({ config, mailer, sentLog }: NotifyDeps) {
  const domain = /@([^>\s]+)/.exec(config.MAIL_FROM)?.[1] ?? 'planflow.invalid';
  return async function notify(input: Notification): Promise<{ delivered: boolean }> {
    const notification = Notification.parse(input);
    // Rendered before the claim: a template or document that fails must not hold the notice for a whole lease.
    const email = renderEmail(notification, portalUrl(config));
    const attachments = await attachmentsOf(notification);
    const claim = sentLog.claim
      ? await sentLog.claim(notification.key, { leaseMs: config.PLANFLOW_SEND_LEASE_MS })
      : (await sentLog.get(notification.key)) ? 'sent' : 'send';
    if (claim === 'sent') return { delivered: false };
    // Another worker holds it mid-send (or died holding it, until its lease ends): check again later, never send blind.
    if (claim === 'busy') throw ApplicationFailure.retryable('another worker is sending this notice', 'notice-busy');
    const messageId = `<${keyHash(notification.key)}@${domain}>`;
    const to = notification.to.emails.map((address) => ({ name: oneLine(notification.to.name), address }));
    try {
      const { rejected } = await heartbeating(() => mailer.send({
        from: config.MAIL_FROM, to, subject: email.subject, text: email.text, html: email.html, messageId, attachments,
        headers: { 'X-Planflow-Key': oneLine(notification.key) },
      }));
      await sentLog.record({ key: notification.key, messageId, to: notification.to.emails.filter((a) => !rejected.includes(a)), at: new Date().toISOString() });
      return { delivered: true };
    } catch (error) {
      // A server that may already hold the message keeps the claim until its lease ends: a retry meanwhile finds the
      // notice 'sending' and waits instead of sending it blind a second time.
      if (!mayHaveBeenStored(error)) await sentLog.release?.(notification.key);
      if (isPermanent(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw ApplicationFailure.create({
          type: 'undeliverable', nonRetryable: true, message: reason,
          details: [{ address: notification.to.emails.join(', '), reason }],
        });
      }
      throw error;
    }
  };
}

/** Well under any heartbeat timeout a deployment gives `notify` (the workflows set none yet: workflows/notifications.ts). */
const HEARTBEAT_MS = 5_000;

/**
 * Beats while the SMTP transaction runs, so a worker that dies mid-send is noticed within the heartbeat timeout
 * rather than at start-to-close. Outside an activity (tests calling `notify` directly) it just runs.
 */
async function heartbeating<T>(run: () => Promise<T>): Promise<T> {
  let context: Context | undefined;
  try {
    context = Context.current();
  } catch {
    return run();
  }
  context.heartbeat();
  const beat = setInterval(() => context.heartbeat(), HEARTBEAT_MS);
  try {
    return await run();
  } finally {
    clearInterval(beat);
  }
}

/** The consolidated report travels as its official document, for the recipient to file or forward. */
async function attachmentsOf(n: Notification): Promise<Mail.Attachment[]> {
  if (n.data.event !== 'consolidated-report' || !n.data.report) return [];
  const r = n.data.report;
  // ASCII file names: some mail clients still mangle encoded Vietnamese names.
  const name = [r.supplement ? 'bao-cao-bo-sung' : 'bao-cao-tong-hop', r.consolidationId, r.result.asOf].join('-').replace(/[^A-Za-z0-9-]+/g, '-');
  return [{ filename: `${name}.docx`, content: await reportDocx(r), contentType: DOCX_TYPE }];
}

/**
 * Whether the server may hold the message although the client saw a failure: the connection went silent or dropped
 * after it was open (the reply to the message's final dot can be what never came). A reply from the server, a refused
 * envelope, or a server never reached or that never greeted did not take the message.
 */
function mayHaveBeenStored(error: unknown): boolean {
  const { responseCode, code, timeoutType, originalCode } = error as { responseCode?: number; code?: string; timeoutType?: string; originalCode?: string };
  if (typeof responseCode === 'number' || code === 'EENVELOPE') return false;
  if (timeoutType === 'CONNECT_TIMEOUT' || timeoutType === 'GREETING_TIMEOUT') return false;
  return !(code === 'ESOCKET' && (originalCode === 'ECONNREFUSED' || originalCode === 'ENOTFOUND' || originalCode === 'EHOSTUNREACH'));
}

/** A 5xx reply or a refused recipient will not get better by retrying; a lost connection or a 4xx may. */
function isPermanent(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500;
  return code === 'EENVELOPE';
}
