// Single sign-on: an OpenID Connect relying party (authorization code with PKCE, the provider found by discovery,
// configurable scope and acr_values). The pending sign-in (verifier, state, nonce) rides in a signed short-lived
// cookie; the callback maps one claim to a person of the directory, by email or by person id.
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { Directory, PersonRecord } from '../../store/directory';
import type { HttpConfig } from './config';

export const Pending = z.object({ verifier: z.string().max(200), state: z.string().max(200), nonce: z.string().max(200) });
export type Pending = z.infer<typeof Pending>;

export interface OidcClient {
  /** Where to send the browser, and what to remember until it comes back. */
  begin(): Promise<{ url: string; pending: Pending }>;
  /** The person the provider vouches for, or undefined when no one in the directory matches the claim. */
  finish(callbackUrl: URL, pending: Pending): Promise<{ person: PersonRecord | undefined; subject: string }>;
}

export function createOidcClient(config: HttpConfig, redirectUri: string, directory: Directory): OidcClient {
  const issuer = config.PLANFLOW_OIDC_ISSUER;
  const clientId = config.PLANFLOW_OIDC_CLIENT_ID;
  if (!issuer || !clientId) throw new Error('PLANFLOW_OIDC_ISSUER và PLANFLOW_OIDC_CLIENT_ID: cần cả hai để bật đăng nhập SSO');
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovered on first use and kept, so the portal starts even while the provider is down; a failure is retried.
  const configuration = () => {
    discovered ??= oidc.discovery(new URL(issuer), clientId, config.PLANFLOW_OIDC_CLIENT_SECRET, undefined,
      config.PLANFLOW_OIDC_ALLOW_HTTP === 'true' ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    async begin() {
      const pending = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce() };
      const parameters: Record<string, string> = {
        redirect_uri: redirectUri, scope: config.PLANFLOW_OIDC_SCOPE, state: pending.state, nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
      };
      if (config.PLANFLOW_OIDC_ACR_VALUES) parameters.acr_values = config.PLANFLOW_OIDC_ACR_VALUES;
      return { url: oidc.buildAuthorizationUrl(await configuration(), parameters).href, pending };
    },

    async finish(callbackUrl, pending) {
      const tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('oidc: nhà cung cấp không trả về ID token');
      const value = claims[config.PLANFLOW_OIDC_CLAIM];
      if (typeof value !== 'string' || value.length === 0 || value.length > 254) return { person: undefined, subject: claims.sub };
      // An address the provider has not verified identifies no one.
      if (config.PLANFLOW_OIDC_MATCH === 'email' && claims.email_verified === false) return { person: undefined, subject: claims.sub };
      const person = config.PLANFLOW_OIDC_MATCH === 'email' ? await directory.personByEmail(value) : await directory.person(value);
      return { person, subject: claims.sub };
    },
  };
}
