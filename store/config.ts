// Where the store lives, from the environment: DATABASE_URL for a PostgreSQL server, otherwise an embedded PGlite
// database under the data folder, so `npm start` needs nothing installed.
import { z } from 'zod';

export const StoreConfig = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://').max(2000).optional(),
  PLANFLOW_DATA_DIR: z.string().min(1).max(1000).default('.planflow'),
});
export type StoreConfig = z.infer<typeof StoreConfig>;

export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = StoreConfig.safeParse(env, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  throw new Error(`cấu hình cơ sở dữ liệu không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
