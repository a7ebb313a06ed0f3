// Runs a store suite on both databases: embedded PGlite and a real PostgreSQL server started for the file. Each
// `open()` gives a fresh, migrated database.
import { memoryDb, openDb, type Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { PostgresServer } from './postgres-server';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh migrated database; closed after the file. */
  open(): Promise<Db>;
  /** A second client of the last database `open()` gave: another pool on PostgreSQL, the same instance on PGlite. */
  openAgain(): Promise<Db>;
}

export function describeOnBothBackends(title: string, suite: (backend: Backend) => void): void {
  const server = new PostgresServer();
  const opened: Db[] = [];
  let count = 0;
  let lastUrl = '';
  let lastPglite: Db | undefined;

  beforeAll(async () => {
    await server.start();
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(opened.map((db) => db.close()));
    await server.stop();
  });

  const keep = (db: Db) => {
    opened.push(db);
    return db;
  };
  const track = async (db: Db) => {
    await migrate(keep(db));
    return db;
  };

  describe.each<Backend>([
    {
      name: 'pglite',
      async open() {
        lastPglite = await track(await memoryDb());
        return lastPglite;
      },
      // PGlite belongs to one process: a second client there is a second user of the same instance.
      openAgain() {
        if (!lastPglite) return Promise.reject(new Error('open() first'));
        return Promise.resolve({ ...lastPglite, close: () => Promise.resolve() });
      },
    },
    {
      name: 'postgres',
      async open() {
        count += 1;
        lastUrl = await server.createDatabase(`t${count}`);
        return track(await openDb({ DATABASE_URL: lastUrl, PLANFLOW_DATA_DIR: '.' }));
      },
      openAgain: async () => keep(await openDb({ DATABASE_URL: lastUrl, PLANFLOW_DATA_DIR: '.' })),
    },
  ])(`${title} on $name`, suite);
}
