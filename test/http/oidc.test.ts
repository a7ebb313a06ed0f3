// Single sign-on against a real OpenID Connect provider process: discovery, authorization code with PKCE, the
// configured scope and acr_values, and the email claim mapped to the right person of the directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Agent, startPortal, type Portal } from './portal';

const CLIENT = { id: 'planflow-portal', secret: 'bi-mat-cua-cong-thong-tin-dung-trong-thu-nghiem' };
let providerPort = 0;
let provider: ChildProcess | undefined;
let portal: Portal;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startProvider(redirectUri: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_PORT: String(providerPort), OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_REDIRECT_URI: redirectUri },
    stdio: ['ignore', 'pipe', 'ignore'], // its stderr holds only the development-mode warnings
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
  });
  return child;
}

beforeAll(async () => {
  providerPort = await freePort();
  portal = await startPortal({
    PLANFLOW_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`, PLANFLOW_OIDC_CLIENT_ID: CLIENT.id, PLANFLOW_OIDC_CLIENT_SECRET: CLIENT.secret,
    PLANFLOW_OIDC_SCOPE: 'openid email', PLANFLOW_OIDC_ACR_VALUES: 'urn:vn:loa:2', PLANFLOW_OIDC_ALLOW_HTTP: 'true',
  });
  provider = await startProvider(`${portal.server.url}/sign-in/oidc/callback`);
  await portal.store.directory.putAgency({ id: 'so-y-te', name: 'Sở Y tế tỉnh Lạng Sơn', kind: 'department', emails: ['soyte@langson.gov.vn'], validFrom: '2000-01-01' });
  await portal.store.directory.putPerson({ id: 'giam-doc-so-y-te', name: 'Nông Văn Tùng', title: 'Giám đốc Sở Y tế', agency: 'so-y-te', email: 'tung.nv@langson.gov.vn', validFrom: '2000-01-01' });
  await portal.store.directory.putPerson({ id: 'chuyen-vien', name: 'Hà Thị Lan', title: 'Chuyên viên', agency: 'so-y-te', email: 'unverified.lan@langson.gov.vn', validFrom: '2000-01-01' });
}, 60_000);

afterAll(async () => {
  if (provider?.pid !== undefined && provider.exitCode === null) {
    const exited = new Promise((resolve) => provider?.once('exit', resolve));
    process.kill(provider.pid, 'SIGTERM');
    await exited;
  }
  await portal?.close();
});

/** Follows redirects (GET), keeping cookies; the last response and its URL. */
async function follow(agent: Agent, start: string): Promise<{ response: Response; url: string }> {
  let url = start;
  for (let hop = 0; hop < 15; hop += 1) {
    const response = await agent.get(url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

/** Submits the provider's form on this page, filling the given fields. */
async function submit(agent: Agent, pageUrl: string, html: string, fields: Record<string, string>): Promise<string> {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const hidden: Record<string, string> = {};
  for (const [, name = '', value = ''] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) hidden[name] = value;
  const response = await agent.request(new URL(action, pageUrl).href, {
    method: 'POST', body: new URLSearchParams({ ...hidden, ...fields }), headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return new URL(response.headers.get('location') ?? '', pageUrl).href;
}

/** Signs in at the provider as `login`, consents, and returns the portal's answer to the callback. */
async function signInWithSso(agent: Agent, login: string): Promise<{ response: Response; url: string; authorize: URL }> {
  const started = await agent.post('/sign-in/oidc', {}, await agent.formToken('/sign-in'));
  expect(started.status).toBe(303);
  const authorize = new URL(started.headers.get('location') ?? '');
  const loginPage = await follow(agent, authorize.href);
  const afterLogin = await submit(agent, loginPage.url, await loginPage.response.text(), { login, password: 'khong-quan-trong' });
  const consentPage = await follow(agent, afterLogin);
  const afterConsent = await submit(agent, consentPage.url, await consentPage.response.text(), {});
  // The provider sends the browser back to the portal's callback, which answers with a redirect home or a refusal.
  let url = afterConsent;
  for (;;) {
    const response = await agent.get(url);
    const location = response.headers.get('location');
    if (url.startsWith(portal.server.url) || !location) return { response, url, authorize };
    url = new URL(location, url).href;
  }
}

it('asks the provider for a code with PKCE, the configured scope and acr_values', async () => {
  const agent = new Agent(portal.server.url);
  expect(await (await agent.get('/sign-in')).text()).toContain('Đăng nhập bằng SSO');
  const started = await agent.post('/sign-in/oidc', {}, await agent.formToken('/sign-in'));
  const authorize = new URL(started.headers.get('location') ?? '');
  expect(authorize.origin).toBe(`http://127.0.0.1:${providerPort}`);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    response_type: 'code', client_id: CLIENT.id, scope: 'openid email', acr_values: 'urn:vn:loa:2', code_challenge_method: 'S256',
    redirect_uri: `${portal.server.url}/sign-in/oidc/callback`,
  });
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

it('signs in the person whose email the provider vouches for', async () => {
  const agent = new Agent(portal.server.url);
  const { response, url } = await signInWithSso(agent, 'tung.nv@langson.gov.vn');
  expect(url).toContain('/sign-in/oidc/callback?code=');
  expect(response.status).toBe(303);
  expect(await (await agent.get('/')).text()).toContain('Nông Văn Tùng');
  const audit = await portal.store.audit.forSubject('person/giam-doc-so-y-te');
  expect(audit[0]).toMatchObject({ action: 'sign-in', detail: { via: 'oidc', sub: 'tung.nv@langson.gov.vn' } });
});

it('signs in no one for an unknown or unverified address, or a callback without its pending sign-in', async () => {
  const stranger = new Agent(portal.server.url);
  const refused = await signInWithSso(stranger, 'nguoi-la@example.com');
  expect(refused.url).toContain('/sign-in/oidc/callback?code=');
  expect(refused.response.status).toBe(403);
  expect(await refused.response.text()).toContain('Không đăng nhập được qua SSO');
  expect(await (await stranger.get('/')).text()).not.toContain('Đăng xuất');
  const unverified = new Agent(portal.server.url);
  expect((await signInWithSso(unverified, 'unverified.lan@langson.gov.vn')).response.status).toBe(403);
  const replay = new Agent(portal.server.url);
  expect((await replay.get('/sign-in/oidc/callback?code=abc&state=xyz')).status).toBe(403);
});
