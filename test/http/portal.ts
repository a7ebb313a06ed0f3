// The portal for the HTTP suites: a migrated in-memory store, the outbox mailer in a temporary folder, the server on
// a free port with a clock the test can move, and a small cookie-keeping client that reads pages as a browser would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { MailConfig } from '../../activities/email/config';
import { createMailer, outboxDir } from '../../activities/email/mailer';
import { HttpConfig } from '../../client/http/config';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../client/http/server';
import { storeOn, type Store } from '../../store';
import { memoryDb } from '../../store/db';
import { migrate } from '../../store/migrate';
import { eventually } from '../helpers/eventually';

export interface Portal {
  server: RunningHttpServer;
  store: Store;
  clock: { now: Date };
  /** The sign-in links mailed to `address`, oldest first, read from the .eml files. */
  linksFor(address: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startPortal(env: Record<string, string> = {}, extra: Pick<HttpServerOptions, 'temporal' | 'taskQueue'> = {}): Promise<Portal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planflow-portal-'));
  const db = await memoryDb();
  await migrate(db);
  const store = storeOn(db);
  const mailConfig = MailConfig.parse({ PLANFLOW_DATA_DIR: dataDir });
  const mailer = createMailer(mailConfig);
  const clock = { now: new Date() };
  const server = await startHttpServer({ store, mailer, mailConfig, config: HttpConfig.parse({ PLANFLOW_HTTP_PORT: '0', ...env }), now: () => clock.now, ...extra });
  const linksFor = async (address: string) => {
    const dir = outboxDir(mailConfig);
    const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.name.endsWith('.eml')).map((f) => f.name).sort();
    const links: string[] = [];
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(dir, file)));
      const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
      const link = /https?:\/\/\S+\/sign-in\/link\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
      if (to.includes(address) && link) links.push(link);
    }
    return links;
  };
  return {
    server, store, clock, linksFor,
    async close() {
      await server.close();
      mailer.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the outbox to hold `count` links for `address` (mail goes out after the answer). */
export async function waitForLinks(portal: Portal, address: string, count: number): Promise<string[]> {
  return eventually(() => portal.linksFor(address).catch(() => []), (links) => links.length >= count);
}

/** A client that keeps cookies like a browser (no redirects followed, so tests see them). */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts a form the way the page's form would, with the page's CSRF token unless told otherwise. */
  async post(path: string, fields: Record<string, string>, csrf: string | undefined): Promise<Response> {
    const body = new URLSearchParams(csrf === undefined ? fields : { _csrf: csrf, ...fields });
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** The CSRF token of the form on `path`. */
  async formToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`${path}: no form token`);
    return token;
  }
}

/** Signs `agent` in the way a person does: asks for a link, reads it from the outbox, confirms it. */
export async function signIn(portal: Portal, agent: Agent, email: string): Promise<void> {
  const before = (await portal.linksFor(email).catch(() => [])).length;
  await agent.post('/sign-in', { email }, await agent.formToken('/sign-in'));
  const links = await waitForLinks(portal, email, before + 1);
  const link = links[links.length - 1] ?? '';
  await agent.post('/sign-in/link', { token: new URL(link).searchParams.get('token') ?? '' }, await agent.formToken('/sign-in'));
}
