// Sessions in cookies: a random id, signed, HttpOnly, SameSite=Lax, for one working day. Signing in always makes a
// new id (a session planted before sign-in is worthless); signing out deletes the stored session.
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { SignInMethod } from '../../store/sessions';
import type { AppEnv, PortalContext, PortalDeps } from './context';

const SESSION_COOKIE = 'planflow_session';
/** One working day: an official signs in each morning. */
export const SESSION_HOURS = 9;

export const isSecure = (deps: PortalDeps) => deps.publicUrl.startsWith('https://');
const now = (deps: PortalDeps) => deps.now?.() ?? new Date();

export function loadSession(deps: PortalDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('person', undefined);
    c.set('sessionId', undefined);
    const id = await getSignedCookie(c, deps.cookieSecret, SESSION_COOKIE);
    if (typeof id === 'string' && id.length > 0) {
      const session = await deps.store.sessions.get(id, now(deps));
      const person = session && (await deps.store.directory.person(session.personId));
      if (person) {
        c.set('person', person);
        c.set('sessionId', id);
      }
    }
    await next();
  };
}

export async function startSession(c: PortalContext, deps: PortalDeps, personId: string, via: SignInMethod): Promise<void> {
  const old = c.var.sessionId;
  if (old) await deps.store.sessions.end(old);
  const expires = new Date(now(deps).getTime() + SESSION_HOURS * 3600_000);
  const id = await deps.store.sessions.create(personId, via, expires, now(deps));
  await setSignedCookie(c, SESSION_COOKIE, id, deps.cookieSecret, { httpOnly: true, sameSite: 'Lax', secure: isSecure(deps), path: '/', expires });
}

export async function endSession(c: PortalContext, deps: PortalDeps): Promise<void> {
  if (c.var.sessionId) await deps.store.sessions.end(c.var.sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(deps) });
}
