// The email sent-log in the store, shared by every worker. It keeps the file-based interface of
// activities/email/sent-log.ts (`get`, `record`) and adds `claim`: a notice is marked 'sending' before the SMTP
// transaction and 'sent' after it, so two workers running the same retried activity never both send it.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { sha256Hex } from './secrets';

/** The shape of activities/email/sent-log.ts's entry (the store may not import activities/; TypeScript checks they match). */
export const SentEntry = z.object({ key: z.string().min(1).max(2000), messageId: z.string().min(1).max(500), to: z.array(z.string().max(254)).max(100), at: z.iso.datetime() });
export type SentEntry = z.infer<typeof SentEntry>;

const keyHash = (key: string) => sha256Hex(key);

/** How long a 'sending' mark holds: past it the claimant is taken to have died mid-send, and another may try. */
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60_000;

export type Claim = 'send' | 'sent' | 'busy';

const SentRow = z.object({ key: z.string(), message_id: z.string(), recipients: z.array(z.string()), sent_at: z.date() })
  .transform((r): SentEntry => ({ key: r.key, messageId: r.message_id, to: r.recipients, at: r.sent_at.toISOString() }));

export function createStoreSentLog(db: Queryable, owner: string) {
  return {
    async get(key: string): Promise<SentEntry | undefined> {
      return (await rows(db, SentRow, "SELECT key, message_id, recipients, sent_at FROM email_sent_log WHERE key_hash = $1 AND status = 'sent'", [keyHash(key)]))[0];
    },

    /**
     * Not even the same owner claims a notice twice while it is 'sending': a retried activity can run beside the
     * attempt it replaces on one worker (a start-to-close timeout does not stop an SMTP transaction).
     * 'send' when this owner now holds the notice and must send it; 'sent' when it went out already; 'busy' when
     * another worker is sending it (retry later). One statement decides, so racing claims cannot both win.
     */
    async claim(key: string, { now = new Date(), leaseMs = DEFAULT_CLAIM_LEASE_MS } = {}): Promise<Claim> {
      const won = await rows(db, z.object({ owner: z.string() }),
        `INSERT INTO email_sent_log (key_hash, key, status, owner, claimed_at) VALUES ($1, $2, 'sending', $3, $4)
         ON CONFLICT (key_hash) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
           WHERE email_sent_log.status = 'sending' AND email_sent_log.claimed_at <= $5
         RETURNING owner`,
        [keyHash(key), key, owner, now, new Date(now.getTime() - leaseMs)]);
      if (won.length > 0) return 'send';
      const [row] = await rows(db, z.object({ status: z.enum(['sending', 'sent']) }), 'SELECT status FROM email_sent_log WHERE key_hash = $1', [keyHash(key)]);
      return row?.status === 'sent' ? 'sent' : 'busy';
    },

    /** Marks the notice sent (the server accepted it); works with or without an earlier claim. */
    async record(input: SentEntry): Promise<void> {
      const entry = SentEntry.parse(input);
      await db.query(
        `INSERT INTO email_sent_log (key_hash, key, status, owner, claimed_at, message_id, recipients, sent_at) VALUES ($1, $2, 'sent', $3, $4, $5, $6, $4)
         ON CONFLICT (key_hash) DO UPDATE SET status = 'sent', message_id = excluded.message_id, recipients = excluded.recipients, sent_at = excluded.sent_at`,
        [keyHash(entry.key), entry.key, owner, new Date(entry.at), entry.messageId, entry.to]);
    },

    /** Gives a claim back after a failed send, so a retry need not wait for the lease. */
    async release(key: string): Promise<void> {
      await db.query("DELETE FROM email_sent_log WHERE key_hash = $1 AND status = 'sending' AND owner = $2", [keyHash(key), owner]);
    },
  };
}
export type StoreSentLog = ReturnType<typeof createStoreSentLog>;
