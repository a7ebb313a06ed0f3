// The pages officials work in: *Việc của tôi*, an assignment with its report, review and extension forms, and the
// attachments of the assignments they may see. Every route needs a signed-in person; every form acts through acting.ts.
import { Hono } from 'hono';
import { z } from 'zod';
import { LocalDate } from '../../model/plan';
import { AssignmentStatus } from '../../model/status';
import type { Acting, Refusal } from './acting';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { listInbox } from './inbox';
import { listWaitingApprovals } from './waiting';
import { reviewQueueOf } from './review-routes';
import { AssignmentPage } from './pages/assignment';
import { Inbox } from './pages/inbox';
import { page } from './render';
import { readReportForm } from './report-form';
import { personOf, refusalPage, signedIn, unlisted } from './guards';

const TITLES = { vi: { inbox: 'Việc của tôi', assignment: 'Nhiệm vụ' }, en: { inbox: 'My work', assignment: 'Assignment' } };

const ReviewForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(1).max(2000), newLastDay: z.union([LocalDate, z.literal('').transform(() => undefined)]).optional() }),
]);
const ExtendForm = z.object({ newLastDay: LocalDate, reason: z.string().trim().min(1).max(2000) });

export function workRoutes(deps: PortalDeps, acting: Acting): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.use('/inbox', signedIn);
  app.use('/assignments/*', signedIn);
  app.use('/attachments/*', signedIn);

  app.get('/inbox', async (c) => {
    const status = AssignmentStatus.safeParse(c.req.query('status'));
    const plan = c.req.query('plan')?.trim() || undefined;
    const filter = { agencies: [personOf(c).agency], plan, status: status.success ? status.data : undefined };
    // A cluster without the assignment search attributes refuses the query: the page says so instead of failing.
    const items = deps.temporal ? await listInbox(deps.temporal, filter).catch(unlisted) : [];
    // Leaders see the plans waiting for an approval; each plan's own list of approvers decides when they act.
    const approvals = deps.temporal && personOf(c).roles.includes('leader') ? await listWaitingApprovals(deps.temporal).catch(unlisted) : [];
    // Only an agency that reviews reports sees the section: a commune's inbox stays its own work.
    const queue = deps.temporal ? await reviewQueueOf(deps, deps.temporal, personOf(c)) : undefined;
    const reviews = queue?.reviews?.length ? queue.reviews : undefined;
    const body = <Inbox lang={c.var.lang} csrf={c.var.csrf} items={items} reviews={reviews} agencyNames={queue?.agencyNames ?? new Map()} approvals={approvals ?? []} now={now()} plan={plan} status={filter.status} />;
    return page(c, TITLES[c.var.lang].inbox, body);
  });

  /** The assignment page, with an error above it when an action was refused. */
  const showAssignment = async (c: PortalContext, id: string, error?: { message: string; status: Refusal['status'] }) => {
    const seen = await acting.view(personOf(c), id);
    if (!seen.ok) return refusalPage(c, seen);
    const attachments = await deps.store.attachments.list(id);
    const body = <AssignmentPage lang={c.var.lang} csrf={c.var.csrf} {...seen.value} attachments={attachments} now={now()} error={error?.message} />;
    return page(c, `${TITLES[c.var.lang].assignment}: ${seen.value.view.spec.assignee.name}`, body, error?.status ?? 200);
  };
  const afterAction = (c: PortalContext, id: string, outcome: { ok: true } | Refusal) =>
    outcome.ok ? c.redirect(`/assignments/${encodeURIComponent(id)}`, 303) : showAssignment(c, id, outcome);

  app.get('/assignments/:id', (c) => showAssignment(c, c.req.param('id')));

  app.post('/assignments/:id/report', async (c) => {
    const id = c.req.param('id');
    const seen = await acting.view(personOf(c), id);
    if (!seen.ok) return refusalPage(c, seen);
    const form = await readReportForm(await c.req.parseBody({ all: true }), seen.value.view.spec.indicators);
    if (!form.ok) return showAssignment(c, id, { message: form.message, status: 422 });
    const outcome = await acting.report(personOf(c), id, { text: form.form.text, values: form.form.values });
    // Files are kept once the report is in: a refused report leaves no orphan files behind.
    if (outcome.ok) {
      for (const file of form.form.files) await deps.store.attachments.add({ subject: id, filename: file.name, uploadedBy: personOf(c).id }, file.content, now());
    }
    return afterAction(c, id, outcome);
  });

  app.post('/assignments/:id/review', async (c) => {
    const id = c.req.param('id');
    const form = ReviewForm.safeParse(await c.req.parseBody(), { error: z.locales.vi().localeError });
    if (!form.success) return showAssignment(c, id, { message: form.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), status: 422 });
    return afterAction(c, id, await acting.review(personOf(c), id, form.data));
  });

  app.post('/assignments/:id/extend', async (c) => {
    const id = c.req.param('id');
    const form = ExtendForm.safeParse(await c.req.parseBody(), { error: z.locales.vi().localeError });
    if (!form.success) return showAssignment(c, id, { message: form.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), status: 422 });
    return afterAction(c, id, await acting.extend(personOf(c), id, form.data));
  });

  app.get('/attachments/:id', async (c) => {
    const found = await deps.store.attachments.get(c.req.param('id'));
    if (!found) return c.notFound();
    const seen = await acting.view(personOf(c), found.info.subject);
    if (!seen.ok) return refusalPage(c, seen);
    return new Response(found.content, {
      headers: {
        'content-type': found.info.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.info.filename)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });

  return app;
}
