// Sessions: a random id in the cookie, its SHA-256 in the table, a fixed end. A new id at every sign-in (no fixation);
// sign-out deletes the row, so a copied cookie dies with it.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { randomToken, sha256Hex } from './secrets';

export const SignInMethod = z.enum(['email-link', 'oidc']);
export type SignInMethod = z.infer<typeof SignInMethod>;

export const Session = z.object({ personId: z.string(), via: SignInMethod, createdAt: z.date(), expiresAt: z.date() });
export type Session = z.infer<typeof Session>;

const SessionRow = z.object({ person_id: z.string(), via: SignInMethod, created_at: z.date(), expires_at: z.date() })
  .transform((r): Session => ({ personId: r.person_id, via: r.via, createdAt: r.created_at, expiresAt: r.expires_at }));

export function createSessions(db: Queryable) {
  return {
    async create(personId: string, via: SignInMethod, expiresAt: Date, now = new Date()): Promise<string> {
      const id = randomToken();
      await db.query('INSERT INTO sessions (id_hash, person_id, via, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [sha256Hex(id), personId, via, now, expiresAt]);
      return id;
    },
    async get(id: string, now = new Date()): Promise<Session | undefined> {
      return (await rows(db, SessionRow, 'SELECT person_id, via, created_at, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2', [sha256Hex(id), now]))[0];
    },
    async end(id: string): Promise<void> {
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256Hex(id)]);
    },
    async purge(now = new Date()): Promise<void> {
      await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
