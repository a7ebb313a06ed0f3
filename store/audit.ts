// The audit log: who did what to which plan or assignment, through the portal, the API or an operator's CLI, and
// whether it was done or refused. Append-only; read newest first per subject.
import { z } from 'zod';
import { rows, type Queryable } from './db';
import { drainJournal } from './operator-journal';

export const ActorKind = z.enum(['person', 'system-token', 'operator', 'system']);

export const AuditEntry = z.object({
  actor: z.string().min(1).max(200),
  actorKind: ActorKind,
  /** The agency or person acted for (KT., TL.): recorded beside the actor, never instead of it. */
  onBehalfOf: z.string().min(1).max(200).nullable().default(null),
  action: z.string().min(1).max(100),
  subject: z.string().min(1).max(500),
  outcome: z.enum(['done', 'refused']),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type RecordedAudit = AuditEntry & { id: number; at: Date };

const AuditRow = z.object({
  id: z.coerce.number().int(), at: z.date(), actor: z.string(), actor_kind: ActorKind, on_behalf_of: z.string().nullable(),
  action: z.string(), subject: z.string(), outcome: z.enum(['done', 'refused']), detail: z.record(z.string(), z.unknown()),
}).transform((r): RecordedAudit => ({
  id: r.id, at: r.at, actor: r.actor, actorKind: r.actor_kind, onBehalfOf: r.on_behalf_of, action: r.action, subject: r.subject, outcome: r.outcome, detail: r.detail,
}));

const LastDoneRow = z.object({ subject: z.string(), at: z.date() });

/** A detail larger than this is a mistake (a whole report pasted in): the log stays readable and bounded. */
const MAX_DETAIL_CHARS = 8_000;

/** `journal`: where operators' commands leave entries for an embedded store (store/operator-journal.ts). */
export function createAuditLog(db: Queryable, journal?: string) {
  async function record(input: z.input<typeof AuditEntry>, now = new Date()): Promise<void> {
    const e = AuditEntry.parse(input);
    const detail = JSON.stringify(e.detail);
    if (detail.length > MAX_DETAIL_CHARS) throw new Error(`audit.detail: dài quá ${MAX_DETAIL_CHARS} ký tự`);
    await db.query(
      'INSERT INTO audit_log (at, actor, actor_kind, on_behalf_of, action, subject, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)',
      [now, e.actor, e.actorKind, e.onBehalfOf, e.action, e.subject, e.outcome, detail]);
  }
  /** Moves operators' journaled entries in; a journal that cannot be read is reported, and the log still answers. */
  const drain = async () => {
    if (journal) await drainJournal(journal, (entry, at) => record(AuditEntry.parse(entry), at)).catch((error: unknown) => console.warn(`planflow store: ${error instanceof Error ? error.message : String(error)}`));
  };
  return {
    record,
    drainJournal: drain,
    /** Entries about a subject and everything under it (a plan and its assignments), newest first. */
    async forSubject(subject: string, limit = 100): Promise<RecordedAudit[]> {
      await drain();
      const prefix = `${subject.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
      return rows(db, AuditRow, 'SELECT * FROM audit_log WHERE subject = $1 OR subject LIKE $2 ORDER BY id DESC LIMIT $3', [subject, prefix, Math.min(Math.max(limit, 1), 1000)]);
    },
    /**
     * When each subject last had `action` done (a report's time, for the reviews waiting on it): one query for a whole
     * page of subjects; subjects it was never done to through the portal, the API or the CLI are absent.
     */
    async lastDone(action: string, subjects: readonly string[]): Promise<Map<string, Date>> {
      if (subjects.length === 0) return new Map();
      const found = await rows(db, LastDoneRow,
        "SELECT subject, max(at) AS at FROM audit_log WHERE action = $1 AND outcome = 'done' AND subject = ANY($2::text[]) GROUP BY subject",
        [action, subjects.slice(0, 1000)]);
      return new Map(found.map((r) => [r.subject, r.at]));
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
