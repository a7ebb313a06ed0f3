// Sign-in by email link. Asking gives the same answer whether the address is known or not, and is rate-limited per
// address and per client; the link's GET only shows a button, its POST uses the token once and starts a session.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, PortalContext, PortalDeps } from './context';
import { ConfirmSignIn, LinkInvalid, LinkSent, SignInForm } from './pages/sign-in';
import { page } from './render';
import { endSession, startSession } from './session';
import { sendSignInLink } from './sign-in-mail';

const EmailForm = z.object({ email: z.email().max(254) });
const TokenForm = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });

/** Links asked per address and per client within RATE_WINDOW_MS. */
const PER_ADDRESS = 5;
const PER_CLIENT = 30;
const RATE_WINDOW_MS = 15 * 60_000;

const clientAddress = (c: PortalContext) => {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
};

export function signInRoutes(deps: PortalDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = () => deps.now?.() ?? new Date();
  const form = (c: PortalContext, error?: string, status: 200 | 422 | 429 = 200) =>
    page(c, c.var.t.signIn, <SignInForm t={c.var.t} csrf={c.var.csrf} error={error} sso={deps.oidc !== undefined} />, status);

  app.get('/sign-in', (c) => form(c));

  app.post('/sign-in', async (c) => {
    const parsed = EmailForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return form(c, c.var.t.emailInvalid, 422);
    const email = parsed.data.email.toLowerCase();
    const allowed = (await deps.store.rateLimit.hit(`sign-in:client:${clientAddress(c)}`, PER_CLIENT, RATE_WINDOW_MS, now()))
      && (await deps.store.rateLimit.hit(`sign-in:email:${email}`, PER_ADDRESS, RATE_WINDOW_MS, now()));
    if (!allowed) return form(c, c.var.t.tooMany, 429);
    // Sent after answering, so the answer takes as long for an unknown address as for a known one.
    void mailLink(deps, email, now()).catch((error: unknown) => console.error(`planflow portal: không gửi được liên kết đăng nhập: ${String(error)}`));
    return page(c, c.var.t.signIn, <LinkSent t={c.var.t} />);
  });

  app.get('/sign-in/link', async (c) => {
    const parsed = TokenForm.safeParse({ token: c.req.query('token') });
    if (!parsed.success || !(await deps.store.signInTokens.isUsable(parsed.data.token, now()))) return page(c, c.var.t.signIn, <LinkInvalid t={c.var.t} />, 410);
    return page(c, c.var.t.confirmTitle, <ConfirmSignIn t={c.var.t} csrf={c.var.csrf} token={parsed.data.token} />);
  });

  app.post('/sign-in/link', async (c) => {
    const parsed = TokenForm.safeParse(await c.req.parseBody());
    const personId = parsed.success ? await deps.store.signInTokens.consume(parsed.data.token, now()) : undefined;
    if (!personId) return page(c, c.var.t.signIn, <LinkInvalid t={c.var.t} />, 410);
    await startSession(c, deps, personId, 'email-link');
    await deps.store.audit.record({ actor: personId, actorKind: 'person', action: 'sign-in', subject: `person/${personId}`, outcome: 'done', detail: { via: 'email-link' } }, now());
    return c.redirect('/', 303);
  });

  app.post('/sign-out', async (c) => {
    await endSession(c, deps);
    return c.redirect('/', 303);
  });

  return app;
}

async function mailLink(deps: PortalDeps, email: string, at: Date): Promise<void> {
  const person = await deps.store.directory.personByEmail(email);
  if (!person) return;
  const { token } = await deps.store.signInTokens.issue(person.id, { now: at });
  await sendSignInLink(deps.mailer, deps.mailConfig, person, `${deps.publicUrl}/sign-in/link?token=${token}`);
}
