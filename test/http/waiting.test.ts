// What waits on people, on the rebased Văn Quan plan on a real Temporal dev server: assignments named by their clause
// (the memo), the lead office's *Báo cáo chờ tiếp nhận* accepted several at once with a result per row, and a deputy
// who signs KT. for the chair acting with the chair's authority, the record saying so; the plan dashboard's figures.
import { assignmentWorkflowId, planKey, planWorkflowId } from '../../model/ids';
import type { Plan } from '../../model/plan';
import { contactPersonId, seedDirectoryFromPlan } from '../../store/seed';
import { assignmentStatus, planStatus } from '../../client/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';
import { loadExample, rehearse, reportingOnly, usePlanflowWorker } from '../helpers/planflow';
import { addDays, civilDateAt } from '../../model/calendar';
import { rebasePlan } from '../../model/rebase';
import { stepsOf } from '../../model/work';
import { overdueList, stepProgress } from '../../client/http/dashboard';
import { listInbox } from '../../client/http/inbox';
import type { AssignmentStatus } from '../../model/status';
import { workingDaysLeft } from '../../client/http/dates';
import { eventually } from '../helpers/eventually';
import { Agent, signIn, startPortal, type Portal } from './portal';
import { stringify } from 'yaml';

const worker = usePlanflowWorker(createDevServerEnv);
let portal: Portal;
let plan: Plan;
const tokens: Record<string, string> = {};
const DEPUTY_EMAIL = 'pho-truong-phong@vanquan.example';

