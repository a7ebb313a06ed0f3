-- Bearer tokens for systems (a province's integration platform) calling the JSON API. Each acts as one person of the
-- directory (a service account), so the same authorization applies; only the token's SHA-256 is kept.
CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  name text NOT NULL,
  person_id text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
