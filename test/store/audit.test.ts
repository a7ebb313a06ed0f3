// The audit log: when each subject last had an action done (the reports a lead office waits on), and the operators'
// journal moved into the log once, on PGlite and on a real PostgreSQL server.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../../store/audit';
import { appendToJournal } from '../../store/operator-journal';
import { describeOnBothBackends } from './backends';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeOnBothBackends('audit log', (backend) => {
  it('gives the last time each subject had an action done, ignoring refusals and other actions', async () => {
    const audit = createAuditLog(await backend.open());
    const entry = (subject: string, outcome: 'done' | 'refused', action = 'report') => ({ actor: 'xa-an-son-dau-moi', actorKind: 'person' as const, action, subject, outcome });
    await audit.record(entry('plan/a/s/xa-an-son', 'done'), new Date('2026-11-20T02:00:00Z'));
    await audit.record(entry('plan/a/s/xa-an-son', 'done'), new Date('2026-11-24T02:00:00Z'));
    await audit.record(entry('plan/a/s/xa-an-son', 'refused'), new Date('2026-11-25T02:00:00Z'));
    await audit.record(entry('plan/a/s/xa-dai-an', 'done', 'review'), new Date('2026-11-25T02:00:00Z'));
    const last = await audit.lastDone('report', ['plan/a/s/xa-an-son', 'plan/a/s/xa-dai-an']);
    expect([...last]).toEqual([['plan/a/s/xa-an-son', new Date('2026-11-24T02:00:00Z')]]);
    expect(await audit.lastDone('report', [])).toEqual(new Map());
  });

  it('moves the operators’ journal into the log before it is read, each line once, skipping a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planflow-journal-'));
    dirs.push(dir);
    const journal = join(dir, 'journal.jsonl');
    const operator = { actor: 'operator:hanh', actorKind: 'operator' as const, onBehalfOf: 'trieu-duc-dung', action: 'approve', subject: 'plan/b', outcome: 'done' as const, detail: { via: 'cli' } };
    await appendToJournal(journal, operator, new Date('2026-11-25T03:00:00Z'));
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}{"at":"nope"}\n`);
    await appendToJournal(journal, { ...operator, action: 'cancel', outcome: 'refused' }, new Date('2026-11-25T04:00:00Z'));
    const audit = createAuditLog(await backend.open(), journal);
    const read = await audit.forSubject('plan/b');
    expect(read.map((e) => [e.actor, e.action, e.outcome, e.at.toISOString()])).toEqual([
      ['operator:hanh', 'cancel', 'refused', '2026-11-25T04:00:00.000Z'],
      ['operator:hanh', 'approve', 'done', '2026-11-25T03:00:00.000Z'],
    ]);
    expect(existsSync(journal)).toBe(false);
    expect(await audit.forSubject('plan/b')).toHaveLength(2);
  });
});
