// The commander program behind `planflow`, speaking Vietnamese: help titles, usage lines and parse errors.
import { Command, CommanderError } from 'commander';

/** Help headings commander prints, as a Vietnamese coordinator reads them. */
const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Arguments:': 'Tham số:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
};

const usageWords = (text: string) => text.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');

/**
 * Commander's parse errors, matched by their English wording (commander 14, lib/command.js and
 * lib/suggestSimilar.js) and said again in Vietnamese; the quoted names and values are kept as typed.
 */
const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (o) => `không có tùy chọn ${o}`],
  [/^error: unknown command '(.*)'$/, (c) => `không có lệnh "${c}"`],
  [/^error: missing required argument '(.*)'$/, (a) => `thiếu tham số ${a}`],
  [/^error: option '(.*)' argument missing$/, (o) => `tùy chọn ${o} cần một giá trị`],
  [/^error: required option '(.*)' not specified$/, (o) => `thiếu tùy chọn bắt buộc ${o}`],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, expected, got) => `thừa tham số${c ? ` cho lệnh "${c}"` : ''}: cần ${expected}, nhận ${got}`],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `không dùng ${a} cùng với ${b}`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. ?(.*)$/, (o, v, why) => `tùy chọn ${o}: giá trị "${v}" không hợp lệ${why ? ` (${why})` : ''}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. ?(.*)$/, (v, a, why) => `${a}: giá trị "${v}" không hợp lệ${why ? ` (${why})` : ''}`],
  [/^\(Did you mean one of (.*)\?\)$/, (list) => `(gợi ý: một trong ${list})`],
  [/^\(Did you mean (.*)\?\)$/, (one) => `(gợi ý: ${one})`],
];

export function translateError(text: string): string {
  return text.split('\n').map((line) => {
    for (const [pattern, say] of ERRORS) {
      const match = pattern.exec(line);
      if (match) return say(...match.slice(1).map((g) => g ?? ''));
    }
    return line;
  }).join('\n');
}

/**
 * The root command. Settings made here before `.command()` are inherited by every sub-command: Vietnamese help
 * and errors, suggestions for typos, and errors thrown (not `process.exit`) so `run` decides the exit code.
 */
export function createProgram(): Command {
  return new Command('planflow')
    .description('planflow — chạy kế hoạch của cơ quan nhà nước trên Temporal')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      styleUsage: usageWords,
      styleSubcommandTerm: usageWords,
      // Only our own words: commander would append English "(default: …)" and "(choices: …)".
      optionDescription: (option) => option.description,
      argumentDescription: (argument) => argument.description,
      sortSubcommands: false,
      showGlobalOptions: true,
    })
    .configureOutput({ outputError: (text, write) => write(`planflow: ${translateError(text.trimEnd())}\n`) })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(xem cách dùng: thêm --help)')
    .exitOverride();
}

/** Exit code for an error commander threw: help asked for or shown is 0, any other misuse is 2 (as before). */
export function commanderExitCode(error: CommanderError): number {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.help':
    case 'commander.version':
      return 0;
    default:
      return 2;
  }
}
