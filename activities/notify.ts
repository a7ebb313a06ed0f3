// The notify activity: renders a notification as an email and delivers it exactly once per idempotency key.
// The key becomes the Message-ID; a durable sent-log stops a retried attempt from delivering twice (a message handed
// to the server whose answer never came is marked uncertain, and never resent); transient
// failures (no connection, 4xx) are thrown for Temporal to retry with backoff; permanent ones (5xx, a refused
// address) fail at once as 'undeliverable', which the workflow records and escalates instead of retrying forever.
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type Mail from 'nodemailer/lib/mailer';
import { Notification } from '../model/notifications';
import { DOCX_TYPE, reportDocx } from './documents';
import { portalUrl, type MailConfig } from './email/config';
import type { Mailer } from './email/mailer';
import { keyHash, type SentEntry } from './email/sent-log';
import { hasReply } from './email/smtp-client';
import { oneLine, renderEmail } from './email/templates';

/**
 * What was sent: a folder of files on one machine, or the store shared by every worker (store/sent-log.ts). The
 * store also claims a notice before the SMTP transaction ('sending'), so a retried activity on another worker
 * waits instead of sending it a second time, and marks it 'handed-over' just before the server may take it.
 */
export interface SentLog {
  get(key: string): Promise<SentEntry | undefined>;
  record(entry: SentEntry): Promise<void>;
  claim?(key: string, options: { leaseMs?: number; attempt: string }): Promise<'send' | 'sent' | 'busy' | 'uncertain'>;
  handOver?(key: string, attempt: string): Promise<void>;
  markUncertain?(key: string, attempt: string): Promise<void>;
  release?(key: string, attempt: string): Promise<void>;
}

export interface NotifyDeps {
  config: MailConfig;
  mailer: Mailer;
  sentLog: SentLog;
}

/**
 * `delivered`: the server took it now. `uncertain`: it was handed to the server, whose answer never came (the
 * connection went silent after the message's final dot, or the sender died there): the server may hold it, so it is
 * not sent again — a possible loss made visible in the sent-log, instead of a likely second copy.
 */
export interface NotifyResult {
  delivered: boolean;
  uncertain?: boolean;
}

export function createNotify({ config, mailer, sentLog }: NotifyDeps) {
  const domain = /@([^>\s]+)/.exec(config.MAIL_FROM)?.[1] ?? 'planflow.invalid';
  return async function notify(input: Notification): Promise<NotifyResult> {
    const notification = Notification.parse(input);
    const { key } = notification;
    // Rendered before the claim: a template or document that fails must not hold the notice for a whole lease.
    const email = renderEmail(notification, portalUrl(config));
    const attachments = await attachmentsOf(notification);
    const attempt = randomUUID();
    const claim = sentLog.claim
      ? await sentLog.claim(key, { leaseMs: config.PLANFLOW_SEND_LEASE_MS, attempt })
      : (await sentLog.get(key)) ? 'sent' : 'send';
    switch (claim) {
      case 'sent':
        return { delivered: false };
      case 'uncertain':
        return { delivered: false, uncertain: true };
      case 'busy':
        // Another attempt holds it mid-send (or died holding it, until its lease ends): check again later, never send blind.
        throw ApplicationFailure.retryable('another worker is sending this notice', 'notice-busy');
      case 'send':
        break;
      default:
        return claim satisfies never;
    }
    const messageId = `<${keyHash(key)}@${domain}>`;
    const to = notification.to.emails.map((address) => ({ name: oneLine(notification.to.name), address }));
    try {
      const { rejected } = await heartbeating(() => mailer.send({
        from: config.MAIL_FROM, to, subject: email.subject, text: email.text, html: email.html, messageId, attachments,
        headers: { 'X-Planflow-Key': oneLine(key) },
      }, () => sentLog.handOver?.(key, attempt) ?? Promise.resolve()));
      await sentLog.record({ key, messageId, to: notification.to.emails.filter((a) => !rejected.includes(a)), at: new Date().toISOString() });
      return { delivered: true };
    } catch (error) {
      if ((error as { handedOver?: boolean }).handedOver && !hasReply(error)) {
        // The server may hold it and cannot be asked: never send it blind a second time.
        await sentLog.markUncertain?.(key, attempt);
        warn('notice handed to the SMTP server without an answer; not resent', { key, error: String(error) });
        return { delivered: false, uncertain: true };
      }
      // The server answered, or never had the whole message: a retry may send it now.
      await sentLog.release?.(key, attempt);
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
  // A local activity (a notice the clock sends: workflows/notifications.ts) has no heartbeat; its workflow task is
  // kept alive by the SDK instead.
  if (context.info.isLocal) return run();
  context.heartbeat();
  const beat = setInterval(() => context.heartbeat(), HEARTBEAT_MS);
  try {
    return await run();
  } finally {
    clearInterval(beat);
  }
}

/** The activity's logger, or the console when `notify` runs outside an activity (tests call it directly). */
function warn(message: string, attributes: Record<string, unknown>): void {
  try {
    Context.current().log.warn(message, attributes);
  } catch {
    console.warn(message, attributes);
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

/** A 5xx reply or a refused recipient will not get better by retrying; a lost connection or a 4xx may. */
function isPermanent(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500;
  return code === 'EENVELOPE';
}
