// API tokens for systems (stored hashed, revocable) and the directory seeded from a plan file.
import { z } from 'zod';
import { createApiTokens } from '../../store/api-tokens';
import { rows, type Db } from '../../store/db';
import { createDirectory } from '../../store/directory';
import { contactPersonId, seedDirectoryFromPlan } from '../../store/seed';
import { loadExample } from '../helpers/planflow';
import { describeOnBothBackends } from './backends';

describeOnBothBackends('api tokens and seeding', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });

  it('gives a system a token that acts as one person until revoked, keeping only its digest', async () => {
    const tokens = createApiTokens(db);
    const token = await tokens.issue('Nền tảng tích hợp tỉnh', 'he-thong-lgsp');
    expect(token).toMatch(/^pf_/);
    expect(await tokens.personOf(token)).toBe('he-thong-lgsp');
    expect(await tokens.personOf(`${token}x`)).toBeUndefined();
    expect(await tokens.personOf('không phải token')).toBeUndefined();
    const stored = await rows(db, z.object({ token_hash: z.string() }), 'SELECT token_hash FROM api_tokens');
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    await tokens.revoke(token);
    expect(await tokens.personOf(token)).toBeUndefined();
  });

  it('fills the directory from the Văn Quan plan: its people, and a contact for each agency', async () => {
    const directory = createDirectory(db);
    const plan = loadExample('van-quan-2021-tre-em.yaml');
    await seedDirectoryFromPlan(directory, plan, '2021-01-01');
    await seedDirectoryFromPlan(directory, plan, '2021-01-01'); // twice: nothing doubles
    expect(await directory.person('trieu-duc-dung', '2021-06-01')).toMatchObject({ email: 'trieuducdung@vanquan.example', roles: ['official', 'leader'], agency: 'ubnd-huyen' });
    expect(await directory.personByEmail('an-son@vanquan.example', '2021-06-01')).toMatchObject({ id: contactPersonId('xa-an-son'), agency: 'xa-an-son' });
    const [count] = await rows(db, z.object({ n: z.number() }), 'SELECT count(*)::int AS n FROM agencies');
    expect(count?.n).toBe(plan.agencies.length);
  });
});
