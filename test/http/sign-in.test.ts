// Sign-in by email link against the running portal: the link from the outbox, a confirm page on GET and a session
// on POST; one use, 15 minutes, the same answer for unknown addresses, rate limits, CSRF, sign-out.
import { Agent, startPortal, waitForLinks, type Portal } from './portal';

let portal: Portal;
const HOA = 'hoa.lt@langson.gov.vn';

beforeAll(async () => {
  portal = await startPortal();
  await portal.store.directory.putAgency({ id: 'xa-van-quan', name: 'UBND xã Văn Quan', kind: 'commune', emails: ['vanquan@langson.gov.vn'], validFrom: '2025-07-01' });
  await portal.store.directory.putPerson({ id: 'chu-tich-xa-van-quan', name: 'Lý Thị Hoa', title: 'Chủ tịch UBND xã', agency: 'xa-van-quan', email: HOA, validFrom: '2025-07-01' });
});
afterAll(async () => {
  await portal?.close();
});

async function askForLink(agent: Agent, email: string): Promise<Response> {
  return agent.post('/sign-in', { email }, await agent.formToken('/sign-in'));
}

it('signs in with the emailed link: GET confirms, POST signs in once', async () => {
  const agent = new Agent(portal.server.url);
  const asked = await askForLink(agent, 'Hoa.LT@langson.gov.vn');
  expect(asked.status).toBe(200);
  const [link = ''] = await waitForLinks(portal, HOA, 1);
  const confirm = await agent.get(link);
  expect(confirm.status).toBe(200);
  const html = await confirm.text();
  expect(html).toContain('Xác nhận đăng nhập');
  const token = new URL(link).searchParams.get('token') ?? '';
  expect(await portal.store.signInTokens.isUsable(token, portal.clock.now)).toBe(true); // a scanner's GET uses nothing

  const signedIn = await agent.post('/sign-in/link', { token }, /name="_csrf" value="([^"]+)"/.exec(html)?.[1]);
  expect(signedIn.status).toBe(303);
  const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('planflow_session='));
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(await (await agent.get('/')).text()).toContain('Lý Thị Hoa');

  const again = await new Agent(portal.server.url).post('/sign-in/link', { token }, undefined);
  expect(again.status).toBe(403); // no form token at all
  const reused = new Agent(portal.server.url);
  expect((await reused.post('/sign-in/link', { token }, await reused.formToken('/sign-in'))).status).toBe(410);
});

it('gives a new session id at each sign-in and ends it at sign-out', async () => {
  const agent = new Agent(portal.server.url);
  await askForLink(agent, HOA);
  const links = await waitForLinks(portal, HOA, 2);
  const token = new URL(links.at(-1) ?? '').searchParams.get('token') ?? '';
  await agent.post('/sign-in/link', { token }, await agent.formToken('/sign-in'));
  const first = agent.cookies.get('planflow_session');
  await askForLink(agent, HOA);
  const next = (await waitForLinks(portal, HOA, 3)).at(-1) ?? '';
  await agent.post('/sign-in/link', { token: new URL(next).searchParams.get('token') ?? '' }, await agent.formToken('/sign-in'));
  const second = agent.cookies.get('planflow_session');
  expect(second).toBeDefined();
  expect(second).not.toBe(first);

  const stolen = new Agent(portal.server.url);
  stolen.cookies.set('planflow_session', second ?? '');
  expect(await (await stolen.get('/')).text()).toContain('Lý Thị Hoa');
  await agent.post('/sign-out', {}, await agent.formToken('/'));
  expect(await (await stolen.get('/')).text()).not.toContain('Lý Thị Hoa');
  expect(agent.cookies.has('planflow_session')).toBe(false);
});

it('answers an unknown address exactly as a known one, and mails nothing', async () => {
  const agent = new Agent(portal.server.url);
  const known = await (await askForLink(agent, HOA)).text();
  const unknown = await (await askForLink(agent, 'ai-do@langson.gov.vn')).text();
  const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
  expect(strip(unknown)).toBe(strip(known));
  expect(await portal.linksFor('ai-do@langson.gov.vn')).toEqual([]);
});

it('refuses an expired and a forged link', async () => {
  const agent = new Agent(portal.server.url);
  const before = (await portal.linksFor(HOA)).length;
  await askForLink(agent, HOA);
  const link = (await waitForLinks(portal, HOA, before + 1)).at(-1) ?? '';
  const token = new URL(link).searchParams.get('token') ?? '';
  expect((await agent.get(`/sign-in/link?token=${token.slice(0, -3)}abc`)).status).toBe(410);
  portal.clock.now = new Date(portal.clock.now.getTime() + 15 * 60_000);
  try {
    expect((await agent.get(link)).status).toBe(410);
    expect((await agent.post('/sign-in/link', { token }, await agent.formToken('/sign-in'))).status).toBe(410);
  } finally {
    portal.clock.now = new Date();
  }
});

it('limits how many links one address may ask for', async () => {
  const agent = new Agent(portal.server.url);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await askForLink(agent, 'gioi-han@langson.gov.vn')).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
});
