-- Foundation: tenants (cities), users and their roles, sessions, sign-in attempts, the audit log and
-- the access log. Written for PostgreSQL 15+ and PGlite alike (no syntax newer than 15).

CREATE EXTENSION IF NOT EXISTS postgis;

-- The application does tenant work as this role. It owns nothing, so row-level security applies to it;
-- the connecting role (the owner) is used only for the few cross-tenant lookups (sign-in, the operator).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'saferhood_app') THEN
    CREATE ROLE saferhood_app NOLOGIN;
  END IF;
END
$$;
-- A non-superuser owner needs membership to SET ROLE; for a superuser this is a harmless no-op.
GRANT saferhood_app TO CURRENT_USER;

-- The tenant of the current transaction, set with set_config('app.tenant_id', …, true). Unset means
-- no tenant: every policy then matches no row.
CREATE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id               uuid PRIMARY KEY,
  slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone        text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
  default_language text NOT NULL CHECK (default_language ~ '^[a-z]{2,3}$'),
  currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The one platform tenant holds the operators who manage all the others.
  is_platform      boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE UNIQUE INDEX tenants_single_platform ON tenants (is_platform) WHERE is_platform;

CREATE TABLE users (
  tenant_id           uuid NOT NULL REFERENCES tenants (id),
  id                  uuid NOT NULL,
  email               text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role                text NOT NULL CHECK (role IN ('coordinator', 'supervisor', 'assistant', 'social_worker',
                        'team_member', 'evaluator', 'interviewer', 'admin', 'operator')),
  language            text CHECK (language ~ '^[a-z]{2,3}$'),
  password_hash       text NOT NULL,
  is_disabled         boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at     timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  created_by          uuid,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, email)
);

-- A session is found by (tenant, sha256 of the token): the cookie carries both, the database only the hash.
CREATE TABLE sessions (
  tenant_id    uuid NOT NULL,
  id           text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id      uuid NOT NULL,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  user_agent   text CHECK (length(user_agent) <= 500),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Failed and successful sign-ins, for throttling per account and per address. Not tenant-owned: the
-- tenant named at sign-in may not exist. Kept one day (see the purge job).
CREATE TABLE sign_in_attempts (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  tenant_slug text NOT NULL CHECK (length(tenant_slug) <= 40),
  email       text NOT NULL CHECK (length(email) <= 254),
  ip          text NOT NULL CHECK (length(ip) <= 64),
  succeeded   boolean NOT NULL
);
CREATE INDEX sign_in_attempts_account ON sign_in_attempts (tenant_slug, email, at);
CREATE INDEX sign_in_attempts_ip ON sign_in_attempts (ip, at);

-- The audit log: one append-only, hash-chained sequence per tenant. Each row's hash covers the previous
-- row's hash and this row's content, so a changed, removed or inserted row breaks the chain
-- (`npm run audit:verify`). The head of each chain is kept in audit_chain_heads; locking it serialises
-- appends within a tenant without a global lock.
CREATE TABLE audit_log (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  seq           bigint NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      uuid,
  action        text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_.]+$'),
  resource_type text NOT NULL,
  resource_id   text,
  before        jsonb,
  after         jsonb,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE audit_chain_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);

-- The exact text that is hashed. The verifier recomputes it outside the database from the same columns.
CREATE FUNCTION audit_hash_input(prev_hash text, tenant_id uuid, seq bigint, at timestamptz, actor_id uuid,
                                 action text, resource_type text, resource_id text, before jsonb, after jsonb)
  RETURNS text LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(E'\n', prev_hash, tenant_id::text, seq::text,
                     to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                     coalesce(actor_id::text, ''), action, resource_type, coalesce(resource_id, ''),
                     coalesce(before::text, 'null'), coalesce(after::text, 'null'))
  $$;

-- Runs as the owner so the application role can append without touching the chain heads itself.
CREATE FUNCTION audit_log_append() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    head audit_chain_heads%ROWTYPE;
  BEGIN
    INSERT INTO audit_chain_heads (tenant_id, seq, hash)
      VALUES (NEW.tenant_id, 0, repeat('0', 64))
      ON CONFLICT (tenant_id) DO NOTHING;
    SELECT * INTO head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
    NEW.seq := head.seq + 1;
    NEW.at := date_trunc('milliseconds', clock_timestamp());
    NEW.prev_hash := head.hash;
    NEW.hash := encode(sha256(convert_to(audit_hash_input(NEW.prev_hash, NEW.tenant_id, NEW.seq, NEW.at,
      NEW.actor_id, NEW.action, NEW.resource_type, NEW.resource_id, NEW.before, NEW.after), 'UTF8')), 'hex');
    UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append();

-- Append-only, for every role including the owner: changing history takes disabling this trigger, which
-- itself shows up as a broken chain.
CREATE FUNCTION refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Reads of sensitive records (restricted, confidential): who, when, which record and why (purpose code).
CREATE TABLE access_log (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  user_id       uuid NOT NULL,
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  purpose       text NOT NULL CHECK (purpose ~ '^[a-z_]+$'),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX access_log_resource ON access_log (tenant_id, resource_type, resource_id, at);

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Row-level security: the second wall behind the application's own tenant checks. Every tenant-owned
-- table gets ENABLE ROW LEVEL SECURITY and a policy on app_tenant_id() for saferhood_app.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants TO saferhood_app USING (id = app_tenant_id());

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sessions TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON access_log TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

GRANT SELECT ON tenants TO saferhood_app;
GRANT SELECT, INSERT, UPDATE ON users TO saferhood_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO saferhood_app;
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_chain_heads TO saferhood_app USING (tenant_id = app_tenant_id());

GRANT SELECT, INSERT ON audit_log TO saferhood_app;
GRANT SELECT ON audit_chain_heads TO saferhood_app;
GRANT SELECT, INSERT ON access_log TO saferhood_app;
GRANT SELECT, INSERT ON sign_in_attempts TO saferhood_app;
