// The official documents of a started plan, downloadable by signed-in officials: the Kế hoạch itself (for the clerk
// to number and the leader to sign) and each Báo cáo tổng hợp, as .docx per Decree 30/2020/NĐ-CP. The same
// documents the CLI's `render` writes and the consolidated-report email attaches.
import type { Client } from '@temporalio/client';
import { Hono } from 'hono';
import { z } from 'zod';
import { planDocx } from '../../activities/documents';
import { consolidationDocx } from '../commands/render';
import { startedPlan } from '../plan-source';
import { PlanflowError } from '../planflow';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { refusalPage, signedIn } from './guards';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A cycle key (`2027`, `2027-q1`) or a consolidation id: nothing else reaches the lookup. */
const Cycle = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100).optional();

/** A file name an office's archive keeps: the plan id's safe characters, never a path. */
const fileName = (planId: string, kind: string) => `${kind}-${planId.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')}.docx`;

function download(c: PortalContext, docx: Buffer, name: string) {
  c.header('content-type', DOCX_TYPE);
  c.header('content-disposition', `attachment; filename="${name}"`);
  return c.body(new Uint8Array(docx));
}

export function documentRoutes(deps: PortalDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/plans/:id/documents/*', signedIn);
  const notFound = (c: PortalContext, message: string) => refusalPage(c, { ok: false, status: 404, code: 'not-found', message });
  const unavailable = (c: PortalContext) => refusalPage(c, { ok: false, status: 503, code: 'unavailable', message: 'Máy chủ quy trình (Temporal) chưa sẵn sàng.' });

  /** Sends the document, or says in words why there is none (an unknown plan, no consolidation yet). */
  const serve = async (c: PortalContext, make: (client: Client, planId: string) => Promise<{ docx: Buffer; name: string }>) => {
    if (!deps.temporal) return unavailable(c);
    const id = c.req.param('id') ?? '';
    try {
      const { docx, name } = await make(deps.temporal, id);
      return download(c, docx, fileName(id, name));
    } catch (e) {
      if (e instanceof PlanflowError) return notFound(c, e.code === 'not-found' ? 'Không tìm thấy kế hoạch này.' : e.message);
      throw e;
    }
  };

  app.get('/plans/:id/documents/ke-hoach.docx', (c) =>
    serve(c, async (client, id) => ({ docx: await planDocx(await startedPlan(client, id)), name: 'ke-hoach' })));

  app.get('/plans/:id/documents/bao-cao-tong-hop.docx', (c) => {
    const cycle = Cycle.safeParse(c.req.query('cycle') || undefined);
    if (!cycle.success) return notFound(c, 'cycle: kỳ báo cáo không hợp lệ.');
    return serve(c, async (client, id) => ({
      docx: (await consolidationDocx(client, id, cycle.data)).docx, name: `bao-cao-tong-hop${cycle.data ? `-${cycle.data}` : ''}`,
    }));
  });
  return app;
}
