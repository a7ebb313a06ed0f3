// Configuration from the environment, validated at start-up so a typo stops the worker with a clear message, and
// where Temporal is: the standard TEMPORAL_* variables and profiles read by @temporalio/envconfig (address,
// namespace, API key, TLS and mTLS certificates, gRPC metadata), or with no address anywhere the embedded dev
// server of `npm start` on PLANFLOW_DEV_SERVER_PORT. The worker and the CLI both decide here, so they meet.
import { loadClientConfigProfile, toClientOptions, type ClientConnectConfig } from '@temporalio/envconfig';
import { z } from 'zod';

const Port = z.coerce.number().int().min(1).max(65535);

export const Config = z.object({
  /** The namespace of the embedded dev server; a cluster's comes from its profile or TEMPORAL_NAMESPACE. */
  TEMPORAL_NAMESPACE: z.string().min(1).max(255).default('default'),
  /** The plans' queue; their assignments run on `<queue>.work` (model/ids.ts), within Temporal's 255 characters. */
  PLANFLOW_TASK_QUEUE: z.string().min(1).max(250).default('planflow'),
  /** Where the embedded server keeps its state, and the mail outbox. */
  PLANFLOW_DATA_DIR: z.string().min(1).max(4096).default('.planflow'),
  PLANFLOW_DEV_SERVER_PORT: Port.default(7233),
  PLANFLOW_DEV_UI_PORT: Port.default(8233),
  /** Overrides the cache size worker/cache-size.ts computes for the machine; 0 turns the cache off. */
  PLANFLOW_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).optional(),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`cấu hình không hợp lệ:\n${lines.join('\n')}`);
}

/** A Temporal cluster named by the environment or a profile, or the embedded dev server `npm start` runs. */
export type TemporalTarget =
  | { kind: 'cluster'; namespace: string; connection: ClientConnectConfig['connectionOptions'] & { address: string } }
  | { kind: 'embedded'; namespace: string; address: string };

export function temporalTarget(config: Config, env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
  let options: ClientConnectConfig;
  try {
    options = toClientOptions(loadClientConfigProfile({ overrideEnvVars: vars }));
  } catch (error) {
    // A missing profile or an unreadable certificate: say where to look, in the operator's language.
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`không đọc được cấu hình kết nối Temporal (TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE, chứng chỉ TLS): ${detail}`);
  }
  const { address } = options.connectionOptions;
  if (address) return { kind: 'cluster', namespace: options.namespace ?? 'default', connection: { ...options.connectionOptions, address } };
  return { kind: 'embedded', namespace: options.namespace ?? config.TEMPORAL_NAMESPACE, address: `localhost:${config.PLANFLOW_DEV_SERVER_PORT}` };
}
