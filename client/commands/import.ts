// `planflow import FILE [--out DRAFT.yaml] [--json]`: drafts a plan file from a plan's text (.txt, .docx, .pdf).
// The reading is model/import's; this command only turns a file into text and the draft into YAML or JSON.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ImportOutcome } from '../../model/import';
import { act } from '../args';
import * as lazy from '../lazy';

export function importCommand(program: Command): void {
  program.command('import')
    .description('soạn bản nháp tệp kế hoạch từ văn bản (.txt, .docx, .pdf); điều văn bản không nêu để trống và liệt kê')
    .argument('<TỆP>', 'văn bản kế hoạch: .txt, .docx hoặc .pdf')
    .option('--out <BẢN-NHÁP>', 'ghi bản nháp YAML vào tệp (mặc định: in ra màn hình)')
    .option('--json', 'in JSON: plan, provenance, missing, warnings')
    .action(act((file: string, values: { out?: string; json?: boolean }) => importFile(file, values)));
}

async function importFile(file: string, values: { out?: string; json?: boolean }): Promise<number> {
  const text = await lazy.planFile().readPlanFile(file).catch((error: unknown) => {
    process.stderr.write(`planflow import: không đọc được tệp "${file}" (${reason(error)})\n`);
    return undefined;
  });
  if (text === undefined) return 1;
  // Loaded here, not at start-up: every other command starts without the importer (see lazy.ts).
  const { ImportJson, importPlanText, MAX_TEXT_LENGTH } = lazy.importer();
  const { draftYaml } = lazy.yamlDraft();
  const outcome = importPlanText(text.slice(0, MAX_TEXT_LENGTH));
  const output = values.json ? `${JSON.stringify(ImportJson.parse(outcome), null, 2)}\n` : draftYaml(outcome);
  if (!values.out) {
    process.stdout.write(output);
    return 0;
  }
  await writeFile(values.out, output, 'utf8');
  process.stdout.write(summary(values.out, outcome));
  return 0;
}

function summary(out: string, outcome: ImportOutcome): string {
  const contacts = outcome.missing.filter((p) => /\.emails?$/.test(p)).length;
  const fields = outcome.missing.filter((p) => !/\.emails?$/.test(p));
  return [
    `Đã ghi bản nháp: ${out}`,
    `Cần bổ sung: ${[...fields, ...(contacts ? [`${contacts} địa chỉ email`] : [])].join(', ') || 'không'}`,
    ...outcome.warnings.map((w) => `Lưu ý${w.path ? ` (${w.path})` : ''}: ${w.message}`),
    `Sau khi bổ sung: planflow validate ${out}`,
    '',
  ].join('\n');
}

const reason = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));
