// Mail configuration from the environment: SMTP_URL, or SMTP_HOST/PORT/USER/PASS/SECURE; MAIL_FROM. With no SMTP
// configured (the `npm start` default) mail goes to the outbox folder as .eml files a person can open. The SMTP
// timeouts and the sent-log's claim lease are set together, so a live sender always finishes within its claim.
import { z } from 'zod';

const millis = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

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
  /** Waiting for the TCP connection and for the server's greeting: short, a server that does not answer is down. */
  SMTP_CONNECTION_TIMEOUT_MS: millis(100, 60_000, 10_000),
  SMTP_GREETING_TIMEOUT_MS: millis(100, 60_000, 10_000),
  /** Silence allowed on an open connection, the wait for the reply to the message included. */
  SMTP_SOCKET_TIMEOUT_MS: millis(100, 120_000, 30_000),
  /**
   * How long a notice marked 'sending' in the store's sent-log belongs to its sender. Past it the sender is taken to
   * have died and a retry sends again; it must outlast a whole SMTP transaction, or a live sender would be doubled.
   */
  PLANFLOW_SEND_LEASE_MS: millis(1_000, 3_600_000, 10 * 60_000),
}).refine((c) => c.PLANFLOW_SEND_LEASE_MS > c.SMTP_CONNECTION_TIMEOUT_MS + c.SMTP_GREETING_TIMEOUT_MS + c.SMTP_SOCKET_TIMEOUT_MS, {
  path: ['PLANFLOW_SEND_LEASE_MS'],
  message: 'phải dài hơn tổng thời gian chờ kết nối, chờ lời chào và chờ trả lời của máy chủ SMTP',
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
