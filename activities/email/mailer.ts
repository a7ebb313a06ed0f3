// Where mail goes: a pooled SMTP transport with bounded timeouts, or the local outbox of .eml files (with an index
// that `planflow outbox` lists). Both take the same nodemailer message.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { smtpConfigured, type MailConfig } from './config';
import { createSmtpClient } from './smtp-client';

export interface Mailer {
  /**
   * Delivers or throws; the error keeps nodemailer's `code` and `responseCode` for classification, and says whether
   * it came after `handingOver` (`handedOver`), which runs just before the destination may hold the message.
   */
  send(message: Mail.Options, handingOver?: () => Promise<void>): Promise<{ rejected: string[] }>;
  close(): void;
}

export interface OutboxEntry {
  file: string;
  key: string;
  to: string;
  subject: string;
  at: string;
}

export const outboxDir = (c: MailConfig) => join(c.PLANFLOW_DATA_DIR, 'outbox');

export function createMailer(config: MailConfig): Mailer {
  return smtpConfigured(config) ? smtpMailer(config) : outboxMailer(outboxDir(config));
}

const nothingToRecord = () => Promise.resolve();

function smtpMailer(c: MailConfig): Mailer {
  const timeouts = { connectionTimeout: c.SMTP_CONNECTION_TIMEOUT_MS, greetingTimeout: c.SMTP_GREETING_TIMEOUT_MS, socketTimeout: c.SMTP_SOCKET_TIMEOUT_MS };
  const auth = c.SMTP_USER ? { user: c.SMTP_USER, pass: c.SMTP_PASS ?? '' } : undefined;
  const url = c.SMTP_URL ? new URL(c.SMTP_URL) : undefined;
  const client = createSmtpClient({
    connection: {
      ...timeouts,
      host: url?.hostname ?? c.SMTP_HOST, port: url?.port ? Number(url.port) : c.SMTP_PORT,
      secure: url ? url.protocol === 'smtps:' : c.SMTP_SECURE === 'true',
      tls: { rejectUnauthorized: url?.searchParams.get('tls.rejectUnauthorized') !== 'false' },
    },
    auth: url?.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : auth,
    maxConnections: 3, maxMessages: 100, idleMs: 30_000,
  });
  return {
    send: (message, handingOver = nothingToRecord) => client.send(message, handingOver),
    close: () => client.close(),
  };
}

function outboxMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message, handingOver = nothingToRecord) {
      const info = await transport.sendMail(message);
      await mkdir(dir, { recursive: true });
      await handingOver();
      const headers = (message.headers ?? {}) as Record<string, string>;
      const key = headers['X-Planflow-Key'] ?? '';
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(message.messageId).replace(/[<>@.]/g, '').slice(0, 16)}.eml`;
      await writeFile(join(dir, file), info.message as Buffer);
      const entry: OutboxEntry = { file, key, to: JSON.stringify(message.to), subject: String(message.subject), at: new Date().toISOString() };
      await appendFile(join(dir, 'index.jsonl'), `${JSON.stringify(entry)}\n`);
      return { rejected: [] };
    },
    close: () => transport.close(),
  };
}
