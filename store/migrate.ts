// Versioned migrations: the plain .sql files of store/migrations, applied in name order, each once, each in its own
// transaction with its version recorded in schema_migrations. An advisory lock lets several processes start at once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { rows, type Db } from './db';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
/** Any fixed number; every planflow process takes the same lock while migrating. */
const MIGRATION_LOCK = 7_262_010;

export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f)).sort();
}

/** Applies the migrations this database lacks; returns the versions applied now. */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  for (const file of await migrationFiles()) {
    const version = file.replace(/\.sql$/, '');
    const sql = await readFile(join(MIGRATIONS_DIR, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const seen = await rows(tx, z.object({ version: z.string() }), 'SELECT version FROM schema_migrations WHERE version = $1', [version]);
      if (seen.length > 0) return false;
      // Statements one by one: node-postgres refuses several statements in a parameterised call, and a transaction
      // is what makes a half-applied file impossible.
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}

/** Splits a migration on the semicolons that end statements; our migrations hold no functions or quoted semicolons. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
