// `planflow outbox [--json]`: the mail waiting in the local outbox when no SMTP server is configured, newest last.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { OutboxEntry } from '../../activities/email/mailer';
import { JSON_OPTION, act } from '../args';
import * as lazy from '../lazy';

export function outboxCommand(program: Command): void {
  program.command('outbox')
    .description('thư trong hộp thư đi (khi chưa cấu hình SMTP)')
    .option(...JSON_OPTION)
    .action(act(async (options: { json?: boolean }) => {
      // The mailer (nodemailer) is loaded by this command alone, not at every CLI start.
      const [{ loadMailConfig }, { outboxDir }] = [lazy.mailConfig(), lazy.mailer()];
      const dir = outboxDir(loadMailConfig());
      const index = await readFile(join(dir, 'index.jsonl'), 'utf8').catch(() => '');
      const entries = index.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutboxEntry);
      if (options.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (!entries.length) process.stdout.write(`Hộp thư đi trống (${dir}).\n`);
      for (const e of options.json ? [] : entries) {
        const to = (JSON.parse(e.to) as { address: string }[]).map((t) => t.address).join(', ');
        process.stdout.write(`${e.at}  ${to}  ${e.subject}\n    ${join(dir, e.file)}\n`);
      }
      return 0;
    }));
}
