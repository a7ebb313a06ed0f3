// Sign-in tokens (single use, ≤ 15 minutes, stored hashed), sessions (new id each time, end on sign-out or expiry),
// the shared rate limit and the shared cookie-signing secret.
import { z } from 'zod';
import { rows, type Db } from '../../store/db';
import { createRateLimit } from '../../store/rate-limit';
import { sha256Hex } from '../../store/secrets';
import { createSessions } from '../../store/sessions';
import { createSettings } from '../../store/settings';
import { createSignInTokens, MAX_TOKEN_TTL_MS } from '../../store/sign-in-tokens';
import { describeOnBothBackends } from './backends';

const T0 = new Date('2026-03-02T01:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describeOnBothBackends('sign-in', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });

  it('uses a token once, and keeps only its digest', async () => {
    const tokens = createSignInTokens(db);
    const { token, expiresAt } = await tokens.issue('chu-tich-xa-van-quan', { now: T0 });
    expect(expiresAt.getTime() - T0.getTime()).toBe(MAX_TOKEN_TTL_MS);
    const stored = await rows(db, z.object({ token_hash: z.string() }), 'SELECT token_hash FROM sign_in_tokens');
    expect(stored.map((s) => s.token_hash)).toContain(sha256Hex(token));
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(await tokens.isUsable(token, later(60_000))).toBe(true);
    const [first, second] = await Promise.all([tokens.consume(token, later(60_000)), tokens.consume(token, later(60_000))]);
    expect([first, second].filter(Boolean)).toEqual(['chu-tich-xa-van-quan']);
    expect(await tokens.isUsable(token, later(61_000))).toBe(false);
  });

  it('refuses an expired, a forged and a too-long-lived token', async () => {
    const tokens = createSignInTokens(db);
    const { token } = await tokens.issue('chu-tich-xa-van-quan', { now: T0, ttlMs: 60 * 60_000 });
    expect(await tokens.consume(token, later(MAX_TOKEN_TTL_MS))).toBeUndefined();
    expect(await tokens.consume(`${token.slice(0, -2)}xx`, later(1_000))).toBeUndefined();
    await tokens.purge(later(MAX_TOKEN_TTL_MS));
    const [left] = await rows(db, z.object({ n: z.number() }), 'SELECT count(*)::int AS n FROM sign_in_tokens WHERE expires_at <= $1', [later(MAX_TOKEN_TTL_MS)]);
    expect(left?.n).toBe(0);
  });

  it('gives a new session id each time and ends a session on sign-out and at its end', async () => {
    const sessions = createSessions(db);
    const end = later(8 * 3600_000);
    const a = await sessions.create('p1', 'email-link', end, T0);
    const b = await sessions.create('p1', 'oidc', end, T0);
    expect(a).not.toBe(b);
    expect(await sessions.get(a, later(1000))).toMatchObject({ personId: 'p1', via: 'email-link' });
    await sessions.end(a);
    expect(await sessions.get(a, later(1000))).toBeUndefined();
    expect(await sessions.get(b, later(1000))).toMatchObject({ via: 'oidc' });
    expect(await sessions.get(b, end)).toBeUndefined();
  });

  it('allows so many attempts per window, counted across clients', async () => {
    const limit = createRateLimit(db);
    const other = createRateLimit(await backend.openAgain());
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? limit : other).hit('email:a@x.vn', 5, 60_000, T0)));
    expect(attempts.filter(Boolean)).toHaveLength(5);
    expect(await limit.hit('email:b@x.vn', 5, 60_000, T0)).toBe(true);
    expect(await limit.hit('email:a@x.vn', 5, 60_000, later(60_001))).toBe(true);
  });

  it('makes one cookie secret that every process shares', async () => {
    const settings = createSettings(db);
    const other = createSettings(await backend.openAgain());
    const [x, y] = await Promise.all([settings.getOrCreate('session-secret'), other.getOrCreate('session-secret')]);
    expect(x).toBe(y);
    expect(x.length).toBeGreaterThanOrEqual(64);
  });
});
