// Configuration from the environment, validated at start-up so a typo stops the worker with a clear message.
import { z } from 'zod';

const Port = z.coerce.number().int().min(1).max(65535);

export const Config = z.object({
  /** A Temporal frontend to join; when absent, `npm start` runs an embedded dev server. */
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Temporal Cloud or any cluster behind an API key; implies TLS. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  PLANFLOW_TASK_QUEUE: z.string().min(1).default('planflow'),
  /** Where the embedded server keeps its state, and later the mail outbox. */
  PLANFLOW_DATA_DIR: z.string().min(1).default('.planflow'),
  PLANFLOW_DEV_SERVER_PORT: Port.default(7233),
  PLANFLOW_DEV_UI_PORT: Port.default(8233),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`cấu hình không hợp lệ:\n${lines.join('\n')}`);
}
