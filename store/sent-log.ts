// The email sent-log in the store, shared by every worker. It keeps the file-based interface of
// activities/email/sent-log.ts (`get`, `record`) and adds the claim's life: a notice is marked 'sending' before the SMTP
// transaction, 'handed-over' just before the server may take it (the message's final dot), and 'sent' on the server's
// answer — or 'uncertain' when that answer never came: the server may hold it, so nobody sends it again.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { sha256Hex } from './secrets';

/** The shape of activities/email/sent-log.ts's entry (the store may not import activities/; TypeScript checks they match). */
export const SentEntry = z.object({ key: z.string().min(1).max(2000), messageId: z.string().min(1).max(500), to: z.array(z.string().max(254)).max(100), at: z.iso.datetime() });
export type SentEntry = z.infer<typeof SentEntry>;

const keyHash = (key: string) => sha256Hex(key);

/** How long a claim holds: past it the claimant is taken to have died, and another may send (or, after hand-over, may not). */
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60_000;

/**
 * 'send': this attempt now holds the notice and must send it; 'sent': it went out already; 'busy': another attempt
 * holds it (check again later); 'uncertain': a sender handed it to the server and never heard back — not to be resent.
 */
export type Claim = 'send' | 'sent' | 'busy' | 'uncertain';

const Status = z.enum(['sending', 'handed-over', 'sent', 'uncertain']);

const SentRow = z.object({ key: z.string(), message_id: z.string(), recipients: z.array(z.string()), sent_at: z.date() })
  .transform((r): SentEntry => ({ key: r.key, messageId: r.message_id, to: r.recipients, at: r.sent_at.toISOString() }));

export interface ClaimOptions {
  now?: Date;
  leaseMs?: number;
  /** Names the one attempt that holds the claim (by default this owner): only it may hand the notice over. */
  attempt?: string;
}

export function createStoreSentLog(db: Queryable, owner: string) {
  return {
    async get(key: string): Promise<SentEntry | undefined> {
      return (await rows(db, SentRow, "SELECT key, message_id, recipients, sent_at FROM email_sent_log WHERE key_hash = $1 AND status = 'sent'", [keyHash(key)]))[0];
    },

    /**
     * Not even the same owner claims a notice twice while it is 'sending': a retried activity can run beside the
     * attempt it replaces on one worker (a start-to-close timeout does not stop an SMTP transaction). A claim past its
     * lease is taken over if it was never handed over; a handed-over one past its lease becomes 'uncertain'.
     * Each decision is one statement, so racing claims cannot both win.
     */
    async claim(key: string, { now = new Date(), leaseMs = DEFAULT_CLAIM_LEASE_MS, attempt = owner }: ClaimOptions = {}): Promise<Claim> {
      const expired = new Date(now.getTime() - leaseMs);
      const won = await rows(db, z.object({ owner: z.string() }),
        `INSERT INTO email_sent_log (key_hash, key, status, owner, claimed_at, attempt) VALUES ($1, $2, 'sending', $3, $4, $6)
         ON CONFLICT (key_hash) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at, attempt = excluded.attempt
           WHERE email_sent_log.status = 'sending' AND email_sent_log.claimed_at <= $5
         RETURNING owner`,
        [keyHash(key), key, owner, now, expired, attempt]);
      if (won.length > 0) return 'send';
      await db.query("UPDATE email_sent_log SET status = 'uncertain' WHERE key_hash = $1 AND status = 'handed-over' AND claimed_at <= $2", [keyHash(key), expired]);
      const [row] = await rows(db, z.object({ status: Status }), 'SELECT status FROM email_sent_log WHERE key_hash = $1', [keyHash(key)]);
      const status = row?.status;
      switch (status) {
        case 'sent':
        case 'uncertain':
          return status;
        case 'sending':
        case 'handed-over':
        case undefined: // given back between the two statements: another claim will decide
          return 'busy';
        default:
          return status satisfies never;
      }
    },

    /**
     * Called just before the server may take the message: from here on a failure without the server's answer leaves
     * the notice 'uncertain', never resent. Throws when this attempt no longer holds the claim (its lease ran out and
     * another took it over), so the message is abandoned before its final dot and the server discards it.
     */
    async handOver(key: string, attempt: string = owner): Promise<void> {
      const held = await rows(db, z.object({ key: z.string() }),
        "UPDATE email_sent_log SET status = 'handed-over', handed_over_at = now() WHERE key_hash = $1 AND status = 'sending' AND attempt = $2 RETURNING key",
        [keyHash(key), attempt]);
      if (held.length === 0) throw new Error(`the claim on notice ${key} was lost before its hand-over; not sending it`);
    },

    /** Marks the notice sent (the server accepted it); works with or without an earlier claim. */
    async record(input: SentEntry): Promise<void> {
      const entry = SentEntry.parse(input);
      await db.query(
        `INSERT INTO email_sent_log (key_hash, key, status, owner, claimed_at, message_id, recipients, sent_at) VALUES ($1, $2, 'sent', $3, $4, $5, $6, $4)
         ON CONFLICT (key_hash) DO UPDATE SET status = 'sent', message_id = excluded.message_id, recipients = excluded.recipients, sent_at = excluded.sent_at`,
        [keyHash(entry.key), entry.key, owner, new Date(entry.at), entry.messageId, entry.to]);
    },

    /** The server never answered the handed-over message: it may hold it, so it stays unsent-again, for people to see. */
    async markUncertain(key: string, attempt: string = owner): Promise<void> {
      await db.query("UPDATE email_sent_log SET status = 'uncertain' WHERE key_hash = $1 AND status = 'handed-over' AND attempt = $2", [keyHash(key), attempt]);
    },

    /** Gives a claim back after a failure the server answered (or before it could take the message), for a retry now. */
    async release(key: string, attempt: string = owner): Promise<void> {
      await db.query("DELETE FROM email_sent_log WHERE key_hash = $1 AND status IN ('sending', 'handed-over') AND attempt = $2", [keyHash(key), attempt]);
    },

    /** Notices whose server may or may not hold them: counted for the operator. */
    async uncertainCount(): Promise<number> {
      const [row] = await rows(db, z.object({ n: z.coerce.number() }), "SELECT count(*) AS n FROM email_sent_log WHERE status = 'uncertain'");
      return row?.n ?? 0;
    },
  };
}
export type StoreSentLog = ReturnType<typeof createStoreSentLog>;
