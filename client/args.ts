// Command-line options shared by the sub-commands.
import type { Lang } from '../model/messages';

/** `--lang vi|en`; every sub-command accepts it. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** The message language: `--lang`, else PLANFLOW_LANG, else Vietnamese. */
export function langOf(option: string | undefined): Lang {
  return (option ?? process.env.PLANFLOW_LANG) === 'en' ? 'en' : 'vi';
}

/** Prints how a command is used and returns the exit code for wrong usage. */
export function usage(text: string): number {
  process.stderr.write(`Cách dùng: ${text}\n`);
  return 2;
}
