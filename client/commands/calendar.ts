// `planflow calendar holidays|add|is-working|period`: the calendar rules, checkable from outside by a coordinator.
import type { Command } from 'commander';
import { z } from 'zod';
import {
  OCCASION_NAMES, PERIOD_KINDS, addDays, countFrom, dayStatus, deadlineInstant, formatVietnamese, periodContaining,
  useOfficialDecisions, weekdayName, yearCalendar, type CivilDate, type DayStatus,
} from '../../model/calendar';
import { Occasion, type OfficialBreak } from '../../model/calendar/official-days-off';
import type { Lang } from '../../model/messages';
import { DateArg, JSON_OPTION, USAGE_ERROR, act, checkInput, collect, langOfCommand } from '../args';
import { addOfficialDecision, officialDecisions } from '../calendar';
import { withClient, withClientIfReachable } from '../connect';
import { DEFAULT_TASK_QUEUE } from '../planflow';

/** Period kinds as people type them (`quy`, `nam`, with or without marks); the English ids still work. */
const KIND_NAMES: Record<string, z.infer<typeof PeriodKind>> = {
  thang: 'month', tháng: 'month', quy: 'quarter', quý: 'quarter', '6-thang': 'half-year', '6-tháng': 'half-year',
  '9-thang': 'nine-months', '9-tháng': 'nine-months', nam: 'year', năm: 'year',
};
const PeriodKind = z.enum(PERIOD_KINDS);
/** In Vietnamese the error lists the Vietnamese names; `--lang en` keeps zod's English list of ids. */
const kindIn = (lang: Lang) => z.string().transform((k) => KIND_NAMES[k.toLocaleLowerCase('vi')] ?? k)
  .pipe(lang === 'vi' ? z.enum(PERIOD_KINDS, { error: 'cần một trong: thang, quy, 6-thang, 9-thang, nam' }) : PeriodKind);
const Year = z.coerce.number().int().min(1900).max(2199);
const Days = z.coerce.number().int().min(-3660).max(3660);

const out = (line: string) => void process.stdout.write(`${line}\n`);
const vi = (lang: Lang, viText: string, enText: string) => (lang === 'vi' ? viText : enText);

export function calendarCommand(program: Command): void {
  const calendar = program.command('calendar')
    .description('lịch làm việc, ngày nghỉ, hạn và kỳ báo cáo (ngày viết dd/mm/yyyy hoặc yyyy-mm-dd)');

  calendar.command('holidays')
    .description('các ngày nghỉ trong năm, chính thức hoặc tính toán, kèm nguồn')
    .argument('<NĂM>', 'năm, ví dụ 2025')
    .option(...JSON_OPTION)
    .option(...OFFLINE_OPTION)
    .action(act((year: string, options: { json?: boolean; offline?: boolean }, command: Command) => {
      const lang = langOfCommand(command);
      const a = checkInput(z.object({ NĂM: Year }), { NĂM: year }, lang);
      return a ? withAddedDecisions(options, lang, () => holidays(a.NĂM, options.json === true, lang)) : USAGE_ERROR;
    }));

  calendar.command('add')
    .description('hạn sau N ngày (làm việc) kể từ NGÀY; N âm để đếm lùi (với --working-days)')
    .argument('<NGÀY>', 'ngày bắt đầu đếm (không tính ngày này)')
    .argument('<N>', 'số ngày, ví dụ 5 hoặc -7')
    .option('--working-days', 'đếm ngày làm việc')
    .option(...JSON_OPTION)
    .option(...OFFLINE_OPTION)
    .action(act((date: string, n: string, options: { json?: boolean; workingDays?: boolean; offline?: boolean }, command: Command) => {
      const lang = langOfCommand(command);
      const a = checkInput(z.object({ NGÀY: DateArg, N: Days }), { NGÀY: date, N: n }, lang);
      return a ? withAddedDecisions(options, lang, () => add(a.NGÀY, a.N, options.workingDays === true, options.json === true, lang)) : USAGE_ERROR;
    }));

  calendar.command('is-working')
    .description('có phải ngày làm việc (mã thoát 0) hay ngày nghỉ (1)')
    .argument('<NGÀY>', 'ngày cần xem')
    .option(...JSON_OPTION)
    .option(...OFFLINE_OPTION)
    .action(act((date: string, options: { json?: boolean; offline?: boolean }, command: Command) => {
      const lang = langOfCommand(command);
      const a = checkInput(z.object({ NGÀY: DateArg }), { NGÀY: date }, lang);
      return a ? withAddedDecisions(options, lang, () => isWorking(a.NGÀY, options.json === true, lang)) : USAGE_ERROR;
    }));

  const official = calendar.command('official')
    .description('lịch nghỉ chính thức do Chính phủ công bố hằng năm (dữ liệu dùng chung cho mọi kế hoạch đang chạy)');

  official.command('add')
    .description('thêm một đợt nghỉ chính thức (thay cho ngày dự kiến của dịp đó trong năm); báo cho mọi kế hoạch đang chạy')
    .requiredOption('--occasion <DỊP>', `dịp nghỉ: ${Occasion.options.join(', ')}; lặp lại nếu một đợt gộp nhiều dịp`, collect)
    .requiredOption('--from <NGÀY>', 'ngày đầu đợt nghỉ (kể cả thứ Bảy, Chủ nhật)')
    .requiredOption('--to <NGÀY>', 'ngày cuối đợt nghỉ')
    .option('--working <NGÀY>', 'ngày thứ Bảy làm bù; lặp lại nếu nhiều ngày', collect)
    .requiredOption('--source <VĂN-BẢN>', 'văn bản công bố, ví dụ "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"')
    .option(...JSON_OPTION)
    .action(act((o: { occasion: string[]; from: string; to: string; working?: string[]; source: string; json?: boolean }, command: Command) => {
      const lang = langOfCommand(command);
      const a = checkInput(z.object({ '--occasion': z.array(Occasion), '--from': DateArg, '--to': DateArg, '--working': z.array(DateArg) }),
        { '--occasion': o.occasion, '--from': o.from, '--to': o.to, '--working': o.working ?? [] }, lang);
      if (!a) return USAGE_ERROR;
      const decision = { occasions: a['--occasion'], from: a['--from'], to: a['--to'], workingDays: a['--working'], source: o.source };
      return withClient(async (client) => {
        const { decisions, told } = await addOfficialDecision(client, decision, process.env.PLANFLOW_TASK_QUEUE ?? DEFAULT_TASK_QUEUE);
        if (o.json) out(JSON.stringify({ decisions, told }));
        else out(vi(lang, `Đã ghi nhận. Đã báo cho ${told} quy trình đang chạy.`, `Recorded. ${told} running workflows were told.`));
        return 0;
      });
    }));

  official.command('list')
    .description('các đợt nghỉ chính thức đã thêm')
    .option(...JSON_OPTION)
    .action(act((o: { json?: boolean }, command: Command) => withClient(async (client) => {
      const decisions = await officialDecisions(client);
      if (o.json) out(JSON.stringify(decisions));
      else for (const d of decisions) out(describeBreak(d, langOfCommand(command)));
      return 0;
    })));

  calendar.command('period')
    .description('kỳ báo cáo theo Nghị định 09/2019/NĐ-CP chứa NGÀY')
    .argument('<LOẠI>', 'thang, quy, 6-thang, 9-thang hoặc nam')
    .argument('<NGÀY>', 'ngày thuộc kỳ')
    .option(...JSON_OPTION)
    .action(act((kind: string, date: string, options: { json?: boolean }, command: Command) => {
      const lang = langOfCommand(command);
      const a = checkInput(z.object({ LOẠI: kindIn(lang), NGÀY: DateArg }), { LOẠI: kind, NGÀY: date }, lang);
      return a ? period(a.LOẠI, a.NGÀY, options.json === true, lang) : USAGE_ERROR;
    }));
}

