// The lead office's weekly digest while a plan runs: for each step (and cycle) it receives reports on, how many agencies
// have reported, which reports wait for its review and who is late — so a coordinator need not open the dashboard to
// know what to chase. Pure: the plan workflow gathers the entries and sends one notice per lead office.
import { z } from 'zod';
import { addDays, instantAt, onOrAfterWorkingDay, weekday, civilDateAt, type CivilDate } from './calendar';
import { IncidentKind, type AssignmentStatus } from './status';

/** Names listed per line; the rest are counted ("và 212 đơn vị khác"): a national plan's digest stays small. */
export const DIGEST_NAMES = 10;
/** Lines per digest: far above the steps × open cycles one office leads. */
export const DIGEST_LINES = 100;

const Names = z.object({ count: z.number().int().nonnegative(), names: z.array(z.string().max(300)).max(DIGEST_NAMES) });

export const DigestLine = z.object({
  stepId: z.string().max(200),
  /** The step as people name it, and the cycle's label for recurring work. */
  title: z.string().max(300),
  cycle: z.string().max(100).optional(),
  expected: z.number().int().nonnegative(),
  reported: z.number().int().nonnegative(),
  /** Reports submitted and waiting for the office to receive (tiếp nhận) or return. */
  waiting: Names,
  /** Agencies past their last day without an accepted report. */
  overdue: Names,
});
export type DigestLine = z.infer<typeof DigestLine>;

/** Incidents since the last digest, counted by kind: ids and technical details stay in the plan's status. */
export const IncidentCounts = z.record(IncidentKind, z.number().int().nonnegative());
export type IncidentCounts = z.infer<typeof IncidentCounts>;
export const noIncidents = (): IncidentCounts => ({ 'refused-signal': 0, 'child-failed': 0, 'data-error': 0 });

/** One assignment as the digest counts it. */
export interface DigestEntry {
  stepId: string;
  title: string;
  cycle?: string;
  agencyName: string;
  status: AssignmentStatus;
}

const REPORTED: readonly AssignmentStatus[] = ['submitted', 'done-on-time', 'done-late'];
const ENDED: readonly AssignmentStatus[] = ['done-on-time', 'done-late', 'cancelled', 'reassigned'];

/**
 * The lines of one office's digest: one per step and cycle that still has work open, in the order given.
 * Work cancelled or passed to another agency is not expected of anyone any more.
 */
export function digestLines(entries: readonly DigestEntry[]): DigestLine[] {
  const lines = new Map<string, DigestLine & { open: boolean }>();
  for (const e of entries) {
    if (e.status === 'cancelled' || e.status === 'reassigned') continue;
    const key = `${e.stepId}/${e.cycle ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      line = { stepId: e.stepId, title: e.title, cycle: e.cycle, expected: 0, reported: 0, waiting: { count: 0, names: [] }, overdue: { count: 0, names: [] }, open: false };
      lines.set(key, line);
    }
    line.expected++;
    if (REPORTED.includes(e.status)) line.reported++;
    if (e.status === 'submitted') add(line.waiting, e.agencyName);
    if (e.status === 'overdue') add(line.overdue, e.agencyName);
    if (!ENDED.includes(e.status)) line.open = true;
  }
  return [...lines.values()].filter((l) => l.open).slice(0, DIGEST_LINES).map(({ open: _open, ...line }) => line);
}

function add(names: DigestLine['waiting'], name: string): void {
  names.count++;
  if (names.names.length < DIGEST_NAMES) names.names.push(name);
}

/** Whether a digest asks something of its reader: a report to receive, or a unit to chase. */
export const needsAction = (lines: readonly DigestLine[]) => lines.some((l) => l.waiting.count > 0 || l.overdue.count > 0);

/**
 * When the next digest goes out: office start on the first working day of a week (Monday, or the day work resumes
 * after a holiday), strictly after `now`.
 */
export function nextDigestAt(now: number, officeStart: string): number {
  let monday: CivilDate = addDays(civilDateAt(now), -((weekday(civilDateAt(now)) + 6) % 7));
  for (;;) {
    const at = instantAt(onOrAfterWorkingDay(monday), officeStart);
    if (at > now) return at;
    monday = addDays(monday, 7);
  }
}
