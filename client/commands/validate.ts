// `planflow validate FILE...`: OK and exit 0 for a valid plan; one `path: message` line per problem and exit 1.
import type { Command } from 'commander';
import { message, type Lang } from '../../model/messages';
import { act, langOfCommand, readText } from '../args';
import * as lazy from '../lazy';

export function validateCommand(program: Command): void {
  program.command('validate')
    .description('kiểm tra tệp kế hoạch (YAML hoặc JSON)')
    .argument('<TỆP...>', 'một hoặc nhiều tệp kế hoạch')
    .action(act(async (files: string[], _options: object, command: Command) => {
      let valid = true;
      // One file after another, so each file's lines stay together.
      for (const file of files) valid = (await validateFile(file, files.length > 1 ? `${file}: ` : '', langOfCommand(command))) && valid;
      return valid ? 0 : 1;
    }));
}

/** Prints OK or the file's problems; true when the plan is valid. */
async function validateFile(file: string, prefix: string, lang: Lang): Promise<boolean> {
  const text = await readText(file).catch((e: NodeJS.ErrnoException) => {
    process.stdout.write(`${prefix}${message('cannot-read', { file, reason: e.code ?? e.message }, lang)}\n`);
    return undefined;
  });
  if (text === undefined) return false;
  const { loadPlanText, formatProblem } = lazy.planLoader();
  const result = loadPlanText(text, lang);
  if (result.ok) process.stdout.write(`${prefix}OK\n`);
  else for (const problem of result.problems) process.stdout.write(`${prefix}${formatProblem(problem, lang)}\n`);
  return result.ok;
}
