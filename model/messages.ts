// Problem messages for coordinators, in Vietnamese (default) and English, and the zod error map that uses them.
import { z } from 'zod';

export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;

const MESSAGES: Record<string, { vi: string; en: string }> = {
  'id-format': {
    vi: 'mã phải viết thường, không dấu, nối bằng gạch ngang (ví dụ "phong-ldtbxh")',
    en: 'must be a lowercase id with dashes (e.g. "phong-ldtbxh")',
  },
  'one-line': { vi: 'phải viết trên một dòng', en: 'must be a single line' },
  'group-empty': { vi: 'nhóm chưa có thành viên nào', en: 'the group has no members' },
  'symbol-format': {
    vi: 'ký hiệu văn bản phải có dạng "KH-UBND" (hoặc "KH/TU" với văn bản của cấp ủy Đảng)',
    en: 'the document symbol must look like "KH-UBND" (or "KH/TU" for a Party committee)',
  },
  'recurring-one-of': {
    vi: 'cần đúng một trong ba: "on" (ngày cố định hằng năm, dạng MM-DD), "day" (ngày trong tháng, ví dụ 20 cho "trước ngày 20 hằng tháng") hoặc "afterCutoff" (số ngày sau ngày chốt số liệu)',
    en: 'needs exactly one of "on" (a fixed yearly day, MM-DD), "day" (a day of the month, e.g. 20) or "afterCutoff" (days after the data cut-off)',
  },
  'recurring-on-yearly': {
    vi: '"on" (ngày cố định trong năm) chỉ dùng cho báo cáo năm; báo cáo tháng, quý, 6 tháng dùng "day" (ví dụ day: 20 cho "trước ngày 20 hằng tháng")',
    en: '"on" (a fixed day of the year) is for yearly reports only; monthly, quarterly and half-year reports use "day" (e.g. day: 20)',
  },
  'no-reports-to': {
    vi: '"{id}" gửi báo cáo cho nhóm "{group}" nhưng chưa khai báo "reportsTo" là một thành viên của nhóm đó',
    en: '"{id}" reports to the group "{group}" but its "reportsTo" is not a member of that group',
  },
  'after-completion-unsupported': {
    vi: 'chưa hỗ trợ thời hạn tính từ ngày hoàn thành của bước khác; dùng event: deadline (tính từ thời hạn của bước đó)',
    en: 'deadlines counted from another step\'s completion are not supported; use event: deadline',
  },
  required: { vi: 'thiếu trường bắt buộc', en: 'required field is missing' },
  'unknown-key': { vi: 'không có trường "{key}" (gõ nhầm?)', en: 'unknown field "{key}" (a typo?)' },
  'bad-choice': { vi: 'phải là một trong: {options}', en: 'must be one of: {options}' },
  'unknown-agency': { vi: 'không có cơ quan "{id}" trong danh sách agencies', en: 'unknown agency "{id}"' },
  'unknown-agency-or-group': {
    vi: 'không có cơ quan hay nhóm "{id}" (xem agencies và groups)',
    en: 'unknown agency or group "{id}"',
  },
  'unknown-person': { vi: 'không có người "{id}" trong danh sách people', en: 'unknown person "{id}"' },
  'unknown-person-or-agency': {
    vi: 'không có người hay cơ quan "{id}" (xem people và agencies)',
    en: 'unknown person or agency "{id}"',
  },
  'unknown-recipient': {
    vi: 'không có cơ quan, nhóm hay người "{id}"',
    en: 'unknown agency, group or person "{id}"',
  },
  'unknown-step': { vi: 'không có điều khoản hay báo cáo "{id}"', en: 'unknown clause or report "{id}"' },
  'self-step': { vi: 'thời hạn không thể tính theo chính bước "{id}"', en: 'a deadline cannot depend on its own step "{id}"' },
  'unknown-submission': { vi: 'không có báo cáo "{id}" trong reporting.submissions', en: 'unknown submission "{id}"' },
  'unknown-indicator': { vi: 'không có chỉ tiêu "{id}" trong objectives', en: 'unknown indicator "{id}"' },
  'duplicate-id': { vi: 'mã "{id}" đã dùng ở {other}', en: 'id "{id}" is already used at {other}' },
  'deadline-before-issue': {
    vi: 'thời hạn {date} sớm hơn ngày ban hành {issuedOn}',
    en: 'deadline {date} is before the issue date {issuedOn}',
  },
  'needs-identity': {
    vi: 'chưa định danh được kế hoạch: cần "document.number" kèm ngày ban hành hoặc thời gian thực hiện, hoặc "id"',
    en: 'the plan cannot be identified: give "document.number" with an issue date or period, or "id"',
  },
  'period-order': { vi: 'năm bắt đầu {from} sau năm kết thúc {to}', en: 'start year {from} is after end year {to}' },
  'declared-fewer': {
    vi: 'văn bản nêu {declared} nhưng tệp liệt kê {listed}',
    en: 'the document states {declared} but the file lists {listed}',
  },
  'yaml-syntax': { vi: 'lỗi cú pháp: {detail}', en: 'syntax error: {detail}' },
  'cannot-read': { vi: 'không đọc được tệp "{file}" ({reason})', en: 'cannot read "{file}" ({reason})' },
  'at-line': { vi: '(dòng {line})', en: '(line {line})' },
  'bad-date': {
    vi: 'ngày không hợp lệ: viết dạng dd/mm/yyyy (20/11/2021) hoặc yyyy-mm-dd (2021-11-20)',
    en: 'invalid date: write dd/mm/yyyy (20/11/2021) or yyyy-mm-dd (2021-11-20)',
  },

  // Bounds on what enters (issue 12): plan files and Update inputs. A refusal names the limit, never the input.
  blank: { vi: 'không được để trống', en: 'must not be blank' },
  'date-range': { vi: 'ngày phải nằm trong khoảng năm 1945–2100', en: 'the date must be between 1945 and 2100' },
  'time-of-day': { vi: 'giờ phải có dạng HH:MM (00:00–23:59)', en: 'must be a time HH:MM (00:00–23:59)' },
  'month-day': {
    vi: 'phải là ngày có trong mọi năm, dạng MM-DD (ví dụ "12-14"; không dùng 02-29)',
    en: 'must be a day every year has, as MM-DD (e.g. "12-14"; not 02-29)',
  },
  'target-percent': {
    vi: 'tỷ lệ mục tiêu vượt quá tỷ lệ tối đa (100%, hoặc measure.maxPercent nếu chỉ tiêu được vượt 100%)',
    en: 'the target share is above the maximum (100%, or measure.maxPercent for a share that may pass 100%)',
  },
  'target-count': { vi: 'giá trị mục tiêu quá lớn (tối đa 10^12)', en: 'the target is too large (at most 10^12)' },
  'too-many-values': { vi: 'quá nhiều chỉ tiêu trong một báo cáo (tối đa 200)', en: 'too many indicator values in one report (at most 200)' },
  'update-too-large': {
    vi: 'dữ liệu gửi lên quá lớn (tối đa {max} KB)',
    en: 'the input is too large (at most {max} KB)',
  },
  'update-too-deep': {
    vi: 'dữ liệu gửi lên lồng quá sâu (tối đa {max} cấp)',
    en: 'the input is nested too deeply (at most {max} levels)',
  },
  'file-too-large': {
    vi: 'tệp kế hoạch quá lớn (tối đa {max} MB)',
    en: 'the plan file is too large (at most {max} MB)',
  },
  'yaml-aliases': {
    vi: 'tệp dùng quá nhiều bí danh YAML (&neo / *bí-danh), dấu hiệu của "bom YAML"; hãy viết các giá trị ra đầy đủ',
    en: 'the file uses too many YAML aliases (&anchor / *alias), the mark of a "YAML bomb"; write the values out',
  },
  'yaml-too-deep': {
    vi: 'tệp lồng quá sâu để đọc; một kế hoạch không cần quá vài cấp',
    en: 'the file is nested too deeply to read; a plan needs only a few levels',
  },
  'forward-step': {
    vi: 'thời hạn chỉ được tính theo một bước đứng trước; "{id}" đứng sau hoặc tạo thành vòng lặp',
    en: 'a deadline may only count from an earlier step; "{id}" comes later or closes a loop',
  },
  'date-outside-plan': {
    vi: 'ngày {date} nằm ngoài thời gian của kế hoạch ({from}–{to})',
    en: 'the date {date} is outside the plan\'s time ({from}–{to})',
  },
};

export function message(code: string, params: Params = {}, lang: Lang = 'vi'): string {
  const template = MESSAGES[code]?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** zod's own locale for shapes and types, our table for the checks the plan schema names by code. */
export function zodErrorMap(lang: Lang): z.core.$ZodErrorMap {
  const locale = (lang === 'vi' ? z.locales.vi() : z.locales.en()).localeError;
  return (issue) => {
    if (issue.code === 'custom' && typeof issue.params?.code === 'string') return message(issue.params.code, {}, lang);
    if (issue.code === 'invalid_type' && issue.input === undefined) return message('required', {}, lang);
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      return message('bad-choice', { options: issue.options.join(', ') }, lang);
    }
    return locale(issue);
  };
}
