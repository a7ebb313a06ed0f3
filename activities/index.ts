// Every activity the planflow workflows call, wired to their I/O. Workflows import this module's type only.
import { join } from 'node:path';
import type { MailConfig } from './email/config';
import { createMailer, type Mailer } from './email/mailer';
import { createSentLog } from './email/sent-log';
import { createNotify, type SentLog } from './notify';
import { workActivities } from './work';

/** With no shared sent-log (the store's), one worker's files under the data folder. */
export function createActivities(config: MailConfig, mailer: Mailer = createMailer(config), sentLog: SentLog = createSentLog(join(config.PLANFLOW_DATA_DIR, 'sent'))) {
  return { notify: createNotify({ config, mailer, sentLog }), ...workActivities };
}

export type Activities = ReturnType<typeof createActivities>;
