// The lead office's review queue: GET /reviews lists the reports waiting to be accepted, POST /reviews accepts the
// ticked ones in one form (each through its own assignment's Update) and shows every row's result.
import type { Client } from '@temporalio/client';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { PersonRecord } from '../../store/directory';
import { actingIds, MAX_BATCH_REVIEWS, type Acting } from './acting';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { ReviewQueue, ReviewResults } from './pages/reviews';
import { page } from './render';
import { listWaitingReviews, type WaitingReview } from './waiting';
import { personOf, signedIn, unlisted } from './guards';

const TITLE = { vi: 'Báo cáo chờ tiếp nhận', en: 'Reports to accept' };

/** A form sends one `ids` for one box ticked and an array for several. */
const BatchReviewForm = z.object({
  ids: z.union([z.string(), z.array(z.string())]).transform((v) => [v].flat()).pipe(z.array(z.string().min(1).max(500)).min(1).max(MAX_BATCH_REVIEWS)),
  note: z.string().trim().max(1500).optional().transform((n) => n || undefined),
});

/** The reports waiting for the person's agency (or the person, or the head they sign for), and the names of the agencies that sent them. */
export async function reviewQueueOf(deps: PortalDeps, client: Client, person: PersonRecord): Promise<{ reviews: WaitingReview[] | undefined; agencyNames: Map<string, string> }> {
  const reviews = await listWaitingReviews(client, deps.store.audit, actingIds(person)).catch(unlisted);
  const agencyNames = await deps.store.directory.agencyNames((reviews ?? []).flatMap((r) => (r.assignee ? [r.assignee] : [])));
  return { reviews, agencyNames };
}

export function reviewRoutes(deps: PortalDeps, acting: Acting): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.use('/reviews', signedIn);

  const show = async (c: PortalContext, before?: Child, status: 200 | 422 = 200) => {
    const queue = deps.temporal ? await reviewQueueOf(deps, deps.temporal, personOf(c)) : { reviews: undefined, agencyNames: new Map<string, string>() };
    const body = <>{before}<ReviewQueue lang={c.var.lang} csrf={c.var.csrf} reviews={queue.reviews ?? []} agencyNames={queue.agencyNames} now={now()} /></>;
    return page(c, TITLE[c.var.lang], body, status);
  };

  app.get('/reviews', (c) => show(c));

  app.post('/reviews', async (c) => {
    const form = BatchReviewForm.safeParse(await c.req.parseBody({ all: true }), { error: z.locales.vi().localeError });
    if (!form.success) {
      const message = form.error.issues.map((i) => `${i.path.join('.') || 'ids'}: ${i.path[0] === 'ids' ? 'chọn ít nhất một báo cáo (tối đa 50)' : i.message}`).join('; ');
      return show(c, <p class="error" role="alert">{message}</p>, 422);
    }
    const titles = new Map((deps.temporal ? (await reviewQueueOf(deps, deps.temporal, personOf(c))).reviews ?? [] : []).map((r) => [r.id, r.title]));
    const results = await acting.reviewMany(personOf(c), form.data.ids, { decision: 'accept', note: form.data.note });
    const rows = results.map((r) => ({ id: r.id, title: titles.get(r.id) ?? r.id, outcome: r.outcome.ok ? { ok: true as const } : r.outcome }));
    return show(c, <ReviewResults lang={c.var.lang} results={rows} />);
  });
  return app;
}
