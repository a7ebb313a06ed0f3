// Bearer tokens for systems calling the JSON API: issued once (the raw token is shown once and never stored), each
// acting as one person of the directory, revocable.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { randomToken, sha256Hex } from './secrets';

const TokenName = z.string().min(1).max(200);
/** Tokens carry a prefix so a leaked one is recognisable in logs and by secret scanners. */
const PREFIX = 'pf_';

export function createApiTokens(db: Queryable) {
  return {
    async issue(name: string, personId: string, now = new Date()): Promise<string> {
      const token = `${PREFIX}${randomToken()}`;
      await db.query('INSERT INTO api_tokens (token_hash, name, person_id, created_at) VALUES ($1, $2, $3, $4)', [sha256Hex(token), TokenName.parse(name), personId, now]);
      return token;
    },
    /** The person a live token acts as. */
    async personOf(token: string): Promise<string | undefined> {
      if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
      const found = await rows(db, z.object({ person_id: z.string() }), 'SELECT person_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [sha256Hex(token)]);
      return found[0]?.person_id;
    },
    async revoke(token: string, now = new Date()): Promise<void> {
      await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [sha256Hex(token), now]);
    },
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
