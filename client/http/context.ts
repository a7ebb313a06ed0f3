// What every route sees: the store, the mailer, the configuration, and per request the language, the signed-in
// person (if any) and the form token.
import type { Client } from '@temporalio/client';
import type { Context } from 'hono';
import type { MailConfig } from '../../activities/email/config';
import type { Mailer } from '../../activities/email/mailer';
import type { Store } from '../../store';
import type { PersonRecord } from '../../store/directory';
import type { HttpConfig } from './config';
import type { Lang, Messages } from './i18n';
import type { OidcClient } from './oidc';

export interface PortalDeps {
  store: Store;
  mailer: Mailer;
  mailConfig: MailConfig;
  config: HttpConfig;
  /** Where links in emails point, without a trailing slash. */
  publicUrl: string;
  /** Signs cookies; shared through the store so every portal process accepts every cookie. */
  cookieSecret: string;
  oidc?: OidcClient;
  /** Without it the pages and API that act on plans answer 503 (the portal still signs people in). */
  temporal?: Client;
  taskQueue: string;
  /** The clock, so tests can age links and sessions. */
  now?: () => Date;
}

export interface AppEnv {
  Variables: {
    lang: Lang;
    t: Messages;
    person: PersonRecord | undefined;
    sessionId: string | undefined;
    csrf: string;
  };
}

export type PortalContext = Context<AppEnv>;
