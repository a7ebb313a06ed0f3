// `startHttpServer`: the portal in the `npm start` process (or on its own), on PLANFLOW_HTTP_PORT.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { MailConfig } from '../../activities/email/config';
import type { Mailer } from '../../activities/email/mailer';
import type { Store } from '../../store';
import { DEFAULT_TASK_QUEUE } from '../planflow';
import { createApp } from './app';
import { oidcConfigured, publicUrl, type HttpConfig } from './config';
import type { PortalDeps } from './context';
import { createOidcClient } from './oidc';
import { OIDC_CALLBACK_PATH } from './oidc-routes';

export interface HttpServerOptions {
  store: Store;
  mailer: Mailer;
  mailConfig: MailConfig;
  config: HttpConfig;
  /** The Temporal client officials' actions go through. */
  temporal?: Client;
  /** The task queue plans started from the portal run on (PLANFLOW_TASK_QUEUE). */
  taskQueue?: string;
  now?: () => Date;
}

export interface RunningHttpServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { store, config } = options;
  const cookieSecret = await store.settings.getOrCreate('session-cookie-secret');
  // The public URL may name the port the system chose (port 0), so the app is made once the server listens.
  const ready: { app?: ReturnType<typeof createApp> } = {};
  const fetch = (request: Request, env: unknown) => ready.app?.fetch(request, env) ?? new Response('đang khởi động', { status: 503 });
  const server = serve({ fetch, port: config.PLANFLOW_HTTP_PORT, hostname: config.PLANFLOW_HTTP_HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const base = publicUrl(config, port);
  const deps: PortalDeps = {
    store, mailer: options.mailer, mailConfig: options.mailConfig, config, publicUrl: base, cookieSecret, now: options.now,
    temporal: options.temporal, taskQueue: options.taskQueue ?? DEFAULT_TASK_QUEUE,
    oidc: oidcConfigured(config) ? createOidcClient(config, `${base}${OIDC_CALLBACK_PATH}`, store.directory) : undefined,
  };
  ready.app = createApp(deps);
  return {
    port,
    url: base,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}
