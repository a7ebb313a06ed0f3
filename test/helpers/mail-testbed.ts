// A real SMTP server and a scratch folder for suites that run `notify` directly (no workflow), with every mailer
// they create closed and the folder removed after the suite; and the reminder such suites send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mailer } from '../../activities/email/mailer';
import type { Notification } from '../../model/notifications';
import { SmtpSink } from './smtp';

export function useMailTestbed(prefix: string): { smtp: SmtpSink; dataDir: string; mailers: Mailer[] } {
  const smtp = new SmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const mailers: Mailer[] = [];
  beforeAll(() => smtp.start());
  afterAll(async () => {
    for (const m of mailers) m.close();
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { smtp, dataDir, mailers };
}

/** A commune's reminder, under the given idempotency key. */
export const reminderNotice = (key: string, address: string): Notification => ({
  key,
  to: { id: 'xa-an-son', name: 'UBND xã An Sơn', emails: [address], language: 'vi' },
  plan: { id: 'plan/ubnd-huyen/292-KH-UBND/2019', number: '292/KH-UBND', title: 'Kế hoạch thử' },
  createdAt: 0,
  data: { event: 'reminder', stepId: 'bao-cao-xa', clauseText: 'Xây dựng Báo cáo.', deliverable: 'report', lastDay: '2021-11-19', workingDaysLeft: 3 },
});
