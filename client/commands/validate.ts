// `planflow validate FILE...`: OK and exit 0 for a valid plan; one `path: message` line per problem and exit 1.
import { readFile } from 'node:fs/promises';
import { loadPlanText } from '../../model/load';
import { message } from '../../model/messages';
import { formatProblem } from '../../model/validate';
import { parseArgs } from 'node:util';
import { LANG_OPTION, langOf } from '../args';

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({ args, options: LANG_OPTION, allowPositionals: true });
  const lang = langOf(values.lang);
  if (files.length === 0) {
    process.stderr.write(lang === 'vi' ? 'Cần ít nhất một tệp kế hoạch: planflow validate TỆP\n' : 'Give at least one plan file: planflow validate FILE\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const prefix = files.length > 1 ? `${file}: ` : '';
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      process.stdout.write(`${prefix}${message('cannot-read', { file, reason: e.code ?? e.message }, lang)}\n`);
      return undefined;
    });
    if (text === undefined) {
      failed = true;
      continue;
    }
    const result = loadPlanText(text, lang);
    if (result.ok) {
      process.stdout.write(`${prefix}OK\n`);
    } else {
      failed = true;
      for (const problem of result.problems) process.stdout.write(`${prefix}${formatProblem(problem, lang)}\n`);
    }
  }
  return failed ? 1 : 0;
}
