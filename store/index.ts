// The store: open the database (PostgreSQL or embedded PGlite), bring its schema up to date, and hand out one small
// typed module per concern.
import { createApiTokens } from './api-tokens';
import { createAttachments } from './attachments';
import { createAuditLog } from './audit';
import { loadStoreConfig, type StoreConfig } from './config';
import { openDb, type Db } from './db';
import { createDirectory } from './directory';
import { migrate } from './migrate';
import { journalOf } from './operator-journal';
import { createRateLimit } from './rate-limit';
import { createStoreSentLog } from './sent-log';
import { createSessions } from './sessions';
import { createSettings } from './settings';
import { createSignInTokens } from './sign-in-tokens';

/** `journal`: the operator journal of an embedded store, drained into the audit log before it is read. */
export function storeOn(db: Db, owner = `pid-${process.pid}`, journal?: string) {
  const audit = createAuditLog(db, journal);
  return {
    db,
    directory: createDirectory(db),
    signInTokens: createSignInTokens(db),
    rateLimit: createRateLimit(db),
    sessions: createSessions(db),
    attachments: createAttachments(db),
    apiTokens: createApiTokens(db),
    audit,
    /** `owner` names this process in 'sending' claims. */
    sentLog: createStoreSentLog(db, owner),
    settings: createSettings(db),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof storeOn>;

/** Opens and migrates the store configured by DATABASE_URL / PLANFLOW_DATA_DIR. */
export async function openStore(config: StoreConfig = loadStoreConfig()): Promise<Store> {
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = storeOn(db, undefined, journalOf(config));
  await store.audit.drainJournal();
  return store;
}
