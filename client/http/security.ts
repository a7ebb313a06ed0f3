// Request guards: security headers with a strict same-origin policy (scripts, styles and fonts come only from the
// app), body limits, and CSRF protection by a signed per-browser token every form and script call must send back.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { randomToken } from '../../store/secrets';
import type { AppEnv } from './context';
import { isLang, messages } from './i18n';

/** Forms and JSON: small. Report uploads get their own, larger limit on their route. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export const headers = (secure: boolean) => secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], fontSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
  },
  strictTransportSecurity: secure ? 'max-age=31536000; includeSubDomains' : false,
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
});

/** A body limit per route: the first rule whose pattern matches the path gives the size, else DEFAULT_BODY_LIMIT. */
export function limitBodies(rules: readonly { path: RegExp; maxSize: number }[]): MiddlewareHandler<AppEnv> {
  const limit = (maxSize: number) => bodyLimit({
    maxSize,
    onError: (c) => {
      const lang: unknown = c.get('lang');
      return c.text(messages(isLang(lang) ? lang : 'vi').tooLarge, 413);
    },
  });
  const limits = rules.map((r) => ({ path: r.path, check: limit(r.maxSize) }));
  const fallback = limit(DEFAULT_BODY_LIMIT);
  return (c, next) => (limits.find((l) => l.path.test(c.req.path))?.check ?? fallback)(c, next);
}

const CSRF_COOKIE = 'planflow_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Double-submit, signed: a random token in a signed HttpOnly cookie, echoed by each form (`_csrf`) or script
 * (`X-CSRF-Token`). Another site can make the browser send the cookie but cannot read it to fill the field. Systems
 * calling the API with `Authorization: Bearer` send no cookie and are not subject to it.
 */
export function csrf(secret: string, secure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const existing = await getSignedCookie(c, secret, CSRF_COOKIE);
    const token = typeof existing === 'string' && existing.length > 0 ? existing : randomToken();
    if (token !== existing) await setSignedCookie(c, CSRF_COOKIE, token, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
    c.set('csrf', token);
    // An API call with neither token nor session is refused by the API itself (401): nothing a forged request could use.
    const anonymousApi = c.req.path.startsWith('/api/') && !c.var.sessionId;
    if (UNSAFE.has(c.req.method) && !c.req.header('authorization')?.startsWith('Bearer ') && !anonymousApi) {
      const sent = c.req.header('x-csrf-token') ?? (await formToken(c.req.raw.clone()));
      if (!existing || !sent || !sameToken(sent, existing)) return c.text(c.var.t.csrfFailed, 403);
    }
    await next();
  };
}

async function formToken(request: Request): Promise<string | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const value = (await request.formData()).get('_csrf');
  return typeof value === 'string' ? value : undefined;
}
