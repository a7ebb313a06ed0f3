// Officials act as themselves through the JSON API, on the rebased Văn Quan plan on a real Temporal dev server: only
// the signatory approves, only the commune reports on its own assignment, only the lead office reviews; refusals are
// 403 with nothing entering workflow history, and every attempt is in the audit log.
import { request as httpRequest } from 'node:http';
import { stringify } from 'yaml';
import { assignmentWorkflowId, planKey, planWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { contactPersonId, seedDirectoryFromPlan } from '../../store/seed';
import { createDevServerEnv } from '../helpers/temporal-env';
import { rehearse, usePlanflowWorker } from '../helpers/planflow';
import { eventually } from '../helpers/eventually';
import { Agent, signIn, startPortal, type Portal } from './portal';

const worker = usePlanflowWorker(createDevServerEnv);
let portal: Portal;
let plan: Plan;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  plan = await rehearse(worker.env(), 'van-quan-2021-tre-em.yaml');
  await worker.run(async ({ client, taskQueue }) => {
    portal = await startPortal({}, { temporal: client, taskQueue });
  });
  await seedDirectoryFromPlan(portal.store.directory, plan, '2021-01-01');
  await portal.store.directory.putPerson({ id: 'dieu-phoi', name: 'Lương Văn Phúc', title: 'Chuyên viên theo dõi kế hoạch', agency: 'phong-ldtbxh-dt', email: 'phuc@vanquan.example', roles: ['official', 'coordinator'], validFrom: '2021-01-01' });
  for (const id of ['trieu-duc-dung', 'dieu-phoi', contactPersonId('xa-an-son'), contactPersonId('xa-binh-phuc'), contactPersonId('phong-ldtbxh-dt')]) {
    tokens[id] = await portal.store.apiTokens.issue(`thử nghiệm ${id}`, id);
  }
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

async function call(as: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': type };
  if (as) headers.authorization = `Bearer ${tokens[as]}`;
  const response = await fetch(`${portal.server.url}/api${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const enc = encodeURIComponent;

/** Updates accepted into a workflow's history: a refusal must add none. */
async function acceptedUpdates(workflowId: string): Promise<number> {
  const history = await worker.env().client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

it('runs the plan as its people: start, approve, report, accept; refusing everyone else', async () => {
  const planId = planWorkflowId(planKey(plan));
  const mine = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-an-son');
  const anSon = contactPersonId('xa-an-son');
  const binhPhuc = contactPersonId('xa-binh-phuc');
  const lead = contactPersonId('phong-ldtbxh-dt');

  expect((await call(undefined, 'GET', '/me')).status).toBe(401);
  expect((await call(anSon, 'GET', '/me')).json).toMatchObject({ id: anSon, agency: { id: 'xa-an-son' } });
  expect((await call(anSon, 'POST', '/plans', stringify(plan), 'application/yaml')).status).toBe(403);
  const started = await call('dieu-phoi', 'POST', '/plans', stringify(plan), 'application/yaml');
  expect(started).toMatchObject({ status: 200, json: { result: planId } });

  for (const who of [anSon, lead]) {
    const refused = await call(who, 'POST', `/plans/${enc(planId)}/approve`, { stage: 'issue' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain('trieu-duc-dung');
  }
  expect((await call('trieu-duc-dung', 'POST', `/plans/${enc(planId)}/approve`, { stage: 'issue', by: 'trieu-duc-dung' })).status).toBe(422); // `by` is never read from a body
  expect((await call('trieu-duc-dung', 'POST', `/plans/${enc(planId)}/approve`, { stage: 'issue' })).json).toMatchObject({ result: { stage: 'in-progress' } });
  expect(await acceptedUpdates(planId)).toBe(1);

  await eventually(() => call(anSon, 'POST', `/assignments/${enc(mine)}/extend`, { newLastDay: '2099-01-01', reason: 'thử' }), (r) => r.status !== 404);
  const report = { text: 'Xã An Sơn đã xây dựng kế hoạch và tổ chức truyền thông.', values: {} };
  expect((await call(binhPhuc, 'POST', `/assignments/${enc(mine)}/report`, report)).status).toBe(403);
  expect((await call(anSon, 'POST', `/assignments/${enc(mine)}/extend`, { newLastDay: '2099-01-01', reason: 'thử' })).status).toBe(403);
  expect((await call(anSon, 'POST', `/assignments/${enc(mine)}/report`, report)).json).toMatchObject({ result: { status: 'submitted' } });
  expect((await call(anSon, 'POST', `/assignments/${enc(mine)}/review`, { decision: 'accept' })).status).toBe(403);
  expect((await call(lead, 'POST', `/assignments/${enc(mine)}/review`, { decision: 'accept' })).json).toMatchObject({ result: { status: 'done-on-time' } });
  expect(await acceptedUpdates(mine)).toBe(2);

  const audit = await portal.store.audit.forSubject(planId);
  expect(audit.filter((e) => e.outcome === 'refused').map((e) => [e.actor, e.action])).toEqual(expect.arrayContaining([
    [binhPhuc, 'report'], [anSon, 'extend'], [anSon, 'review'], [anSon, 'approve'], [lead, 'approve'],
  ]));
  expect(audit.find((e) => e.action === 'review' && e.outcome === 'done')).toMatchObject({ actor: lead, onBehalfOf: 'phong-ldtbxh-dt' });
}, 120_000);

it('describes itself in OpenAPI 3.1', async () => {
  const { status, json } = await call(undefined, 'GET', '/openapi.json');
  expect(status).toBe(200);
  expect(json.openapi).toBe('3.1.0');
  expect(Object.keys(json.paths as object)).toEqual(expect.arrayContaining(['/me', '/inbox', '/assignments/{id}/report', '/assignments/{id}/review', '/assignments/{id}/extend', '/plans/{id}/approve', '/plans', '/reviews']));
  const inbox = (json.paths as Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: { properties: Record<string, unknown> } }> }> } }>)['/inbox'];
  const items = inbox?.get?.responses['200']?.content?.['application/json']?.schema.properties.items as { items: { properties: Record<string, unknown> } };
  expect(Object.keys(items.items.properties)).toEqual(expect.arrayContaining(['title', 'planNumber', 'planTitle', 'cycle', 'lastDay']));
});

it('refuses through the pages too: another commune’s assignment, a 25 MB or disguised file, a form without its token', async () => {
  const planId = planWorkflowId(planKey(plan));
  const own = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-dai-an');
  const other = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-binh-phuc');
  const agent = new Agent(portal.server.url);
  await signIn(portal, agent, 'dai-an@vanquan.example');
  const token = await agent.formToken(`/assignments/${enc(own)}`);

  const upload = (id: string, file: Blob, name: string, csrf: string | null = token) => {
    const form = new FormData();
    if (csrf) form.set('_csrf', csrf);
    form.set('text', 'Báo cáo của xã Đại An.');
    form.set('files', file, name);
    return agent.request(`/assignments/${enc(id)}/report`, { method: 'POST', body: form });
  };
  const pdf = (bytes: number) => new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes)])]);

  expect((await agent.get(`/assignments/${enc(other)}`)).status).toBe(403);
  expect((await upload(other, pdf(100), 'a.pdf')).status).toBe(403);
  const big = await upload(own, pdf(25 * 1024 * 1024), 'lon.pdf');
  expect(big.status).toBe(422);
  expect(await big.text()).toContain('lớn hơn 20 MB');
  const disguised = await upload(own, new Blob([Buffer.from('MZ\x90\x00program')]), 'bao-cao.pdf');
  expect(disguised.status).toBe(422);
  expect(await disguised.text()).toContain('chỉ nhận tệp PDF, DOCX, XLSX');
  expect((await upload(own, pdf(100), 'a.pdf', null)).status).toBe(403);
  expect(await acceptedUpdates(own)).toBe(0);
  expect(await acceptedUpdates(other)).toBe(0);
  expect(await portal.store.attachments.list(own)).toEqual([]);

  expect((await upload(own, pdf(100), 'bao-cao.pdf')).status).toBe(303);
  expect((await portal.store.attachments.list(own)).map((a) => [a.filename, a.contentType])).toEqual([['bao-cao.pdf', 'application/pdf']]);
  expect(await acceptedUpdates(own)).toBe(1);
}, 120_000);

it('gives signed-in officials the plan as a Decree-30 .docx, and says plainly when no consolidated report exists yet', async () => {
  const planId = planWorkflowId(planKey(plan));
  const base = `/plans/${enc(planId)}/documents`;
  expect((await new Agent(portal.server.url).get(`${base}/ke-hoach.docx`)).status).toBe(303); // to the sign-in page
  const agent = new Agent(portal.server.url);
  await signIn(portal, agent, 'dai-an@vanquan.example');

  const docx = await agent.get(`${base}/ke-hoach.docx`);
  expect(docx.status).toBe(200);
  expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="ke-hoach-plan-[A-Za-z0-9-]+\.docx"$/);
  expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: the .docx container
  const none = await agent.get(`${base}/bao-cao-tong-hop.docx`);
  expect(none.status).toBe(404);
  expect(await none.text()).toContain('Kế hoạch chưa có báo cáo tổng hợp nào.');
  expect((await agent.get(`${base}/bao-cao-tong-hop.docx?cycle=..%2Fx`)).status).toBe(404);
  expect((await agent.get(`/plans/${enc('plan/khong-co')}/documents/ke-hoach.docx`)).status).toBe(404);
}, 60_000);
/** Events of a workflow's history that a hostile body must never cause: Updates accepted, workflow tasks failed. */
async function harm(workflowId: string): Promise<{ accepted: number; failedTasks: number }> {
  const history = await worker.env().client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  return { accepted: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length, failedTasks: events.filter((e) => e.workflowTaskFailedEventAttributes).length };
}

/**
 * A POST on a connection of its own: the server answers an oversized body before reading it and closes the
 * connection, which fetch's keep-alive pool would otherwise hand to the next request.
 */
function postOnce(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may close while the body is still going out; its answer has arrived by then.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    request.end(body);
  });
}

// Temporal's SDK fails a workflow task on an Update payload over ~2 MiB before any validator runs (README, Bounds):
// every entry point must refuse such a body itself, and answer in Vietnamese.
it('stops a 3 MB body before Temporal: the API report and plan, the report form (issue 12)', async () => {
  const planId = planWorkflowId(planKey(plan));
  const theirs = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-binh-phuc');
  const own = assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-dai-an');
  const threeMb = 'Xã đã triển khai. '.repeat(Math.ceil((3 * 1024 * 1024) / 'Xã đã triển khai. '.length));
  const before = await Promise.all([planId, theirs, own].map(harm));
  const post = (as: string, path: string, body: string, type: string) => postOnce(`${portal.server.url}/api${path}`, body, { 'content-type': type, authorization: `Bearer ${tokens[as]}` });

  const report = await post(contactPersonId('xa-binh-phuc'), `/assignments/${enc(theirs)}/report`, JSON.stringify({ text: threeMb, values: {} }), 'application/json');
  expect(report).toEqual({ status: 413, text: 'Dữ liệu gửi lên quá lớn.' });
  const planFile = await post('dieu-phoi', '/plans', `${stringify({ ...plan, id: 'ke-hoach-3-mb' })}\n# ${threeMb}`, 'application/yaml');
  expect(planFile).toEqual({ status: 413, text: 'Dữ liệu gửi lên quá lớn.' });

  // The report form allows files (20 MB each, stored apart, never in history); its text field is bounded on its own.
  const agent = new Agent(portal.server.url);
  await signIn(portal, agent, 'dai-an@vanquan.example');
  const form = new FormData();
  form.set('_csrf', await agent.formToken(`/assignments/${enc(own)}`));
  form.set('text', threeMb);
  const page = await agent.request(`/assignments/${enc(own)}/report`, { method: 'POST', body: form });
  expect(page.status).toBe(422);
  expect(await page.text()).toContain('text: nội dung báo cáo dài quá 10.000 ký tự');

  expect(await Promise.all([planId, theirs, own].map(harm))).toEqual(before);
}, 120_000);
