// The portal's configuration from the environment: its port and public address (for links in emails), and the
// optional OIDC provider a province plugs in for single sign-on.
import { z } from 'zod';

const Url = z.url().max(2000);

export const HttpConfig = z.object({
  PLANFLOW_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback unless told otherwise: put a TLS-terminating proxy in front, or set 0.0.0.0 deliberately. */
  PLANFLOW_HTTP_HOST: z.string().min(1).max(255).default('127.0.0.1'),
  /** Where officials reach the portal; links in emails start with it. Defaults to http://localhost:PORT. */
  PLANFLOW_PUBLIC_URL: Url.optional(),
  PLANFLOW_OIDC_ISSUER: Url.optional(),
  PLANFLOW_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  PLANFLOW_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  PLANFLOW_OIDC_SCOPE: z.string().min(1).max(500).default('openid email profile'),
  PLANFLOW_OIDC_ACR_VALUES: z.string().min(1).max(500).optional(),
  /** The ID-token / userinfo claim that identifies the person, and what it is matched with in the directory. */
  PLANFLOW_OIDC_CLAIM: z.string().min(1).max(100).default('email'),
  PLANFLOW_OIDC_MATCH: z.enum(['email', 'person-id']).default('email'),
  /** Allows plain http:// for the issuer (a provider on the same host in tests or on an intranet). */
  PLANFLOW_OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
});
export type HttpConfig = z.infer<typeof HttpConfig>;

export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const parsed = HttpConfig.safeParse(env, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  throw new Error(`cấu hình cổng web không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export const publicUrl = (c: HttpConfig, port: number) => (c.PLANFLOW_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
export const oidcConfigured = (c: HttpConfig) => c.PLANFLOW_OIDC_ISSUER !== undefined && c.PLANFLOW_OIDC_CLIENT_ID !== undefined;
