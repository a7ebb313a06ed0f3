// What every signed-in route shares: the guard, the person it lets through, a refusal as a page, and a visibility
// query the cluster could not answer said as "not available" rather than a failure.
import type { MiddlewareHandler } from 'hono';
import type { PersonRecord } from '../../store/directory';
import type { Refusal } from './acting';
import type { AppEnv, PortalContext } from './context';
import { page } from './render';

export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.person) return c.redirect('/sign-in', 303);
  await next();
};

export const personOf = (c: PortalContext): PersonRecord => {
  const person = c.var.person;
  if (!person) throw new Error('signedIn lets no request through without a person');
  return person;
};

/** A visibility query the cluster refused (search attributes not registered): logged, shown as "not available". */
export function unlisted(error: unknown): undefined {
  console.warn(`planflow portal: không truy vấn được danh sách (đã đăng ký search attribute chưa?): ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
}

export function refusalPage(c: PortalContext, refusal: Refusal) {
  return page(c, c.var.t.forbidden, <p class="error" role="alert">{refusal.message}</p>, refusal.status);
}
