// The SSO routes: POST /sign-in/oidc sends the browser to the provider; GET /sign-in/oidc/callback finishes there,
// starts a session for the matched person, or says no one matched.
import { Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv, PortalDeps } from './context';
import { Pending } from './oidc';
import { page } from './render';
import { isSecure, startSession } from './session';

const PENDING_COOKIE = 'planflow_oidc';
/** Long enough to type a password and pass a second factor at the provider. */
const PENDING_SECONDS = 10 * 60;
export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

export function oidcRoutes(deps: PortalDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const oidc = deps.oidc;
  if (!oidc) return app;

  app.post('/sign-in/oidc', async (c) => {
    const { url, pending } = await oidc.begin();
    await setSignedCookie(c, PENDING_COOKIE, JSON.stringify(pending), deps.cookieSecret, { httpOnly: true, sameSite: 'Lax', secure: isSecure(deps), path: '/sign-in/oidc', maxAge: PENDING_SECONDS });
    return c.redirect(url, 303);
  });

  app.get('/sign-in/oidc/callback', async (c) => {
    const failed = () => page(c, c.var.t.signIn, <p class="error" role="alert">{c.var.t.ssoFailed}</p>, 403);
    const raw = await getSignedCookie(c, deps.cookieSecret, PENDING_COOKIE);
    deleteCookie(c, PENDING_COOKIE, { path: '/sign-in/oidc', secure: isSecure(deps) });
    const pending = typeof raw === 'string' ? Pending.safeParse(JSON.parse(raw)) : undefined;
    if (!pending?.success) return failed();
    const callback = new URL(`${deps.publicUrl}${OIDC_CALLBACK_PATH}${new URL(c.req.url).search}`);
    const result = await oidc.finish(callback, pending.data).catch((error: unknown) => {
      console.error(`planflow portal: SSO thất bại: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!result?.person) return failed();
    await startSession(c, deps, result.person.id, 'oidc');
    await deps.store.audit.record({ actor: result.person.id, actorKind: 'person', action: 'sign-in', subject: `person/${result.person.id}`, outcome: 'done', detail: { via: 'oidc', sub: result.subject } });
    return c.redirect('/', 303);
  });

  return app;
}
