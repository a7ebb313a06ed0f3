// Plans: the list with the start form (coordinators), each plan's dashboard with its approval form (leaders).
import { Hono } from 'hono';
import { z } from 'zod';
import { PlanStage } from '../../model/status';
import { listPlans, planStatus, PlanflowError } from '../planflow';
import type { Acting } from './acting';
import { PLAN_BODY_LIMIT } from './api';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { PlanPage, PlansPage } from './pages/plan';
import { page } from './render';
import { personOf, refusalPage, signedIn, unlisted } from './guards';
import { overdueList, stepProgress } from './dashboard';
import { startedPlan, wholeConsolidation } from '../plan-source';
import type { Client } from '@temporalio/client';

const TITLES = { vi: { plans: 'Kế hoạch', plan: 'Kế hoạch' }, en: { plans: 'Plans', plan: 'Plan' } };
const ApproveForm = z.object({ stage: z.enum(['issue', 'close']), note: z.string().trim().max(2000).optional().transform((n) => n || undefined) });

/** The dashboard's visibility figures; a cluster that cannot answer them leaves the rest of the page standing. */
async function dashboardFigures(deps: PortalDeps, client: Client, planId: string, issuedOn: string | undefined) {
  const now = deps.now?.() ?? new Date();
  const plan = await startedPlan(client, planId).catch(unlisted);
  const progress = plan && issuedOn ? await stepProgress(client, plan, planId, issuedOn, now).catch(unlisted) : plan ? [] : undefined;
  const overdue = await overdueList(client, planId, now).catch(unlisted);
  const agencyNames = await deps.store.directory.agencyNames((overdue?.rows ?? []).flatMap((r) => (r.agency ? [r.agency] : [])));
  return { progress, overdue, agencyNames };
}

export function planRoutes(deps: PortalDeps, acting: Acting): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/plans', signedIn);
  app.use('/plans/*', signedIn);
  const unavailable = (c: PortalContext) => refusalPage(c, { ok: false, status: 503, code: 'unavailable', message: 'Máy chủ quy trình (Temporal) chưa sẵn sàng.' });

  const showPlans = async (c: PortalContext, problems?: string[]) => {
    if (!deps.temporal) return unavailable(c);
    const plans = (await listPlans(deps.temporal)).filter((p) => PlanStage.safeParse(p.stage).success || p.stage === undefined);
    return page(c, TITLES[c.var.lang].plans, <PlansPage lang={c.var.lang} csrf={c.var.csrf} plans={plans} mayStart={personOf(c).roles.includes('coordinator')} problems={problems} />, problems ? 422 : 200);
  };
  app.get('/plans', (c) => showPlans(c));
  app.post('/plans', async (c) => {
    const file = (await c.req.parseBody()).file;
    if (typeof file === 'string' || !file || file.size > PLAN_BODY_LIMIT) return showPlans(c, ['file: cần một tệp kế hoạch (tối đa 1 MB)']);
    const outcome = await acting.startPlan(personOf(c), await file.text());
    if (outcome.ok) return c.redirect(`/plans/${encodeURIComponent(outcome.value)}`, 303);
    if (outcome.status === 422) return showPlans(c, outcome.message.split('\n'));
    return refusalPage(c, outcome);
  });

  const showPlan = async (c: PortalContext, id: string, error?: string) => {
    if (!deps.temporal) return unavailable(c);
    try {
      const view = await planStatus(deps.temporal, id);
      const audit = await deps.store.audit.forSubject(id, 50);
      const figures = await dashboardFigures(deps, deps.temporal, id, view.issuedOn);
      // Answers carry consolidation summaries; the newest text is read whole, one record (it names every missing commune).
      const latest = view.consolidations.length ? await wholeConsolidation(deps.temporal, id) : undefined;
      const body = <PlanPage lang={c.var.lang} csrf={c.var.csrf} view={view} audit={audit} {...figures} latest={latest} error={error} />;
      return page(c, `${TITLES[c.var.lang].plan} ${view.plan.number}`, body, error ? 403 : 200);
    } catch (e) {
      if (e instanceof PlanflowError) return refusalPage(c, { ok: false, status: 404, code: e.code, message: 'Không tìm thấy kế hoạch này.' });
      throw e;
    }
  };
  app.get('/plans/:id', (c) => showPlan(c, c.req.param('id')));
  app.post('/plans/:id/approve', async (c) => {
    const id = c.req.param('id');
    const form = ApproveForm.safeParse(await c.req.parseBody());
    if (!form.success) return showPlan(c, id, 'stage: giai đoạn không hợp lệ');
    const outcome = await acting.approve(personOf(c), id, form.data);
    return outcome.ok ? c.redirect(`/plans/${encodeURIComponent(id)}`, 303) : showPlan(c, id, outcome.message);
  });
  return app;
}
