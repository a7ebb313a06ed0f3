// Days off in Vietnam: the public holidays of the Labour Code 2019, Art. 112 (computed, with the lunar dates from
// lunar.ts and a make-up day for a holiday on a weekend), overridden by the government's announced schedule.
import { addDays, civilDate, dayNumber, fromDayNumber, weekday, yearOf, type CivilDate } from './civil-date';
import { lunarNewYear, lunarToSolar } from './lunar';
import { OFFICIAL_DAYS_OFF, type Occasion, type OfficialBreak } from './official-days-off';

export type { Occasion };

export const OCCASION_NAMES: Record<Occasion, { vi: string; en: string }> = {
  'tet-duong-lich': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  'tet-am-lich': { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  'gio-to': { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings Commemoration (10/3 lunar)' },
  'chien-thang-lao-dong': { vi: 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', en: 'Reunification Day and Labour Day' },
  'quoc-khanh': { vi: 'Quốc khánh 2/9', en: 'National Day' },
};

export interface DayOff {
  date: CivilDate;
  occasion: Occasion;
  origin: 'official' | 'computed';
  /** A computed make-up day for a holiday that fell on a weekend (Art. 112(3)). */
  makeUp: boolean;
  source: string;
}

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112';
const isWeekend = (date: CivilDate) => weekday(date) === 0 || weekday(date) === 6;

/** The Labour Code's holidays of a year, before any make-up day. */
function legalHolidays(year: number): { date: CivilDate; occasion: Occasion }[] {
  const tet = lunarNewYear(year);
  const nationalDay = civilDate(year, 9, 2);
  // The adjacent day of 2/9 (from 2021) is chosen each year; this picks the side that joins a weekend, as
  // the announced schedules of 2021–2025 did.
  const adjacentSide = [1, 1, -1, -1, 1, -1, -1][weekday(nationalDay)]!;
  const days: { date: CivilDate; occasion: Occasion }[] = [
    { date: civilDate(year, 1, 1), occasion: 'tet-duong-lich' },
    // Five days: the last day of the lunar year and the first four of the new one.
    ...[-1, 0, 1, 2, 3].map((offset) => ({ date: addDays(tet, offset), occasion: 'tet-am-lich' as const })),
    { date: lunarToSolar(10, 3, year)!, occasion: 'gio-to' },
    { date: civilDate(year, 4, 30), occasion: 'chien-thang-lao-dong' },
    { date: civilDate(year, 5, 1), occasion: 'chien-thang-lao-dong' },
    { date: nationalDay, occasion: 'quoc-khanh' },
    ...(year >= 2021 ? [{ date: addDays(nationalDay, adjacentSide), occasion: 'quoc-khanh' as const }] : []),
  ];
  return days.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
}

/**
 * The computed days of a year depend on the year alone, so they are kept once per process (or worker) and frozen: a
 * worker shares this module between its workflows, and each workflow would otherwise redo the lunar arithmetic.
 */
const computedByYear = new Map<number, readonly DayOff[]>();

function computedDaysOff(year: number): readonly DayOff[] {
  let days = computedByYear.get(year);
  if (!days) computedByYear.set(year, (days = Object.freeze(computeDaysOff(year).map((d) => Object.freeze(d)))));
  return days;
}

function computeDaysOff(year: number): DayOff[] {
  const holidays = legalHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const daysOff: DayOff[] = [];
  for (const h of holidays) {
    daysOff.push({ ...h, origin: 'computed', makeUp: false, source: LABOUR_CODE });
    if (!isWeekend(h.date)) continue;
    let makeUp = addDays(h.date, 1);
    while (isWeekend(makeUp) || taken.has(makeUp)) makeUp = addDays(makeUp, 1);
    taken.add(makeUp);
    daysOff.push({ date: makeUp, occasion: h.occasion, origin: 'computed', makeUp: true, source: LABOUR_CODE });
  }
  return daysOff;
}

function officialDaysOff(b: OfficialBreak): DayOff[] {
  const days: DayOff[] = [];
  for (let n = dayNumber(b.from); n <= dayNumber(b.to); n++) {
    days.push({ date: fromDayNumber(n), occasion: b.occasions[0]!, origin: 'official', makeUp: false, source: b.source });
  }
  return days;
}

export interface YearCalendar {
  year: number;
  daysOff: DayOff[];
  /** Saturdays worked in exchange for a weekday off (làm bù), with their source. */
  workingDays: { date: CivilDate; source: string }[];
}

/** The official decisions in force and what follows from them alone. */
interface CalendarState {
  decisions: readonly OfficialBreak[];
  cache: Map<number, YearCalendar>;
  /** What each date asked about is (a day off, a swapped working day, or neither): deadlines ask day after day. */
  days: Map<CivilDate, { dayOff?: DayOff; swapped?: { date: CivilDate; source: string } }>;
  /** Answers computed from the days above (working-days.ts: the next working day after or before a date). */
  derived: Map<string, CivilDate>;
}

const STATE_KEY = '__planflowOfficialCalendar';
type HoldsState = { [STATE_KEY]?: CalendarState };

/**
 * One state per set of decisions, shared by every workflow holding the same set: what it caches is a pure function of
 * the decisions and the date asked, so a workflow finds the same answers whether another computed them first or not
 * (replay included). Each workflow used to count working days from scratch: in a profile of 1,000 replays of an
 * assignment's first task (2026-11-26) its own code took 2.0 s, 1.1 s once this was shared; a national plan's worker
 * used 274 s of CPU instead of 440 (README, Benchmark). At most STATES_KEPT sets are kept, the least recently set
 * dropped first.
 */
const states = new Map<string, CalendarState>();
const STATES_KEPT = 8;

function stateFor(decisions: readonly OfficialBreak[]): CalendarState {
  const key = JSON.stringify(decisions);
  const state = states.get(key) ?? { decisions: Object.freeze([...decisions]), cache: new Map(), days: new Map(), derived: new Map() };
  states.delete(key);
  states.set(key, state);
  for (const old of states.keys()) {
    if (states.size <= STATES_KEPT) break;
    states.delete(old);
  }
  return state;
}

/**
 * Kept on `globalThis`, not in module variables: workers preload this module once and share it between workflows
 * (worker/bundle-options.ts), while each workflow has its own globals (the SDK swaps them on every activation). So a
 * workflow's decisions, set from its input or a signal before it computes any date, are never another's, and replay
 * sees the same data. Outside workflows (CLI, portal) it is the process's one state, as module state would be.
 */
function calendarState(): CalendarState {
  const holder = globalThis as HoldsState;
  holder[STATE_KEY] ??= stateFor([]);
  return holder[STATE_KEY];
}

/**
 * Official breaks announced after planflow shipped (`planflow calendar official add`), each replacing the shipped
 * or computed days of its occasions in its year.
 */
export function useOfficialDecisions(added: readonly OfficialBreak[]): void {
  (globalThis as HoldsState)[STATE_KEY] = stateFor(added);
}

/** The table working-days.ts keeps its answers in: they hold for the decisions in force, and change with them. */
export const derivedDays = (): Map<string, CivilDate> => calendarState().derived;

export const officialDecisions = (): readonly OfficialBreak[] => calendarState().decisions;

/** The year a break belongs to: Tết Dương lịch may start in December of the year before. */
const yearOfBreak = (b: OfficialBreak) => yearOf(b.to);

function officialBreaks(year: number): OfficialBreak[] {
  const added = calendarState().decisions.filter((b) => yearOfBreak(b) === year);
  const replaced = new Set(added.flatMap((b) => b.occasions));
  return [...(OFFICIAL_DAYS_OFF[year] ?? []).filter((b) => !b.occasions.some((o) => replaced.has(o))), ...added];
}

/** Every day off announced or computed for a year's occasions, sorted by date (memoised: it is pure). */
export function yearCalendar(year: number): YearCalendar {
  const { cache } = calendarState();
  const cached = cache.get(year);
  if (cached) return cached;
  const official = officialBreaks(year);
  const covered = new Set(official.flatMap((b) => b.occasions));
  const daysOff = [...official.flatMap(officialDaysOff), ...computedDaysOff(year).filter((d) => !covered.has(d.occasion))].sort(
    (a, b) => dayNumber(a.date) - dayNumber(b.date),
  );
  const workingDays = official.flatMap((b) => (b.workingDays ?? []).map((date) => ({ date, source: b.source })));
  const calendar = { year, daysOff, workingDays };
  cache.set(year, calendar);
  return calendar;
}

/** A break can start in the previous year (Tết Dương lịch 2019 began on 29/12/2018), so look at both years. */
function dayOn(date: CivilDate) {
  const { days } = calendarState();
  let day = days.get(date);
  if (!day) {
    const years = [yearCalendar(yearOf(date)), yearCalendar(yearOf(date) + 1)];
    const dayOff = years.flatMap((c) => c.daysOff).find((d) => d.date === date);
    const swapped = years.flatMap((c) => c.workingDays).find((d) => d.date === date);
    days.set(date, (day = { ...(dayOff && { dayOff }), ...(swapped && { swapped }) }));
  }
  return day;
}

export const dayOffOn = (date: CivilDate): DayOff | undefined => dayOn(date).dayOff;

export const swappedWorkingDayOn = (date: CivilDate): { date: CivilDate; source: string } | undefined => dayOn(date).swapped;
