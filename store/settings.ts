// Named values every process must share, made once: the key that signs session cookies, so several portals behind a
// load balancer accept each other's cookies and a restart signs no one out.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { randomToken } from './secrets';

export function createSettings(db: Queryable) {
  return {
    /** The value of `name`, created with `make()` by whichever process asks first. */
    async getOrCreate(name: string, make: () => string = () => randomToken(48)): Promise<string> {
      await db.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
      const [row] = await rows(db, z.object({ value: z.string() }), 'SELECT value FROM settings WHERE name = $1', [name]);
      if (!row) throw new Error(`settings: ${name} vắng sau khi tạo`);
      return row.value;
    },
  };
}
export type Settings = ReturnType<typeof createSettings>;
