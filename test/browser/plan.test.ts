// The rebased Văn Quan plan in Chromium, each person signed in with the link from the outbox: the coordinator starts
// it from its file, the signatory approves the issue, a commune finds its assignment by the clause's words and reports
// with an attachment, the lead office accepts it from *Báo cáo chờ tiếp nhận*, and the dashboard counts it as hoàn
// thành đúng hạn and as one of the communes that reported. Every page passes axe-core and is photographed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { consolidateNow } from '../../client/planflow';
import { assignmentWorkflowId, planKey, planWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { seedDirectoryFromPlan } from '../../store/seed';
import { eventually } from '../helpers/eventually';
import { rehearse, usePlanflowWorker } from '../helpers/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';
import { startPortal, waitForLinks, type Portal } from '../http/portal';
import { launchChromium, screenshot, seriousViolations } from './browser';

const worker = usePlanflowWorker(createDevServerEnv);
let portal: Portal;
let browser: Browser;
let plan: Plan;
let files: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  plan = await rehearse(worker.env(), 'van-quan-2021-tre-em.yaml');
  await worker.run(async ({ client, taskQueue }) => {
    portal = await startPortal({}, { temporal: client, taskQueue });
  });
  await seedDirectoryFromPlan(portal.store.directory, plan, '2021-01-01');
  await portal.store.directory.putPerson({ id: 'dieu-phoi', name: 'Lương Văn Phúc', title: 'Chuyên viên theo dõi kế hoạch', agency: 'phong-ldtbxh-dt', email: 'phuc@vanquan.example', roles: ['official', 'coordinator'], validFrom: '2021-01-01' });
  files = mkdtempSync(join(tmpdir(), 'planflow-browser-'));
  writeFileSync(join(files, 'ke-hoach-van-quan.yaml'), stringify(plan));
  writeFileSync(join(files, 'bao-cao-xa-an-son.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await portal?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function check(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

/** Signs in as a person would: asks for a link, opens it from the outbox, confirms. */
async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  const before = (await portal.linksFor(email).catch(() => [])).length;
  await page.goto(`${portal.server.url}/sign-in`);
  await page.getByLabel('Địa chỉ thư điện tử công vụ').fill(email);
  await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
  await page.getByRole('status').waitFor();
  const link = (await waitForLinks(portal, email, before + 1)).at(-1) ?? '';
  await page.goto(link);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

it('runs from the file to a report accepted on time, each person acting as themselves', async () => {
  const planId = planWorkflowId(planKey(plan));
  const assignment = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-an-son');

  const coordinator = await signIn('phuc@vanquan.example');
  await coordinator.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await coordinator.getByLabel('Tệp kế hoạch (YAML hoặc JSON)').setInputFiles(join(files, 'ke-hoach-van-quan.yaml'));
  await check(coordinator, 'plans');
  await coordinator.getByRole('button', { name: 'Khởi chạy kế hoạch mới' }).click();
  await coordinator.getByText('chờ duyệt ban hành').waitFor();

  const chair = await signIn('trieuducdung@vanquan.example');
  // Visibility follows the start by a moment: the inbox is reloaded until the plan waits there.
  await eventually(async () => {
    await chair.goto(`${portal.server.url}/inbox`);
    return chair.getByRole('heading', { name: 'Chờ phê duyệt' }).count();
  }, (n) => n > 0);
  await check(chair, 'inbox-approvals');
  await chair.locator('main').getByRole('link', { name: /KH-UBND/ }).click();
  await chair.getByRole('heading', { name: 'Phê duyệt ban hành' }).waitFor();
  await check(chair, 'plan-approval');
  await chair.getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý ban hành.');
  await chair.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await chair.getByText('đang thực hiện', { exact: true }).waitFor();

  const commune = await signIn('an-son@vanquan.example');
  await commune.getByRole('link', { name: 'Việc của tôi', exact: true }).click();
  await commune.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
  // The commune finds its work in Việc của tôi (from the assignments' search attributes, a moment after the issue).
  const work = () => commune.locator(`main a[href="/assignments/${encodeURIComponent(assignment)}"]`);
  await eventually(async () => {
    await commune.goto(`${portal.server.url}/inbox`);
    return work().count();
  }, (n) => n > 0);
  await check(commune, 'inbox');
  expect(await work().textContent()).toMatch(/^Báo cáo: Căn cứ kết quả triển khai/);
  await work().click();
  await commune.getByLabel('Nội dung báo cáo').fill('Xã An Sơn đã xây dựng kế hoạch năm 2021 và tổ chức 4 buổi truyền thông.');
  await commune.getByLabel(/Tệp đính kèm/).setInputFiles(join(files, 'bao-cao-xa-an-son.pdf'));
  await check(commune, 'assignment-report');
  await commune.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await commune.getByText('đã nộp – chờ duyệt').waitFor();
  await commune.getByRole('link', { name: 'bao-cao-xa-an-son.pdf' }).waitFor();

  const lead = await signIn('ldtbxh-dt@vanquan.example');
  await eventually(async () => {
    await lead.goto(`${portal.server.url}/inbox`);
    return lead.getByRole('heading', { name: 'Báo cáo chờ tiếp nhận' }).count();
  }, (n) => n > 0);
  await check(lead, 'inbox-reviews');
  await lead.goto(`${portal.server.url}/assignments/${encodeURIComponent(assignment)}`);
  await check(lead, 'assignment-review');
  await lead.goto(`${portal.server.url}/reviews`);
  await lead.getByRole('checkbox', { name: /UBND xã An Sơn/ }).check();
  await check(lead, 'reviews');
  await lead.getByRole('button', { name: 'Tiếp nhận các báo cáo đã chọn' }).click();
  await lead.getByRole('heading', { name: 'Kết quả tiếp nhận' }).waitFor();
  expect(await lead.getByRole('row', { name: /Đã tiếp nhận/ }).count()).toBe(1);
  await check(lead, 'reviews-results');
  await lead.goto(`${portal.server.url}/assignments/${encodeURIComponent(assignment)}`);
  await lead.getByText('hoàn thành đúng hạn').waitFor();

  await lead.goto(`${portal.server.url}/plans/${encodeURIComponent(planId)}`);
  const row = lead.getByRole('row', { name: /^xa-an-son/ });
  const [doneOnTime, doneLate, , late, waiting] = await row.getByRole('cell').allTextContents();
  expect({ doneOnTime, doneLate, late, waiting }).toEqual({ doneOnTime: '1', doneLate: '0', late: '0', waiting: '0' });
  await lead.getByText(/^1\/\d+ xã đã báo cáo$/).waitFor();
  await check(lead, 'plan-dashboard');

  // The office consolidates: the page lists the report as a summary and shows the newest one's text in full.
  const [made] = await consolidateNow(worker.env().client, planId, { by: 'phong-ldtbxh-dt' });
  await lead.reload();
  await lead.getByText(new RegExp(`tong-hop-huyen-2021 — .*: 1/${made!.expected} đơn vị đã báo cáo, ${made!.expected - 1} đơn vị chưa báo cáo`)).waitFor();
  await lead.getByRole('heading', { name: 'Toàn văn lần tổng hợp gần nhất: tong-hop-huyen-2021' }).waitFor();
  expect(await lead.locator('pre').textContent()).toContain('1/' + made!.expected + ' đơn vị đã báo cáo');
  await check(lead, 'plan-consolidated');
}, 180_000);
