// The portal as `npm start` embeds it: the worker's store (DATABASE_URL, or PGlite under PLANFLOW_DATA_DIR), the
// HTTP server from PLANFLOW_HTTP_PORT / PLANFLOW_PUBLIC_URL / PLANFLOW_OIDC_*, the worker's Temporal client and mailer.
import type { Client } from '@temporalio/client';
import type { MailConfig } from '../../activities/email/config';
import type { Mailer } from '../../activities/email/mailer';
import type { Store } from '../../store';
import { loadHttpConfig } from './config';
import { startHttpServer, type RunningHttpServer } from './server';

export interface EmbeddedPortal extends RunningHttpServer {
  /** Where the store lives, for the start-up message. */
  storeKind: 'postgres' | 'pglite';
}

/** The portal on a store the caller opened (the worker shares it for its sent-log) and closes. */
export async function startPortalFromEnv(options: { store: Store; temporal: Client; taskQueue: string; mailer: Mailer; mailConfig: MailConfig; env?: NodeJS.ProcessEnv }): Promise<EmbeddedPortal> {
  const { store } = options;
  const server = await startHttpServer({ store, mailer: options.mailer, mailConfig: options.mailConfig, config: loadHttpConfig(options.env ?? process.env), temporal: options.temporal, taskQueue: options.taskQueue });
  return { ...server, storeKind: store.db.kind };
}
