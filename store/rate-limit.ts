// A sliding-window rate limit kept in the store, so every portal process counts the same attempts (sign-in links
// per address and per client). Events older than the window are pruned as the bucket is hit.
import { z } from 'zod';
import { rows, type Db } from './db';

export function createRateLimit(db: Db) {
  return {
    /** Records one attempt in `bucket` and answers whether it is within `limit` attempts per `windowMs`. */
    async hit(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
      const since = new Date(now.getTime() - windowMs);
      return db.transaction(async (tx) => {
        // Serialises hits on one bucket across processes, so two racing attempts cannot both see room for one.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [bucket]);
        await tx.query('DELETE FROM rate_limit_events WHERE bucket = $1 AND at <= $2', [bucket, since]);
        const [count] = await rows(tx, z.object({ n: z.number() }), 'SELECT count(*)::int AS n FROM rate_limit_events WHERE bucket = $1', [bucket]);
        if ((count?.n ?? 0) >= limit) return false;
        await tx.query('INSERT INTO rate_limit_events (bucket, at) VALUES ($1, $2)', [bucket, now]);
        return true;
      });
    },
  };
}
export type RateLimit = ReturnType<typeof createRateLimit>;
