// The planflow calendar: pure, deterministic date arithmetic for Vietnam, safe to import in workflow code.
export * from './civil-date';
export { lunarNewYear, lunarToSolar } from './lunar';
export { OCCASION_NAMES, dayOffOn, officialDecisions, useOfficialDecisions, yearCalendar, type DayOff, type Occasion, type YearCalendar } from './holidays';
export { OfficialBreak } from './official-days-off';
export * from './working-days';
export * from './reporting-periods';
export * from './deadlines';
export * from './schedule';
