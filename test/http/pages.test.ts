// The portal's frame: security headers, self-hosted htmx and Vietnamese-capable fonts, body limits, CSRF on every
// form, Vietnamese by default with an English switch, dates as dd/mm/yyyy.
import { Agent, startPortal, type Portal } from './portal';

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.close();
});

it('sends security headers with a same-origin content policy', async () => {
  const response = await new Agent(portal.server.url).get('/');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
});

it('serves htmx and the Be Vietnam Pro font from the app itself', async () => {
  const agent = new Agent(portal.server.url);
  const html = await (await agent.get('/')).text();
  expect(html).toContain('src="/static/htmx.min.js"');
  expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"]+\.(js|css|woff2)/);
  const htmx = await agent.get('/static/htmx.min.js');
  expect(htmx.headers.get('content-type')).toMatch(/javascript/);
  expect(await htmx.text()).toContain('htmx');
  const css = await (await agent.get('/static/fonts/400.css')).text();
  const vietnamese = /url\(\.\/files\/(be-vietnam-pro-vietnamese-400-normal\.woff2)\)/.exec(css)?.[1];
  expect(vietnamese).toBeDefined();
  const font = await agent.get(`/static/fonts/files/${vietnamese}`);
  expect(font.headers.get('content-type')).toBe('font/woff2');
  expect(Buffer.from(await font.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('wOF2');
  expect((await agent.get('/static/fonts/files/..%2F..%2Fpackage.json')).status).toBe(404);
});

it('speaks Vietnamese by default and English when asked, and writes dates as dd/mm/yyyy', async () => {
  const agent = new Agent(portal.server.url);
  const vi = await (await agent.get('/')).text();
  expect(vi).toContain('<html lang="vi">');
  expect(vi).toContain('Đăng nhập');
  const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  expect(vi).toContain(today);
  expect(today).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  const en = await (await agent.get('/?lang=en')).text();
  expect(en).toContain('<html lang="en">');
  expect(en).toContain('Sign in');
  expect(await (await agent.get('/sign-in')).text()).toContain('Send a sign-in link'); // remembered
});

it('refuses a form without its token, with another browser’s token, and a body over the limit', async () => {
  const agent = new Agent(portal.server.url);
  const other = new Agent(portal.server.url);
  await agent.get('/sign-in');
  expect((await agent.post('/sign-in', { email: 'a@b.vn' }, undefined)).status).toBe(403);
  expect((await agent.post('/sign-in', { email: 'a@b.vn' }, await other.formToken('/sign-in'))).status).toBe(403);
  const token = await agent.formToken('/sign-in');
  expect((await agent.post('/sign-in', { email: 'a@b.vn', filler: 'x'.repeat(100_000) }, token)).status).toBe(413);
  expect((await agent.post('/sign-in', { email: 'khong-phai-email' }, token)).status).toBe(422);
});

it('answers an unknown page with 404 in the frame', async () => {
  const response = await new Agent(portal.server.url).get('/khong-co');
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('Không tìm thấy trang.');
});
