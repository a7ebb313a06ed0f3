// `planflow calendar holidays|add|is-working|period`: the calendar rules, checkable from outside by a coordinator.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  OCCASION_NAMES, PERIOD_KINDS, addDays, countFrom, dayStatus, deadlineInstant, formatVietnamese, periodContaining,
  weekdayName, yearCalendar, type CivilDate, type DayStatus,
} from '../../model/calendar';
import type { Lang } from '../../model/messages';
import { LANG_OPTION, langOf } from '../args';

const DateArg = z.iso.date();
const Kind = z.enum(PERIOD_KINDS);

const USAGE = `Cách dùng:
  planflow calendar holidays NĂM                 các ngày nghỉ trong năm
  planflow calendar add NGÀY N [--working-days]  hạn sau N ngày (làm việc) kể từ NGÀY
  planflow calendar is-working NGÀY              có phải ngày làm việc (mã thoát 0) hay ngày nghỉ (1)
  planflow calendar period LOẠI NGÀY             kỳ báo cáo theo Nghị định 09/2019 (${PERIOD_KINDS.join(', ')})
Ngày viết dạng YYYY-MM-DD; --json cho máy đọc.
`;

const out = (line: string) => void process.stdout.write(`${line}\n`);
const vi = (lang: Lang, viText: string, enText: string) => (lang === 'vi' ? viText : enText);

export function calendarCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { ...LANG_OPTION, json: { type: 'boolean' }, 'working-days': { type: 'boolean' } },
    allowPositionals: true,
  });
  const lang = langOf(values.lang);
  const json = values.json === true;
  const [sub, ...rest] = positionals;
  const parse = <T extends z.ZodTuple>(schema: T, names: string[]) => parseArguments(schema, rest, names, lang);
  switch (sub) {
    case 'holidays': {
      const a = parse(z.tuple([z.coerce.number().int().min(1900).max(2199)]), ['NĂM']);
      return a ? holidays(a[0], json, lang) : 2;
    }
    case 'add': {
      const a = parse(z.tuple([DateArg, z.coerce.number().int()]), ['NGÀY', 'N']);
      return a ? add(a[0], a[1], values['working-days'] === true, json, lang) : 2;
    }
    case 'is-working': {
      const a = parse(z.tuple([DateArg]), ['NGÀY']);
      return a ? isWorking(a[0], json, lang) : 2;
    }
    case 'period': {
      const a = parse(z.tuple([Kind, DateArg]), ['LOẠI', 'NGÀY']);
      return a ? period(a[0], a[1], json, lang) : 2;
    }
    default:
      process.stderr.write(USAGE);
      return sub === undefined ? 0 : 2;
  }
}

/** Positional arguments through zod; on failure prints `NAME: message` lines and returns undefined. */
function parseArguments<T extends z.ZodTuple>(schema: T, args: string[], names: string[], lang: Lang): z.infer<T> | undefined {
  const parsed = schema.safeParse(args, { error: (lang === 'vi' ? z.locales.vi() : z.locales.en()).localeError });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const at = typeof issue.path[0] === 'number' ? names[issue.path[0]] : undefined;
    process.stderr.write(`${at ?? names.join(' ')}: ${issue.message}\n`);
  }
  return undefined;
}

function holidays(year: number, json: boolean, lang: Lang): number {
  const calendar = yearCalendar(year);
  if (json) {
    out(JSON.stringify(calendar, null, 2));
    return 0;
  }
  for (const d of calendar.daysOff) {
    const origin = d.origin === 'official' ? vi(lang, 'chính thức', 'official') : vi(lang, 'tính toán', 'computed');
    const makeUp = d.makeUp ? vi(lang, ' (nghỉ bù)', ' (make-up day)') : '';
    out(`${d.date}  ${weekdayName(d.date, lang).padEnd(9)}  ${OCCASION_NAMES[d.occasion][lang]}${makeUp}  [${origin}: ${d.source}]`);
  }
  for (const w of calendar.workingDays) {
    out(`${w.date}  ${weekdayName(w.date, lang).padEnd(9)}  ${vi(lang, 'làm bù (ngày làm việc)', 'swapped working day')}  [${w.source}]`);
  }
  return 0;
}

