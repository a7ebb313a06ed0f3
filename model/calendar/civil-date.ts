// Civil dates (`YYYY-MM-DD`) in Asia/Ho_Chi_Minh and the instants they map to. Vietnam has kept UTC+7 with no
// daylight saving since 1975, so a fixed offset is exact and needs no time-zone database inside workflows.
export type CivilDate = string;

export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 (a Thursday); Date.UTC is pure, so this is safe in workflow code. */
export function dayNumber(date: CivilDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(days: number): CivilDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function civilDate(year: number, month: number, day: number): CivilDate {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / DAY_MS));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** The instant (ms since the epoch, UTC) of a wall-clock time `HH:MM` on a civil date in Vietnam. */
export function instantAt(date: CivilDate, time = '00:00'): number {
  const [h, min] = time.split(':').map(Number) as [number, number];
  return dayNumber(date) * DAY_MS + (h * 60 + min) * 60 * 1000 - VN_OFFSET_MS;
}

/** 24:00 of a civil date, where the Civil Code (Art. 148) ends a period. */
export function endOfDay(date: CivilDate): number {
  return instantAt(addDays(date, 1));
}

/** The civil date in Vietnam at an instant. */
export function civilDateAt(instant: number): CivilDate {
  return fromDayNumber(Math.floor((instant + VN_OFFSET_MS) / DAY_MS));
}

/** The wall-clock time `HH:MM` in Vietnam at an instant. */
export function timeAt(instant: number): string {
  const minutes = Math.floor((((instant + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 60000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(date: CivilDate, lang: 'vi' | 'en' = 'vi'): string {
  return (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[weekday(date)]!;
}

/** "20/11/2021", as Vietnamese documents write dates. */
export function formatVietnamese(date: CivilDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
