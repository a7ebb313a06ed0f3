// One small interface over both databases: node-postgres against a server, or PGlite embedded in the process.
// The same SQL runs on both; rows come back as plain objects (bytea as Buffer) for the modules to parse with zod.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolClient } from 'pg';
import type { z } from 'zod';
import type { StoreConfig } from './config';

export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Parses every row with the module's schema, so a changed column is caught at the boundary. */
export async function rows<S extends z.ZodType>(db: Queryable, schema: S, sql: string, params: readonly unknown[] = []): Promise<z.infer<S>[]> {
  return (await db.query(sql, params)).map((row) => schema.parse(row));
}

export async function openDb(config: StoreConfig): Promise<Db> {
  if (config.DATABASE_URL) return postgresDb(new Pool({ connectionString: config.DATABASE_URL, max: 10 }));
  const dir = join(config.PLANFLOW_DATA_DIR, 'store');
  await mkdir(dir, { recursive: true });
  return pgliteDb(await PGlite.create(dir));
}

/** An in-memory PGlite database (tests, previews). */
export async function memoryDb(): Promise<Db> {
  return pgliteDb(await PGlite.create());
}

// PGlite returns bytea as Uint8Array and node-postgres as Buffer; the modules see Buffer from both.
const normalise = (row: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(row)) if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value);
  return row;
};

function postgresDb(pool: Pool): Db {
  // An idle pooled connection cut by the server (a restart, a failover) is dropped and replaced on the next query;
  // without a listener node-postgres would throw the event and stop the process.
  pool.on('error', (error) => console.warn(`planflow store: kết nối PostgreSQL rảnh bị đóng (${error.message}); sẽ mở lại khi cần`));
  const on = (client: Pool | PoolClient): Queryable => ({
    async query(sql, params = []) {
      return (await client.query(sql, params as unknown[])).rows.map(normalise);
    },
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function pgliteDb(pg: PGlite): Db {
  return {
    kind: 'pglite',
    async query(sql, params = []) {
      return (await pg.query<Record<string, unknown>>(sql, params as unknown[])).rows.map(normalise);
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (work) => pg.transaction((tx) => work({
      async query(sql, params = []) {
        return (await tx.query<Record<string, unknown>>(sql, params as unknown[])).rows.map(normalise);
      },
    })),
    close: () => pg.close(),
  };
}
