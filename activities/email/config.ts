// Mail configuration from the environment: SMTP_URL, or SMTP_HOST/PORT/USER/PASS/SECURE; MAIL_FROM. With no SMTP
// configured (the `npm start` default) mail goes to the outbox folder as .eml files a person can open.
import { z } from 'zod';

export const MailConfig = z.object({
  SMTP_URL: z.string().url().optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  MAIL_FROM: z.string().min(3).default('planflow <planflow@localhost>'),
  PLANFLOW_DATA_DIR: z.string().min(1).default('.planflow'),
  /** The portal as officials reach it: every email links to the page where its reader acts. */
  PLANFLOW_PUBLIC_URL: z.url().max(500).optional(),
  PLANFLOW_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});
export type MailConfig = z.infer<typeof MailConfig>;

export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailConfig.safeParse(env, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  throw new Error(`cấu hình thư không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export const smtpConfigured = (c: MailConfig) => c.SMTP_URL !== undefined || c.SMTP_HOST !== undefined;

/** Where the portal is for links in emails: PLANFLOW_PUBLIC_URL, else the embedded portal on this machine. */
export const portalUrl = (c: MailConfig) => (c.PLANFLOW_PUBLIC_URL ?? `http://localhost:${c.PLANFLOW_HTTP_PORT}`).replace(/\/+$/, '');
