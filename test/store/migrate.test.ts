// Migrations: every file applied once, in order, recorded in schema_migrations; a second run and a concurrent run
// apply nothing twice.
import { z } from 'zod';
import { rows } from '../../store/db';
import { migrate, migrationFiles, splitStatements } from '../../store/migrate';
import { describeOnBothBackends } from './backends';

describeOnBothBackends('migrations', (backend) => {
  it('records every migration file once and applies none the second time', async () => {
    const db = await backend.open(); // open() has migrated once
    const files = (await migrationFiles()).map((f) => f.replace(/\.sql$/, ''));
    const versions = await rows(db, z.object({ version: z.string() }), 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(files);
    expect(await migrate(db)).toEqual([]);
    const tables = await rows(db, z.object({ table_name: z.string() }), "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['agencies', 'people', 'sessions', 'sign_in_tokens', 'attachments', 'audit_log', 'email_sent_log']));
  });

  it('lets two processes migrate one database at once', async () => {
    const db = await backend.open();
    await db.exec('DROP TABLE schema_migrations; DROP TABLE agencies, people, sign_in_tokens, rate_limit_events, sessions, attachments, audit_log, email_sent_log, settings, api_tokens');
    const other = await backend.openAgain();
    const [a, b] = await Promise.all([migrate(db), migrate(other)]);
    expect([...a, ...b].sort()).toEqual((await migrationFiles()).map((f) => f.replace(/\.sql$/, '')));
  });
});

describe('splitStatements', () => {
  it('drops comment lines and splits on semicolons', () => {
    expect(splitStatements('-- a; comment\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a (x);\n')).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX i ON a (x)']);
  });
});