beforeAll(async () => {
  const rehearsed = await rehearse(worker.env(), 'van-quan-2021-tre-em.yaml');
  // The chair signs the issue here, so the deputy chair signs it KT. Chủ tịch.
  plan = { ...rehearsed, approvals: rehearsed.approvals.map((a) => (a.stage === 'issue' ? { ...a, approvers: ['chu-tich-ubnd-huyen'] } : a)) };
  await worker.run(async ({ client, taskQueue }) => {
    portal = await startPortal({}, { temporal: client, taskQueue });
  });
  const directory = portal.store.directory;
  await seedDirectoryFromPlan(directory, plan, '2021-01-01');
  await directory.putPerson({ id: 'trieu-duc-dung', name: 'Triệu Đức Dũng', title: 'Phó Chủ tịch UBND huyện Văn Quan', agency: 'ubnd-huyen', email: 'trieuducdung@vanquan.example', roles: ['official', 'leader'], signsFor: { kind: 'KT', person: 'chu-tich-ubnd-huyen' }, validFrom: '2021-01-01' });
  await directory.putPerson({ id: 'truong-phong', name: 'Hoàng Thị Mai', title: 'Trưởng phòng Lao động, Thương binh, Xã hội - Dân tộc', agency: 'phong-ldtbxh-dt', email: 'truong-phong@vanquan.example', validFrom: '2021-01-01' });
  await directory.putPerson({ id: 'pho-truong-phong', name: 'Nông Văn Bình', title: 'Phó Trưởng phòng', agency: 'phong-ldtbxh-dt', email: DEPUTY_EMAIL, signsFor: { kind: 'KT', person: 'truong-phong' }, validFrom: '2021-01-01' });
  await directory.putPerson({ id: 'dieu-phoi', name: 'Lương Văn Phúc', title: 'Chuyên viên theo dõi kế hoạch', agency: 'phong-ldtbxh-dt', email: 'phuc@vanquan.example', roles: ['official', 'coordinator'], validFrom: '2021-01-01' });
  for (const id of ['trieu-duc-dung', 'dieu-phoi', 'pho-truong-phong', contactPersonId('xa-an-son'), contactPersonId('xa-binh-phuc')]) {
    tokens[id] = await portal.store.apiTokens.issue(`thử nghiệm ${id}`, id);
  }
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

async function call(as: string, method: 'GET' | 'POST', path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${portal.server.url}/api${path}`, {
    method, headers: { 'content-type': type, authorization: `Bearer ${tokens[as]}` }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const enc = encodeURIComponent;

async function acceptedUpdates(workflowId: string): Promise<number> {
  const history = await worker.env().client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

it('names work by its clause, queues reports for the lead office, accepts several at once, and records who signed KT.', async () => {
  const planId = planWorkflowId(planKey(plan));
  const report = (agency: string) => assignmentWorkflowId(planId, 'bao-cao-xa-2021', agency);
  expect((await call('dieu-phoi', 'POST', '/plans', stringify(plan), 'application/yaml')).status).toBe(200);

  // The deputy chair approves with the chair's authority; the plan's record and the audit log carry the signature line.
  expect((await call('trieu-duc-dung', 'POST', `/plans/${enc(planId)}/approve`, { stage: 'issue', note: 'Đồng ý ban hành.' })).json).toMatchObject({ result: { stage: 'in-progress' } });
  const approval = (await planStatus(worker.env().client, planId)).actions.find((a) => a.action === 'approve');
  expect(approval).toMatchObject({ by: 'chu-tich-ubnd-huyen', note: 'KT. Chủ tịch UBND huyện Văn Quan — Triệu Đức Dũng: Đồng ý ban hành.' });
  expect((await portal.store.audit.forSubject(planId)).find((e) => e.action === 'approve')).toMatchObject({
    actor: 'trieu-duc-dung', onBehalfOf: 'chu-tich-ubnd-huyen', outcome: 'done', detail: { signed: 'KT. Chủ tịch UBND huyện Văn Quan — Triệu Đức Dũng' },
  });

  // The commune's inbox names its assignment by the plan's words, with the plan's number.
  const anSon = contactPersonId('xa-an-son');
  const inbox = await eventually(() => call(anSon, 'GET', '/inbox'), (r) => ((r.json.items as { id: string }[] | undefined) ?? []).some((i) => i.id === report('xa-an-son')));
  const item = (inbox.json.items as Record<string, unknown>[]).find((i) => i.id === report('xa-an-son'));
  expect(item).toMatchObject({ planNumber: '…/KH-UBND', planTitle: plan.document.title });
  expect(item?.title).not.toBe(item?.id);

  for (const agency of ['xa-an-son', 'xa-binh-phuc']) {
    const result = await call(contactPersonId(agency), 'POST', `/assignments/${enc(report(agency))}/report`, { text: `Báo cáo của ${agency}.`, values: {} });
    expect(result.json).toMatchObject({ result: { status: 'submitted' } });
  }

  // The lead office's queue, from visibility: both reports, each with the time it came in (from the audit log).
  const queue = await eventually(() => call('pho-truong-phong', 'GET', '/reviews'), (r) => ((r.json.reviews as unknown[] | undefined) ?? []).length >= 2);
  const reviews = queue.json.reviews as { id: string; title: string; since?: string }[];
  expect(reviews.map((r) => r.id).sort()).toEqual([report('xa-an-son'), report('xa-binh-phuc')]);
  for (const r of reviews) expect(Date.now() - Date.parse(r.since ?? '')).toBeLessThan(10 * 60_000);

  // The page: the section in Việc của tôi, then one form accepting both and an assignment that has no report.
  const agent = new Agent(portal.server.url);
  await signIn(portal, agent, DEPUTY_EMAIL);
  const page = await (await agent.get('/inbox')).text();
  expect(page).toContain('Báo cáo chờ tiếp nhận');
  expect(page).toContain('UBND xã An Sơn');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const body = new URLSearchParams([['_csrf', csrf], ['ids', report('xa-an-son')], ['ids', report('xa-dai-an')], ['ids', report('xa-binh-phuc')]]);
  const answer = await agent.request('/reviews', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(answer.status).toBe(200);
  const results = await answer.text();
  expect(results.match(/class="result-done"/g)).toHaveLength(2);
  expect(results.match(/class="result-refused"/g)).toHaveLength(1);
  expect(await acceptedUpdates(report('xa-an-son'))).toBe(2);
  expect(await acceptedUpdates(report('xa-binh-phuc'))).toBe(2);
  expect(await acceptedUpdates(report('xa-dai-an'))).toBe(0);
  const acceptance = (await assignmentStatus(worker.env().client, report('xa-an-son'))).actions.find((a) => a.action === 'accept');
  expect(acceptance).toMatchObject({ by: 'phong-ldtbxh-dt', note: 'KT. Trưởng phòng Lao động, Thương binh, Xã hội - Dân tộc — Nông Văn Bình' });
  const audit = await portal.store.audit.forSubject(report('xa-an-son'));
  expect(audit.find((e) => e.action === 'review')).toMatchObject({ actor: 'pho-truong-phong', onBehalfOf: 'phong-ldtbxh-dt', detail: { signed: 'KT. Trưởng phòng Lao động, Thương binh, Xã hội - Dân tộc — Nông Văn Bình' } });

  // The API's batch: a result per id, a refusal never another person's id.
  const batch = await call('pho-truong-phong', 'POST', '/reviews', { ids: [report('xa-an-son'), report('xa-dai-an')], decision: 'accept' });
  expect(batch.status).toBe(200);
  expect((batch.json.results as { id: string; ok: boolean }[]).map((r) => [r.id, r.ok])).toEqual([[report('xa-an-son'), false], [report('xa-dai-an'), false]]);
  expect((await call(anSon, 'POST', '/reviews', { ids: [report('xa-binh-phuc')], decision: 'accept' })).json).toMatchObject({ results: [{ ok: false, code: 'forbidden' }] });
}, 180_000);

it('shows per step and per cycle how many communes reported, and the overdue list in working days, from visibility', async () => {
  const today = civilDateAt(Date.now());
  const issuedOn = addDays(today, -200);
  const base = rebasePlan(loadExample('van-quan-2021-tre-em.yaml'), issuedOn);
  // The plan as written: the deputy chair himself signs the issue, so he approves in his own name, no KT. line.
  const quarterly = reportingOnly({ ...base, document: { ...base.document, issuedOn } }, 2);
  const recurring: Plan = { ...quarterly, reporting: { ...quarterly.reporting, submissions: quarterly.reporting.submissions.map((s) => ({ ...s, deadline: { kind: 'recurring' as const, every: 'quarter' as const, day: 20 } })) } };
  const planId = planWorkflowId(planKey(recurring));
  const [step] = stepsOf(recurring, planId, issuedOn);
  const opened = (step?.cycles ?? []).filter((c) => c.opensOn <= today);
  const past = opened.filter((c) => c.lastDay < today);
  expect(past.length).toBeGreaterThan(0);

  expect((await call('dieu-phoi', 'POST', '/plans', stringify(recurring), 'application/yaml')).status).toBe(200);
  expect((await call('trieu-duc-dung', 'POST', `/plans/${enc(planId)}/approve`, { stage: 'issue' })).status).toBe(200);
  const client = worker.env().client;
  expect((await planStatus(client, planId)).actions.find((a) => a.action === 'approve')).toMatchObject({ by: 'trieu-duc-dung', note: 'issue' });
  const firstLate = `${assignmentWorkflowId(planId, 'bao-cao-xa-2021', 'xa-an-son')}/${past[0]?.key}`;
  await eventually(() => call(contactPersonId('xa-an-son'), 'GET', '/inbox'), (r) => ((r.json.items as { id: string }[] | undefined) ?? []).some((i) => i.id === firstLate));
  expect((await call(contactPersonId('xa-an-son'), 'POST', `/assignments/${enc(firstLate)}/report`, { text: 'Báo cáo quý.', values: {} })).status).toBe(200);

  const expected = opened.map((c) => ({ key: c.key, reported: c.key === past[0]?.key ? 1 : 0, total: 2 }));
  const progress = await eventually(() => stepProgress(client, recurring, planId, issuedOn, new Date()), (p) => JSON.stringify(p[0]?.cycles.map((c) => ({ key: c.key, reported: c.reported, total: c.total }))) === JSON.stringify(expected));
  expect(progress.map((p) => [p.stepId, p.reported, p.total, p.communes])).toEqual([['bao-cao-xa-2021', 1, 2 * opened.length, true]]);
  expect(progress[0]?.cycles.map((c) => ({ key: c.key, reported: c.reported, total: c.total }))).toEqual(expected);

  const overdue = await eventually(() => overdueList(client, planId, new Date()), (o) => o.total === 2 * past.length - 1);
  expect(overdue.rows).toHaveLength(2 * past.length - 1);
  expect(overdue.rows.map((r) => r.id)).not.toContain(firstLate);
  for (const row of overdue.rows) {
    expect(row.workingDaysLate).toBe(-workingDaysLeft(row.lastDay ?? '', new Date()));
    expect(row.workingDaysLate).toBeGreaterThan(0);
  }

  // The clock's statuses filter on the server by the dates the work was started with (client/http/clock.ts), as
  // work asleep on its clock never writes them: each of the commune's open cycles is in one list, as its status says.
  const inboxOf = (status: AssignmentStatus) => listInbox(client, { agencies: ['xa-an-son'], plan: planId, status });
  const lists = await eventually(() => Promise.all((['not-due', 'due-soon', 'overdue'] as const).map(inboxOf)), (l) => l[2]!.length === past.length - 1);
  expect(lists[0]!.length + lists[1]!.length).toBe(opened.length - past.length);
  lists.forEach((list, i) => list.forEach((item) => expect(item.status).toBe(['not-due', 'due-soon', 'overdue'][i])));
  expect(lists.flat().map((i) => i.id)).not.toContain(firstLate);

  const agent = new Agent(portal.server.url);
  await signIn(portal, agent, DEPUTY_EMAIL);
  const html = await (await agent.get(`/plans/${enc(planId)}`)).text();
  expect(html).toContain(`1/${2 * opened.length} xã đã báo cáo`);
  expect(html).toContain('UBND thị trấn Văn Quan');
  expect(html).toMatch(/\d+ ngày làm việc/);
}, 180_000);
