// The portal's Hono application: guards first (headers, body limit, language, session, CSRF), then the routes.
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, PortalDeps } from './context';
import { isLang, messages, type Lang } from './i18n';
import { oidcRoutes } from './oidc-routes';
import { Home } from './pages/home';
import { page } from './render';
import { createActing } from './acting';
import { apiRoutes, PLAN_BODY_LIMIT } from './api';
import { documentRoutes } from './document-routes';
import { planRoutes } from './plan-routes';
import { REPORT_BODY_LIMIT } from './report-form';
import { reviewRoutes } from './review-routes';
import { workRoutes } from './work-routes';
import { csrf, headers, limitBodies } from './security';
import { isSecure, loadSession } from './session';
import { signInRoutes } from './sign-in';
import { staticRoutes } from './static';

const LANG_COOKIE = 'planflow_lang';

/** Vietnamese unless the reader chose English (`?lang=en`, remembered in a cookie). */
const language = (secure: boolean): MiddlewareHandler<AppEnv> => async (c, next) => {
  const asked = c.req.query('lang');
  const lang: Lang = isLang(asked) ? asked : isLang(getCookie(c, LANG_COOKIE)) ? (getCookie(c, LANG_COOKIE) as Lang) : 'vi';
  if (isLang(asked)) setCookie(c, LANG_COOKIE, asked, { sameSite: 'Lax', secure, path: '/', maxAge: 365 * 86400 });
  c.set('lang', lang);
  c.set('t', messages(lang));
  await next();
};

export function createApp(deps: PortalDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const secure = isSecure(deps);
  app.use('*', headers(secure));
  app.use('*', language(secure));
  app.route('/static', staticRoutes());
  app.use('*', limitBodies([
    { path: /^\/(api\/)?plans$/, maxSize: PLAN_BODY_LIMIT },
    { path: /^\/assignments\/[^/]+\/report$/, maxSize: REPORT_BODY_LIMIT },
  ]));
  app.use('*', loadSession(deps));
  app.use('*', csrf(deps.cookieSecret, secure));
  // A signed-in page is one person's: never kept by a shared proxy or shown again from the back button after sign-out.
  app.use('*', async (c, next) => {
    await next();
    if (c.var.person && !c.res.headers.has('cache-control')) c.header('cache-control', 'private, no-store');
  });

  app.get('/', async (c) => {
    const person = c.var.person;
    const agency = person ? await deps.store.directory.agency(person.agency) : undefined;
    return page(c, c.var.t.home, <Home t={c.var.t} person={person} agencyName={agency?.name} today={deps.now?.() ?? new Date()} />);
  });
  app.route('/', signInRoutes(deps));
  app.route('/', oidcRoutes(deps));
  const acting = createActing({ store: deps.store, temporal: deps.temporal, taskQueue: deps.taskQueue });
  app.route('/api', apiRoutes(deps, acting));
  app.route('/', workRoutes(deps, acting));
  app.route('/', documentRoutes(deps));
  app.route('/', reviewRoutes(deps, acting));
  app.route('/', planRoutes(deps, acting));

  app.notFound((c) => page(c, c.var.t?.notFound ?? messages('vi').notFound, <p>{(c.var.t ?? messages('vi')).notFound}</p>, 404));
  app.onError((error, c) => {
    console.error(`planflow portal: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return c.text((c.var.t ?? messages('vi')).serverError, 500);
  });
  return app;
}
