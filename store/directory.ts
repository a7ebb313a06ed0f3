// The directory: agencies and people with emails and roles, effective-dated. A row holds from validFrom up to (not
// including) validTo; a closed row may name a successor, which is how the 2025 reform's merged communes and
// abolished districts pass their work on. Ids are the plans' ids, so a signed-in person matches a plan's people.
import { z } from 'zod';
import { AgencyKind, Id, LocalDate } from '../model/plan';
import { rows, type Queryable } from './db';

/** The plans' id format, bounded. */
const DirId = z.string().max(120).pipe(Id);

export const Role = z.enum(['official', 'coordinator', 'leader', 'operator']);
export type Role = z.infer<typeof Role>;

const Dated = z.object({
  validFrom: LocalDate,
  validTo: LocalDate.nullable().default(null),
  successor: DirId.nullable().default(null),
});

export const AgencyRecord = Dated.extend({
  id: DirId,
  name: z.string().min(1).max(300),
  kind: AgencyKind,
  emails: z.array(z.email().max(254)).min(1).max(20),
  parent: DirId.nullable().default(null),
});
export type AgencyRecord = z.infer<typeof AgencyRecord>;

/** KT. (ký thay: a deputy for the head) or TL. (thừa lệnh: by the head's delegation), and the head signed for. */
export const SignsFor = z.object({ kind: z.enum(['KT', 'TL']), person: DirId });
export type SignsFor = z.infer<typeof SignsFor>;

export const PersonRecord = Dated.extend({
  id: DirId,
  name: z.string().min(1).max(200).nullable().default(null),
  title: z.string().min(1).max(300),
  agency: DirId,
  email: z.email().max(254),
  roles: z.array(Role).max(4).default(['official']),
  language: z.enum(['vi', 'en']).default('vi'),
  signsFor: SignsFor.nullable().default(null),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

const isoDate = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), LocalDate]);
const datedColumns = { valid_from: isoDate, valid_to: isoDate.nullable(), successor_id: z.string().nullable() };
const AgencyRow = z.object({ id: z.string(), name: z.string(), kind: AgencyKind, emails: z.array(z.string()), parent_id: z.string().nullable(), ...datedColumns })
  .transform((r): AgencyRecord => AgencyRecord.parse({ id: r.id, name: r.name, kind: r.kind, emails: r.emails, parent: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to, successor: r.successor_id }));
const PersonRow = z.object({
  id: z.string(), name: z.string().nullable(), title: z.string(), agency_id: z.string(), email: z.string(), roles: z.array(Role), language: z.enum(['vi', 'en']),
  signs_kind: z.enum(['KT', 'TL']).nullable(), signs_for: z.string().nullable(), ...datedColumns,
}).transform((r): PersonRecord => PersonRecord.parse({
  id: r.id, name: r.name, title: r.title, agency: r.agency_id, email: r.email, roles: r.roles, language: r.language,
  signsFor: r.signs_kind && r.signs_for ? { kind: r.signs_kind, person: r.signs_for } : null,
  validFrom: r.valid_from, validTo: r.valid_to, successor: r.successor_id,
}));

const VALID_ON = 'valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)';
/** Successor chains are short (a district, then its province); a longer one is a loop in the data. */
const MAX_SUCCESSIONS = 8;

export const today = (now = new Date()) => now.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export function createDirectory(db: Queryable) {
  const agencyVersion = async (id: string, on: string) =>
    (await rows(db, AgencyRow, `SELECT * FROM agencies WHERE id = $1 AND ${VALID_ON}`, [id, on]))[0];
  /** The last version of an agency that had ended by `on`, to follow its successor. */
  const endedAgency = async (id: string, on: string) =>
    (await rows(db, AgencyRow, 'SELECT * FROM agencies WHERE id = $1 AND valid_to <= $2::date ORDER BY valid_to DESC LIMIT 1', [id, on]))[0];

  return {
    /** Adds or replaces the version of an agency that starts on `validFrom`. */
    async putAgency(input: z.input<typeof AgencyRecord>): Promise<void> {
      const a = AgencyRecord.parse(input);
      await db.query(
        `INSERT INTO agencies (id, valid_from, valid_to, name, kind, emails, parent_id, successor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, kind = excluded.kind,
           emails = excluded.emails, parent_id = excluded.parent_id, successor_id = excluded.successor_id`,
        [a.id, a.validFrom, a.validTo, a.name, a.kind, a.emails, a.parent, a.successor],
      );
    },

    async putPerson(input: z.input<typeof PersonRecord>): Promise<void> {
      const p = PersonRecord.parse(input);
      await db.query(
        `INSERT INTO people (id, valid_from, valid_to, name, title, agency_id, email, roles, language, successor_id, signs_kind, signs_for)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name, title = excluded.title,
           agency_id = excluded.agency_id, email = excluded.email, roles = excluded.roles, language = excluded.language, successor_id = excluded.successor_id,
           signs_kind = excluded.signs_kind, signs_for = excluded.signs_for`,
        [p.id, p.validFrom, p.validTo, p.name, p.title, p.agency, p.email, p.roles, p.language, p.successor, p.signsFor?.kind ?? null, p.signsFor?.person ?? null],
      );
    },

    agency: (id: string, on = today()) => agencyVersion(id, on),

    /** The names of the agencies among `ids` that exist on `on` (list rows name communes, not ids): one query. */
    async agencyNames(ids: readonly string[], on = today()): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const found = await rows(db, z.object({ id: z.string(), name: z.string() }), `SELECT id, name FROM agencies WHERE id = ANY($1::text[]) AND ${VALID_ON}`, [[...new Set(ids)].slice(0, 1000), on]);
      return new Map(found.map((a) => [a.id, a.name]));
    },

    async person(id: string, on = today()): Promise<PersonRecord | undefined> {
      return (await rows(db, PersonRow, `SELECT * FROM people WHERE id = $1 AND ${VALID_ON}`, [id, on]))[0];
    },

    /** The person holding this address on `on`; emails compare case-insensitively. */
    async personByEmail(email: string, on = today()): Promise<PersonRecord | undefined> {
      return (await rows(db, PersonRow, `SELECT * FROM people WHERE lower(email) = lower($1) AND ${VALID_ON} ORDER BY id LIMIT 1`, [email, on]))[0];
    },

    /** The people of an agency on `on`, for "who acts for this commune". */
    async peopleOf(agencyId: string, on = today()): Promise<PersonRecord[]> {
      return rows(db, PersonRow, `SELECT * FROM people WHERE agency_id = $1 AND ${VALID_ON} ORDER BY id`, [agencyId, on]);
    },

    /**
     * The agency that holds `id`'s work on `on`: itself while it exists, else its successor's holder. A plan issued
     * in 2021 names a district office; in 2026 its work belongs to whoever the reform gave it to.
     */
    async holderOf(id: string, on = today()): Promise<{ agency: AgencyRecord; via: string[] } | undefined> {
      const via: string[] = [];
      let current = id;
      for (let step = 0; step <= MAX_SUCCESSIONS; step += 1) {
        const live = await agencyVersion(current, on);
        if (live) return { agency: live, via };
        const ended = await endedAgency(current, on);
        if (!ended?.successor) return undefined;
        via.push(current);
        current = ended.successor;
      }
      throw new Error(`${id}: chuỗi đơn vị kế thừa dài quá ${MAX_SUCCESSIONS} bước (có vòng lặp?)`);
    },
  };
}
export type Directory = ReturnType<typeof createDirectory>;