function add(date: CivilDate, n: number, workingDays: boolean, json: boolean, lang: Lang): number {
  if (n < 0 && !workingDays) {
    process.stderr.write(vi(lang, 'N: số ngày lịch phải không âm (đếm lùi chỉ dùng với --working-days)\n', 'N: calendar days must not be negative (count back only with --working-days)\n'));
    return 2;
  }
  const due = countFrom(date, n, workingDays ? 'working-days' : 'days');
  if (json) {
    out(JSON.stringify({ from: date, days: n, unit: workingDays ? 'working-days' : 'days', due, endsAt: new Date(deadlineInstant(due)).toISOString() }));
    return 0;
  }
  out(due);
  const unit = workingDays ? vi(lang, 'ngày làm việc', 'working days') : vi(lang, 'ngày', 'days');
  out(vi(lang,
    `${Math.abs(n)} ${unit} ${n < 0 ? 'trước' : 'kể từ'} ngày ${formatVietnamese(date)} (không tính ngày ${formatVietnamese(date)}, Điều 147 BLDS 2015)`,
    `${Math.abs(n)} ${unit} ${n < 0 ? 'before' : 'after'} ${date} (not counting ${date}, Civil Code Art. 147)`));
  out(vi(lang, `Hạn: hết 24:00 ${weekdayName(due, lang)} ngày ${formatVietnamese(due)}`, `Due: end of ${weekdayName(due, lang)} ${due}`));
  if (!workingDays && due !== addDays(date, n)) {
    out(vi(lang, 'Ngày cuối rơi vào ngày nghỉ nên chuyển sang ngày làm việc kế tiếp (Điều 148 khoản 5)', 'The last day fell on a day off, so it moved to the next working day (Art. 148(5))'));
  }
  return 0;
}

function describeDay(status: DayStatus, lang: Lang): string {
  switch (status.reason) {
    case 'weekday':
      return vi(lang, 'ngày làm việc', 'working day');
    case 'swapped-working-day':
      return vi(lang, `ngày làm việc (làm bù theo ${status.source})`, `working day (swapped, ${status.source})`);
    case 'weekend':
      return vi(lang, 'ngày nghỉ hằng tuần', 'weekly rest day');
    case 'day-off': {
      const d = status.dayOff;
      const makeUp = d.makeUp ? vi(lang, ', nghỉ bù', ', make-up day') : '';
      return `${vi(lang, 'ngày nghỉ', 'day off')}: ${OCCASION_NAMES[d.occasion][lang]}${makeUp} (${d.source})`;
    }
  }
}

function isWorking(date: CivilDate, json: boolean, lang: Lang): number {
  const status = dayStatus(date);
  if (json) out(JSON.stringify({ date, ...status }));
  else out(`${date} ${weekdayName(date, lang)}: ${describeDay(status, lang)}`);
  return status.working ? 0 : 1;
}

function period(kind: z.infer<typeof Kind>, date: CivilDate, json: boolean, lang: Lang): number {
  const p = periodContaining(kind, date);
  if (!p) {
    process.stderr.write(vi(lang, `${date} không thuộc kỳ báo cáo loại "${kind}" nào (kỳ 9 tháng chốt số liệu đến 14/9)\n`, `${date} is in no "${kind}" period (nine-month data ends on 14/9)\n`));
    return 1;
  }
  if (json) out(JSON.stringify(p));
  else out(`${p.label[lang]}: ${vi(lang, 'số liệu từ', 'data from')} ${p.cutoff.from} ${vi(lang, 'đến', 'to')} ${p.cutoff.to} (${vi(lang, 'Nghị định 09/2019/NĐ-CP, Điều 12', 'Decree 09/2019/NĐ-CP, Art. 12')})`);
  return 0;
}
