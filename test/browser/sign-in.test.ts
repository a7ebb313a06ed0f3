// In Chromium: an official asks for a sign-in link, opens it from the outbox as they would from their mail, confirms,
// lands signed in, switches to English and signs out. Every page passes axe-core and is photographed.
import type { Browser, Page } from 'playwright-core';
import { startPortal, waitForLinks, type Portal } from '../http/portal';
import { launchChromium, screenshot, seriousViolations } from './browser';

let portal: Portal;
let browser: Browser;
const EMAIL = 'trieuducdung@vanquan.example';

beforeAll(async () => {
  portal = await startPortal();
  await portal.store.directory.putAgency({ id: 'ubnd-huyen', name: 'UBND huyện Văn Quan', kind: 'people-committee', emails: ['ubnd@vanquan.example'], validFrom: '2021-01-01' });
  await portal.store.directory.putPerson({ id: 'trieu-duc-dung', name: 'Triệu Đức Dũng', title: 'Phó Chủ tịch UBND huyện Văn Quan', agency: 'ubnd-huyen', email: EMAIL, validFrom: '2021-01-01' });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

async function check(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

it('signs in with the link from the outbox, in Vietnamese, then English, then signs out', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' }); // axe-core needs a page of an explicit context
  const page = await context.newPage();
  await page.goto(`${portal.server.url}/sign-in`);
  await check(page, 'sign-in');
  await page.getByLabel('Địa chỉ thư điện tử công vụ').fill(EMAIL);
  await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
  await page.getByText('một liên kết đăng nhập vừa được gửi tới').waitFor();
  await check(page, 'sign-in-link-sent');

  const [link = ''] = await waitForLinks(portal, EMAIL, 1);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Xác nhận đăng nhập' }).waitFor();
  await check(page, 'sign-in-confirm');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Xin chào, Triệu Đức Dũng').waitFor();
  await check(page, 'home');

  await page.getByRole('link', { name: 'English' }).click();
  await page.getByText('Welcome, Triệu Đức Dũng').waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You are not signed in.').waitFor();
  await page.goto(link);
  await page.getByText('already used or expired').waitFor();
  await check(page, 'sign-in-link-invalid');
  await context.close();
});
