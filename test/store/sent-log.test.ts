// The shared email sent-log: a notice is claimed ('sending') before the SMTP transaction, 'handed-over' before its
// final dot and 'sent' after, so two workers on one database never both send it; a claim left by a dead worker is
// taken over after its lease unless it was handed over, which leaves it 'uncertain' and never resent.
// Also the audit log, the other append-only record.
import type { Db } from '../../store/db';
import { createAuditLog } from '../../store/audit';
import { createStoreSentLog } from '../../store/sent-log';
import type { SentLog } from '../../activities/email/sent-log';
import { describeOnBothBackends } from './backends';

const T0 = new Date('2026-03-02T01:00:00Z');

describeOnBothBackends('sent-log', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });

  it('keeps the file sent-log’s interface', async () => {
    const log: SentLog = createStoreSentLog(db, 'worker-a');
    expect(await log.get('plan/x/issued/a@x.vn')).toBeUndefined();
    await log.record({ key: 'plan/x/issued/a@x.vn', messageId: '<m1@x.vn>', to: ['a@x.vn'], at: T0.toISOString() });
    expect(await log.get('plan/x/issued/a@x.vn')).toEqual({ key: 'plan/x/issued/a@x.vn', messageId: '<m1@x.vn>', to: ['a@x.vn'], at: T0.toISOString() });
  });

  it('lets exactly one of two workers send each notice, and neither once it is sent', async () => {
    const a = createStoreSentLog(db, 'worker-a');
    const b = createStoreSentLog(await backend.openAgain(), 'worker-b');
    const keys = Array.from({ length: 40 }, (_, i) => `plan/x/clause-1/xa-${i}/reminder-1/xa-${i}@x.vn`);
    const claims = await Promise.all(keys.flatMap((key) => [a.claim(key, { now: T0 }), b.claim(key, { now: T0 })]));
    for (let i = 0; i < keys.length; i += 1) expect([claims[2 * i], claims[2 * i + 1]].sort()).toEqual(['busy', 'send']);
    // Whoever won sends and records; a retry on either worker then finds it sent.
    const key = keys[0] ?? '';
    const winner = claims[0] === 'send' ? a : b;
    await winner.record({ key, messageId: '<m2@x.vn>', to: ['xa-0@x.vn'], at: T0.toISOString() });
    expect(await a.claim(key, { now: new Date(T0.getTime() + 3600_000) })).toBe('sent');
    expect(await b.claim(key, { now: new Date(T0.getTime() + 3600_000) })).toBe('sent');
    expect(await b.get(key)).toMatchObject({ messageId: '<m2@x.vn>' });
  });

  it('lets another worker take over a claim older than its lease, or one given back', async () => {
    const a = createStoreSentLog(db, 'worker-a');
    const b = createStoreSentLog(db, 'worker-b');
    expect(await a.claim('k-dead', { now: T0, leaseMs: 60_000 })).toBe('send');
    expect(await b.claim('k-dead', { now: new Date(T0.getTime() + 59_000), leaseMs: 60_000 })).toBe('busy');
    expect(await b.claim('k-dead', { now: new Date(T0.getTime() + 60_000), leaseMs: 60_000 })).toBe('send');
    expect(await a.claim('k-dead', { now: new Date(T0.getTime() + 61_000), leaseMs: 60_000 })).toBe('busy');
    expect(await a.claim('k-failed', { now: T0 })).toBe('send');
    await a.release('k-failed');
    expect(await b.claim('k-failed', { now: T0 })).toBe('send');
  });

  it('never lets a notice handed to the server go out again: past the lease it is uncertain, for everyone', async () => {
    const a = createStoreSentLog(db, 'worker-a');
    const b = createStoreSentLog(await backend.openAgain(), 'worker-b');
    const lease = { leaseMs: 60_000 };
    expect(await a.claim('k-over', { ...lease, now: T0, attempt: 'a-1' })).toBe('send');
    await a.handOver('k-over', 'a-1');
    // Inside the lease its sender may still hear the server's answer; after it, nobody sends it blind.
    expect(await b.claim('k-over', { ...lease, now: new Date(T0.getTime() + 59_000), attempt: 'b-1' })).toBe('busy');
    expect(await b.claim('k-over', { ...lease, now: new Date(T0.getTime() + 61_000), attempt: 'b-2' })).toBe('uncertain');
    expect(await a.claim('k-over', { ...lease, now: new Date(T0.getTime() + 3600_000), attempt: 'a-2' })).toBe('uncertain');
    expect(await a.get('k-over')).toBeUndefined();
    expect(await a.uncertainCount()).toBeGreaterThanOrEqual(1);
    // The server's answer arriving late still counts: the notice is sent.
    await a.record({ key: 'k-over', messageId: '<m3@x.vn>', to: ['x@x.vn'], at: T0.toISOString() });
    expect(await b.claim('k-over', { ...lease, attempt: 'b-3' })).toBe('sent');
  });

  it('lets only the attempt that holds the claim hand the notice over', async () => {
    const a = createStoreSentLog(db, 'worker-a');
    const lease = { leaseMs: 60_000 };
    expect(await a.claim('k-stale', { ...lease, now: T0, attempt: 'slow' })).toBe('send');
    // The slow attempt outlived its lease (waiting for a connection); a retry on the same worker took the notice over.
    expect(await a.claim('k-stale', { ...lease, now: new Date(T0.getTime() + 61_000), attempt: 'retry' })).toBe('send');
    await expect(a.handOver('k-stale', 'slow')).rejects.toThrow(/lost/);
    await a.handOver('k-stale', 'retry');
    // An attempt the server answered with a refusal gives it back, handed over or not.
    await a.release('k-stale', 'retry');
    expect(await a.claim('k-stale', { ...lease, now: new Date(T0.getTime() + 62_000), attempt: 'again' })).toBe('send');
  });
});

describeOnBothBackends('audit log', (backend) => {
  it('records who did what, for whom, and reads a plan’s entries newest first', async () => {
    const audit = createAuditLog(await backend.open());
    await audit.record({ actor: 'chu-tich', actorKind: 'person', action: 'approve', subject: 'plan/1-KH/2026', outcome: 'done' }, T0);
    await audit.record({ actor: 'pho-chu-tich', actorKind: 'person', onBehalfOf: 'chu-tich', action: 'review', subject: 'plan/1-KH/2026/clause-1/xa-a', outcome: 'refused', detail: { code: 'not-lead' } }, T0);
    await audit.record({ actor: 'root', actorKind: 'operator', action: 'cancel', subject: 'plan/1-KH/2026x', outcome: 'done' }, T0);
    const entries = await audit.forSubject('plan/1-KH/2026');
    expect(entries.map((e) => [e.actor, e.onBehalfOf, e.outcome, e.detail])).toEqual([
      ['pho-chu-tich', 'chu-tich', 'refused', { code: 'not-lead' }],
      ['chu-tich', null, 'done', {}],
    ]);
    await expect(audit.record({ actor: 'x', actorKind: 'person', action: 'a', subject: 's', outcome: 'done', detail: { text: 'x'.repeat(9000) } })).rejects.toThrow(/dài quá/);
  });
});
