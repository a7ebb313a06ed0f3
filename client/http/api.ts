// The JSON API for systems and scripts: the same people, the same authorization and the same actions as the pages.
// A session cookie (with X-CSRF-Token on writes) or `Authorization: Bearer` token names the person; `by` is never
// read from the body. Refusals are 401 / 403 / 404 / 422 / 503 with a code and a Vietnamese message.
import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { actingIds, type Acting, type Outcome } from './acting';
import { ApproveBody, BatchReviewBody, ExtendBody, parseBody, ReportBody, ReviewBody, zodMessage, type ApiError } from './api-schemas';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { listInbox } from './inbox';
import { openApiDocument } from './openapi';
import { listWaitingReviews } from './waiting';

/** A plan file is larger than a form; this still bounds it. */
export const PLAN_BODY_LIMIT = 1024 * 1024;

const error = (c: PortalContext, status: ContentfulStatusCode, body: ApiError) => c.json(body, status);

const bearer = (deps: PortalDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) {
    const personId = await deps.store.apiTokens.personOf(header.slice('Bearer '.length).trim());
    const person = personId ? await deps.store.directory.person(personId) : undefined;
    if (!person) return error(c, 401, { code: 'unauthenticated', message: 'Mã truy cập (Bearer token) không hợp lệ hoặc đã bị thu hồi.' });
    c.set('person', person);
  }
  if (!c.var.person) return error(c, 401, { code: 'unauthenticated', message: 'Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer).' });
  await next();
};

function answer<T>(c: PortalContext, outcome: Outcome<T>) {
  if (outcome.ok) return c.json({ ok: true, result: outcome.value });
  const problems = outcome.problems?.map((p) => ({ path: p.path.join('.'), message: p.message, line: p.line }));
  return error(c, outcome.status, { code: outcome.code, message: outcome.message, problems });
}

async function jsonBody<S extends z.ZodType>(c: PortalContext, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  const raw: unknown = await c.req.json().catch(() => undefined);
  const parsed = parseBody(schema, raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: error(c, 422, { code: 'invalid-input', message: raw === undefined ? '(dữ liệu): cần một đối tượng JSON' : zodMessage(parsed.error) }) };
}

export function apiRoutes(deps: PortalDeps, acting: Acting): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/openapi.json', (c) => c.json(openApiDocument(deps.publicUrl)));
  api.use('*', bearer(deps));
  const me = (c: PortalContext) => {
    const person = c.var.person;
    if (!person) throw new Error('bearer() lets no request through without a person');
    return person;
  };

  api.get('/me', async (c) => {
    const person = me(c);
    const agency = await deps.store.directory.agency(person.agency);
    return c.json({ id: person.id, name: person.name, title: person.title, email: person.email, roles: person.roles, csrfToken: c.var.csrf, agency: agency ? { id: agency.id, name: agency.name } : { id: person.agency } });
  });

  api.get('/inbox', async (c) => {
    if (!deps.temporal) return error(c, 503, { code: 'unavailable', message: 'Máy chủ quy trình (Temporal) chưa sẵn sàng.' });
    const items = await listInbox(deps.temporal, { agencies: [me(c).agency], plan: c.req.query('plan') }).catch(() => undefined);
    if (!items) return error(c, 503, { code: 'inbox-unavailable', message: 'Máy chủ quy trình chưa cho truy vấn nhiệm vụ (thiếu search attribute của nhiệm vụ).' });
    return c.json({ items });
  });

  api.post('/assignments/:id/report', async (c) => {
    const body = await jsonBody(c, ReportBody);
    return body.ok ? answer(c, await acting.report(me(c), c.req.param('id'), body.data)) : body.response;
  });
  api.post('/assignments/:id/review', async (c) => {
    const body = await jsonBody(c, ReviewBody);
    return body.ok ? answer(c, await acting.review(me(c), c.req.param('id'), body.data)) : body.response;
  });
  api.get('/reviews', async (c) => {
    if (!deps.temporal) return error(c, 503, { code: 'unavailable', message: 'Máy chủ quy trình (Temporal) chưa sẵn sàng.' });
    const reviews = await listWaitingReviews(deps.temporal, deps.store.audit, actingIds(me(c))).catch(() => undefined);
    if (!reviews) return error(c, 503, { code: 'reviews-unavailable', message: 'Máy chủ quy trình chưa cho truy vấn báo cáo chờ tiếp nhận (thiếu search attribute PlanflowReviewers).' });
    return c.json({ reviews });
  });
  /** 200 with one result per id: a refused report does not undo the others, so the answer is per row. */
  api.post('/reviews', async (c) => {
    const body = await jsonBody(c, BatchReviewBody);
    if (!body.ok) return body.response;
    const results = await acting.reviewMany(me(c), body.data.ids, { decision: 'accept', note: body.data.note });
    return c.json({
      results: results.map(({ id, outcome }) => (outcome.ok
        ? { id, ok: true, status: outcome.value.status }
        : { id, ok: false, code: outcome.code, message: outcome.message })),
    });
  });
  api.post('/assignments/:id/extend', async (c) => {
    const body = await jsonBody(c, ExtendBody);
    return body.ok ? answer(c, await acting.extend(me(c), c.req.param('id'), body.data)) : body.response;
  });
  api.post('/plans/:id/approve', async (c) => {
    const body = await jsonBody(c, ApproveBody);
    return body.ok ? answer(c, await acting.approve(me(c), c.req.param('id'), body.data)) : body.response;
  });
  api.post('/plans', async (c) => answer(c, await acting.startPlan(me(c), await c.req.text())));

  api.notFound((c) => error(c, 404, { code: 'not-found', message: 'Không có địa chỉ API này.' }));
  return api;
}