const OFFLINE_OPTION = ['--offline', 'không hỏi Temporal: chỉ dùng lịch nghỉ có sẵn trong phần mềm'] as const;

/**
 * Days off as running plans count them: the official decisions administrators added (`calendar official add`, kept by
 * Temporal) on top of the built-in schedule. Without Temporal (or with --offline) the built-in schedule alone answers,
 * and stderr says so: a coordinator must not take a provisional answer for the official one.
 */
async function withAddedDecisions(options: { offline?: boolean }, lang: Lang, run: () => number): Promise<number> {
  if (!options.offline) {
    const decisions = await withClientIfReachable((client) => officialDecisions(client)).catch(() => undefined);
    if (decisions) useOfficialDecisions(decisions);
    else {
      process.stderr.write(vi(lang,
        'Lưu ý: không kết nối được Temporal, nên chưa tính các đợt nghỉ chính thức đã thêm bằng "planflow calendar official add".\n',
        'Note: Temporal could not be reached, so official decisions added with "planflow calendar official add" are not included.\n'));
    }
  }
  return run();
}

function describeBreak(d: OfficialBreak, lang: Lang): string {
  const occasions = d.occasions.map((o) => OCCASION_NAMES[o][lang]).join(', ');
  const worked = d.workingDays?.length ? vi(lang, `; làm bù ${d.workingDays.map(formatVietnamese).join(', ')}`, `; worked ${d.workingDays.join(', ')}`) : '';
  return `${formatVietnamese(d.from)}–${formatVietnamese(d.to)}  ${occasions}${worked}  [${d.source}]`;
}

function holidays(year: number, json: boolean, lang: Lang): number {
  const calendar = yearCalendar(year);
  if (json) {
    out(JSON.stringify(calendar, null, 2));
    return 0;
  }
  for (const d of calendar.daysOff) {
    // Until the government announces a year's schedule, its days are only what the Labour Code implies.
    const origin = d.origin === 'official' ? vi(lang, 'chính thức', 'official') : vi(lang, 'dự kiến', 'provisional');
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
      // Until the government announces the year's schedule, the Labour Code's days are only what it will likely be.
      const provisional = d.origin === 'official' ? '' : vi(lang, ' (dự kiến)', ' (provisional)');
      return `${vi(lang, 'ngày nghỉ', 'day off')}${provisional}: ${OCCASION_NAMES[d.occasion][lang]}${makeUp} (${d.source})`;
    }
  }
}

function isWorking(date: CivilDate, json: boolean, lang: Lang): number {
  const status = dayStatus(date);
  if (json) out(JSON.stringify({ date, ...status }));
  else out(`${date} ${weekdayName(date, lang)}: ${describeDay(status, lang)}`);
  return status.working ? 0 : 1;
}

function period(kind: z.infer<typeof PeriodKind>, date: CivilDate, json: boolean, lang: Lang): number {
  const p = periodContaining(kind, date);
  if (!p) {
    process.stderr.write(vi(lang, `${date} không thuộc kỳ báo cáo loại "${kind}" nào (kỳ 9 tháng chốt số liệu đến 14/9)\n`, `${date} is in no "${kind}" period (nine-month data ends on 14/9)\n`));
    return 1;
  }
  if (json) out(JSON.stringify(p));
  else out(`${p.label[lang]}: ${vi(lang, 'số liệu từ', 'data from')} ${p.cutoff.from} ${vi(lang, 'đến', 'to')} ${p.cutoff.to} (${vi(lang, 'Nghị định 09/2019/NĐ-CP, Điều 12', 'Decree 09/2019/NĐ-CP, Art. 12')})`);
  return 0;
}
