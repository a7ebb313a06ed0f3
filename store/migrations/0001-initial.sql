-- The store's first schema: directory, sign-in, sessions, attachments, audit log, email sent-log, settings.

-- Agencies and people are effective-dated: a row holds from valid_from up to (not including) valid_to. The 2025
-- reform closes rows (districts abolished, communes merged) and names the successor that inherits their work.
CREATE TABLE agencies (
  id text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL,
  kind text NOT NULL,
  emails text[] NOT NULL,
  parent_id text,
  successor_id text,
  PRIMARY KEY (id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE people (
  id text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  name text,
  title text NOT NULL,
  agency_id text NOT NULL,
  email text NOT NULL,
  roles text[] NOT NULL,
  language text NOT NULL DEFAULT 'vi',
  successor_id text,
  PRIMARY KEY (id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX people_email ON people (lower(email));

-- Only the SHA-256 of a sign-in token is kept: a leaked table signs no one in.
CREATE TABLE sign_in_tokens (
  token_hash text PRIMARY KEY,
  person_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sign_in_tokens_expiry ON sign_in_tokens (expires_at);

CREATE TABLE rate_limit_events (
  bucket text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX rate_limit_events_bucket ON rate_limit_events (bucket, at);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  person_id text NOT NULL,
  via text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE attachments (
  id text PRIMARY KEY,
  subject text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX attachments_subject ON attachments (subject);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  actor_kind text NOT NULL,
  on_behalf_of text,
  action text NOT NULL,
  subject text NOT NULL,
  outcome text NOT NULL,
  detail jsonb NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);

-- A notice is claimed ('sending') before the SMTP transaction and marked 'sent' after it, so every worker sharing
-- the database sees it; a claim older than its lease belongs to a worker that died mid-send and may be taken over.
CREATE TABLE email_sent_log (
  key_hash text PRIMARY KEY,
  key text NOT NULL,
  status text NOT NULL CHECK (status IN ('sending', 'sent')),
  owner text NOT NULL,
  claimed_at timestamptz NOT NULL,
  message_id text,
  recipients text[],
  sent_at timestamptz
);

CREATE TABLE settings (
  name text PRIMARY KEY,
  value text NOT NULL
);
