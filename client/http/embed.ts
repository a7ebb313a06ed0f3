// The portal as `npm start` embeds it: the store from DATABASE_URL (or PGlite under PLANFLOW_DATA_DIR), the HTTP
// server from PLANFLOW_HTTP_PORT / PLANFLOW_PUBLIC_URL / PLANFLOW_OIDC_*, the worker's Temporal client and mailer.
import type { Client } from '@temporalio/client';
import type { MailConfig } from '../../activities/email/config';
import type { Mailer } from '../../activities/email/mailer';
import { openStore } from '../../store';
import { loadStoreConfig } from '../../store/config';
import { loadHttpConfig } from './config';
import { startHttpServer, type RunningHttpServer } from './server';

export interface EmbeddedPortal extends RunningHttpServer {
  /** Where the store lives, for the start-up message. */
  storeKind: 'postgres' | 'pglite';
}

export async function startPortalFromEnv(options: { temporal: Client; taskQueue: string; mailer: Mailer; mailConfig: MailConfig; env?: NodeJS.ProcessEnv }): Promise<EmbeddedPortal> {
  const env = options.env ?? process.env;
  const store = await openStore(loadStoreConfig(env));
  try {
    const server = await startHttpServer({ store, mailer: options.mailer, mailConfig: options.mailConfig, config: loadHttpConfig(env), temporal: options.temporal, taskQueue: options.taskQueue });
    return {
      ...server,
      storeKind: store.db.kind,
      async close() {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
