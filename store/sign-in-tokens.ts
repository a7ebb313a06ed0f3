// Sign-in links: single use, short-lived, stored as a SHA-256 digest. Consuming is one UPDATE that checks unused and
// unexpired together, so two clicks racing (or two portals) sign in at most once.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { randomToken, sha256Hex } from './secrets';

/** The issue's bound: a link is valid at most 15 minutes. */
export const MAX_TOKEN_TTL_MS = 15 * 60_000;

export function createSignInTokens(db: Queryable) {
  return {
    /** Issues a token for a person; the raw token goes into the link and nowhere else. */
    async issue(personId: string, { now = new Date(), ttlMs = MAX_TOKEN_TTL_MS } = {}): Promise<{ token: string; expiresAt: Date }> {
      const ttl = Math.min(Math.max(ttlMs, 1_000), MAX_TOKEN_TTL_MS);
      const token = randomToken();
      const expiresAt = new Date(now.getTime() + ttl);
      await db.query('INSERT INTO sign_in_tokens (token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256Hex(token), personId, now, expiresAt]);
      return { token, expiresAt };
    },

    /** True when the token exists, is unused and unexpired, without using it (the confirm page). */
    async isUsable(token: string, now = new Date()): Promise<boolean> {
      const found = await rows(db, z.object({ ok: z.boolean() }), 'SELECT true AS ok FROM sign_in_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [sha256Hex(token), now]);
      return found.length > 0;
    },

    /** Uses the token once: the person it was issued to, or undefined for a used, expired or unknown token. */
    async consume(token: string, now = new Date()): Promise<string | undefined> {
      const used = await rows(db, z.object({ person_id: z.string() }),
        'UPDATE sign_in_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING person_id',
        [sha256Hex(token), now]);
      return used[0]?.person_id;
    },

    /** Drops tokens that can no longer be used. */
    async purge(now = new Date()): Promise<void> {
      await db.query('DELETE FROM sign_in_tokens WHERE expires_at <= $1', [now]);
    },
  };
}
export type SignInTokens = ReturnType<typeof createSignInTokens>;
