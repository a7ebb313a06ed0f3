// SMTP sending with a hand-over point: the message's final dot is written only after the caller has recorded that the
// server may now take it. nodemailer's pooled transport has no such point (it reads a message ahead of the
// transaction), so its SMTPConnection is driven here directly, with a small pool of reused connections.
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpClientOptions {
  connection: SMTPConnection.Options;
  auth?: { user: string; pass: string };
  /** Connections open at once; further sends wait for one. */
  maxConnections: number;
  /** Messages per connection before it is closed and a fresh one opened. */
  maxMessages: number;
  /** An unused connection is closed after this long. */
  idleMs: number;
}

interface Pooled {
  connection: SMTPConnection;
  sent: number;
  /** The connection ended (the server closed it, or an error did). */
  closed: boolean;
  /** Its slot is given back; it is in no list any more. */
  dropped: boolean;
  idleTimer?: NodeJS.Timeout;
}

export interface SmtpClient {
  /** Sends one message; `handingOver` runs after the body, before the final dot, and may refuse by throwing. */
  send(message: Mail.Options, handingOver: () => Promise<void>): Promise<{ rejected: string[] }>;
  close(): void;
}

export function createSmtpClient(options: SmtpClientOptions): SmtpClient {
  const idle: Pooled[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;

  /** Ends a connection (politely with QUIT when it is healthy) and gives its slot to the next waiting send. */
  function drop(pooled: Pooled, how: 'quit' | 'close'): void {
    if (pooled.dropped) return;
    pooled.dropped = true;
    clearTimeout(pooled.idleTimer);
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
    if (!pooled.closed) {
      pooled.closed = true;
      if (how === 'quit') pooled.connection.quit();
      else pooled.connection.close();
    }
    open--;
    waiting.shift()?.();
  }

  function connect(): Promise<Pooled> {
    const connection = new SMTPConnection(options.connection);
    const pooled: Pooled = { connection, sent: 0, closed: false, dropped: false };
    return new Promise((resolve, reject) => {
      let connecting = true;
      const fail = (error: Error) => {
        if (!connecting) return;
        connecting = false;
        drop(pooled, 'close');
        reject(error);
      };
      // During a send its own callback receives the same error; the listener keeps it from being thrown.
      connection.on('error', (error: Error) => {
        pooled.closed = true;
        fail(error);
      });
      connection.once('end', () => {
        pooled.closed = true;
        if (idle.includes(pooled)) drop(pooled, 'close');
      });
      connection.connect((error) => {
        if (error) return fail(error);
        const ready = () => {
          connecting = false;
          resolve(pooled);
        };
        if (!options.auth) return ready();
        connection.login(options.auth, (e) => (e ? fail(e) : ready()));
      });
    });
  }

  async function acquire(): Promise<{ pooled: Pooled; reused: boolean }> {
    for (;;) {
      const reusable = idle.pop();
      if (reusable) {
        clearTimeout(reusable.idleTimer);
        if (!reusable.closed) return { pooled: reusable, reused: true };
        drop(reusable, 'close');
        continue;
      }
      if (open < options.maxConnections) {
        open++;
        return { pooled: await connect(), reused: false };
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function putBack(pooled: Pooled): void {
    pooled.sent++;
    if (pooled.closed || pooled.sent >= options.maxMessages) return drop(pooled, 'quit');
    pooled.idleTimer = setTimeout(() => drop(pooled, 'quit'), options.idleMs);
    pooled.idleTimer.unref();
    idle.push(pooled);
    waiting.shift()?.();
  }

  function transmit(pooled: Pooled, envelope: SMTPConnection.Envelope, raw: Buffer, handingOver: () => Promise<void>, state: { handedOver: boolean }) {
    return new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
      const body = gated(raw, async () => {
        await handingOver();
        state.handedOver = true;
      });
      pooled.connection.send(envelope, body, (error, info) => (error || !info ? reject(error ?? new Error('SMTP: no result')) : resolve(info)));
    });
  }

  return {
    async send(message, handingOver) {
      const mime = new MailComposer(message).compile();
      const envelope = mime.getEnvelope() as SMTPConnection.Envelope;
      const raw = await mime.build();
      for (let tries = 0; ; tries++) {
        const { pooled, reused } = await acquire();
        const state = { handedOver: false };
        try {
          const info = await transmit(pooled, envelope, raw, handingOver, state);
          putBack(pooled);
          return { rejected: (info.rejected ?? []).map(String) };
        } catch (error) {
          // A connection that failed mid-transaction is never reused: the server may be between two states.
          drop(pooled, 'close');
          // A pooled connection the server had silently dropped fails before the message is offered: once more, fresh.
          if (reused && !state.handedOver && tries === 0 && !hasReply(error)) continue;
          // Not `instanceof Error`: socket errors come from another realm under test runners. Objects carry the flag.
          if (typeof error === 'object' && error !== null) throw Object.assign(error as Error, { handedOver: state.handedOver });
          throw new Error(String(error));
        }
      }
    },
    close() {
      for (const pooled of [...idle]) drop(pooled, 'quit');
    },
  };
}

/** The server answered (a reply code), so it knows what it did with the message. */
export function hasReply(error: unknown): boolean {
  return typeof (error as { responseCode?: unknown }).responseCode === 'number';
}

/**
 * The message as a stream that ends only once `beforeEnd` has resolved. SMTPConnection pipes it after the server has
 * accepted DATA and writes the final dot when it ends, so nothing the server could store exists before `beforeEnd`.
 */
function gated(raw: Buffer, beforeEnd: () => Promise<void>): Readable {
  let bodyPushed = false;
  let gateOpened = false;
  return new Readable({
    read() {
      if (!bodyPushed) {
        bodyPushed = true;
        this.push(raw);
        return;
      }
      if (gateOpened) return;
      gateOpened = true;
      beforeEnd().then(() => this.push(null), (error: unknown) => this.destroy(error as Error));
    },
  });
}
