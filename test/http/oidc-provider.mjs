// A real OpenID Connect provider (the oidc-provider package) for the SSO tests, in its own process: one client
// (id, secret and redirect URI from the environment), its development login form (any login; the login is taken as
// the person's email) and consent page, email claims in the ID token, and one acr value the portal can ask for.
// Prints "listening <port>" once it accepts connections; stops on SIGTERM.
import Provider from 'oidc-provider';

const { OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = process.env;
const issuer = `http://127.0.0.1:${OIDC_PORT}`;

const provider = new Provider(issuer, {
  clients: [{ client_id: OIDC_CLIENT_ID, client_secret: OIDC_CLIENT_SECRET, redirect_uris: [OIDC_REDIRECT_URI], grant_types: ['authorization_code'], response_types: ['code'] }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // The login typed in the development form is the account id; its email is the same text.
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: !id.startsWith('unverified') }) }),
  conformIdTokenClaims: false,
  acrValues: ['urn:vn:loa:2'],
  pkce: { required: () => true },
  cookies: { keys: ['planflow-test-provider-key'] },
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

const server = provider.listen(Number(OIDC_PORT), '127.0.0.1', () => {
  console.log(`listening ${OIDC_PORT}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
