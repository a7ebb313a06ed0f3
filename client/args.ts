// What the sub-commands share: the message language, input checked by zod (NFC, dates as dd/mm/yyyy or ISO) and
// the wrapper that turns a command's result into the exit code.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { message, type Lang } from '../model/messages';

/** The message language: `--lang`, else PLANFLOW_LANG, else Vietnamese. */
export function langOf(option: unknown): Lang {
  return (option ?? process.env.PLANFLOW_LANG) === 'en' ? 'en' : 'vi';
}

/** The language of the command being run (`--lang` is a global option, accepted before or after the command). */
export const langOfCommand = (command: Command): Lang => langOf(command.optsWithGlobals().lang);

/**
 * A day as officials write it (`20/11/2021`, `5/1/2025`) or as ISO (`2021-11-20`), always returned as ISO.
 * Anything else is handed to the ISO check unchanged so the error says what is expected.
 */
export const DateArg = z.string().trim().transform((text) => {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
}).pipe(z.iso.date());

/** Our own words for the checks every command shares; zod's locale says the rest. */
function errorMap(lang: Lang): z.core.$ZodErrorMap {
  const locale = (lang === 'vi' ? z.locales.vi() : z.locales.en()).localeError;
  return (issue) => {
    if (issue.code === 'invalid_format' && issue.format === 'date') return message('bad-date', {}, lang);
    if (issue.code === 'invalid_type' && issue.input === undefined) return message('required', {}, lang);
    return locale(issue);
  };
}

/**
 * Checks a command's input with zod. The schema's keys are the names people typed (`NGÀY`, `--to`), so each
 * problem is printed as `NAME: message` on stderr; returns undefined after printing.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.infer<S> | undefined {
  const parsed = schema.safeParse(input, { error: errorMap(lang) });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) process.stderr.write(`${issue.path.join('.') || '?'}: ${issue.message}\n`);
  return undefined;
}

/** Exit code for input that failed `checkInput`. */
export const USAGE_ERROR = 2;

/** A commander action that returns the exit code, so each command reads as a function of its input. */
export function act<A extends unknown[]>(run: (...args: A) => number | Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    process.exitCode = await run(...args);
  };
}

/** `--json` for machines, on every command that prints something. */
export const JSON_OPTION = ['--json', 'in JSON cho máy đọc'] as const;

/** For repeatable options (`--value a=1 --value b=2`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A text file as NFC: files typed on Vietnamese keyboards may hold decomposed characters. */
export async function readText(file: string): Promise<string> {
  return (await readFile(file, 'utf8')).normalize('NFC');
}
