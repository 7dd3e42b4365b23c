-- The audit trail without a city-wide lock held to commit, with redactable payloads
-- (decision 0007).
--
-- Before: a BEFORE INSERT trigger on audit_log locked the city's row in audit_chain_heads until commit
-- and hashed the whole before/after snapshot into the chain, so every write of a city queued behind
-- that lock and no payload could ever be erased.
--
-- Now:
--   audit_log        an entry is numbered from a sequence (id) and gets a random salt and the hash of
--                    its payload (salt + before + after) as it is inserted, in the writer's own
--                    transaction, without touching any shared row. It is queued in audit_unsealed.
--   audit_seals      the sealer (audit_seal(), run every few seconds by the server and at the start
--                    of `npm run audit:verify`) appends committed entries to their city's chain: seq,
--                    entry id, prev_hash and a hash over the entry's header fields and payload hash.
--                    Only the sealer moves audit_chain_heads.
--   redaction        redact_audit_payload() erases or replaces an entry's before/after and its salt;
--                    the chain still verifies because it covers only the payload hash.

-- 1. The existing chain must be intact before it is carried over: its hashes are about to be replaced.
DO $$
DECLARE
  r record;
  expected_prev text;
  expected_seq bigint;
  current_tenant uuid := NULL;
  head_seq bigint;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY tenant_id, seq LOOP
    IF current_tenant IS DISTINCT FROM r.tenant_id THEN
      current_tenant := r.tenant_id;
      expected_prev := repeat('0', 64);
      expected_seq := 1;
    END IF;
    IF r.seq <> expected_seq OR r.prev_hash <> expected_prev OR r.hash <> encode(sha256(convert_to(
         audit_hash_input(r.prev_hash, r.tenant_id, r.seq, r.at, r.actor_id, r.action, r.resource_type,
                          r.resource_id, r.before, r.after), 'UTF8')), 'hex') THEN
      RAISE EXCEPTION 'audit chain of tenant % is broken at entry %: refusing to carry it over', r.tenant_id, expected_seq;
    END IF;
    expected_prev := r.hash;
    expected_seq := expected_seq + 1;
  END LOOP;
  FOR r IN SELECT h.tenant_id, h.seq, (SELECT count(*) FROM audit_log a WHERE a.tenant_id = h.tenant_id) AS n
             FROM audit_chain_heads h LOOP
    IF r.seq <> r.n THEN
      RAISE EXCEPTION 'audit chain of tenant % ends at % but its head says %: refusing to carry it over', r.tenant_id, r.n, r.seq;
    END IF;
  END LOOP;
END
$$;

-- 2. No more lock: the old appending trigger goes.
DROP TRIGGER audit_log_append ON audit_log;
DROP FUNCTION audit_log_append();

-- 3. Entries get a number, a salt and a payload hash. Existing rows are numbered in their chain order.
CREATE SEQUENCE audit_log_id_seq AS bigint;
ALTER TABLE audit_log
  ADD COLUMN id           bigint,
  ADD COLUMN salt         text,
  ADD COLUMN payload_hash text,
  ADD COLUMN redacted_at  timestamptz;

-- The hash of an entry's payload. The salt (random per entry, erased on redaction) keeps an erased
-- low-entropy payload ("approved") from being confirmed by hashing guesses. The verifier recomputes it
-- outside the database from the same text.
CREATE FUNCTION audit_payload_hash(salt text, before jsonb, after jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\n', salt, coalesce(before::text, 'null'),
                                              coalesce(after::text, 'null')), 'UTF8')), 'hex')
  $$;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log a
   SET id = numbered.n, salt = numbered.salt,
       payload_hash = audit_payload_hash(numbered.salt, a.before, a.after)
  FROM (SELECT tenant_id, seq, row_number() OVER (ORDER BY tenant_id, seq) AS n,
               gen_random_uuid()::text AS salt
          FROM audit_log) numbered
 WHERE a.tenant_id = numbered.tenant_id AND a.seq = numbered.seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);

-- 4. The chain lives in its own insert-only table; only the sealer writes it.
CREATE TABLE audit_seals (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  seq       bigint NOT NULL,
  entry_id  bigint NOT NULL,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, entry_id)
);
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Entries written but not yet sealed. Rows of uncommitted transactions are invisible to the sealer, so
-- an entry is sealed once its transaction commits; a rolled-back entry never is (it no longer exists).
CREATE TABLE audit_unsealed (
  tenant_id uuid NOT NULL,
  entry_id  bigint NOT NULL,
  PRIMARY KEY (tenant_id, entry_id)
);

-- The old chain columns go; its content is re-chained below in the same order, under the same seq.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash;
DROP FUNCTION audit_hash_input(text, uuid, bigint, timestamptz, uuid, text, text, text, jsonb, jsonb);
ALTER TABLE audit_log ALTER COLUMN id SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN payload_hash SET NOT NULL;
ALTER TABLE audit_log ADD PRIMARY KEY (tenant_id, id);
UPDATE audit_chain_heads SET seq = 0, hash = repeat('0', 64);
INSERT INTO audit_unsealed (tenant_id, entry_id) SELECT tenant_id, id FROM audit_log;

-- 5. Writing an entry: numbered, timed, salted and hashed here, so no caller can forge them, and queued
-- for sealing. No shared row is touched: concurrent writers of one city do not wait on each other.
-- SECURITY DEFINER so the application role needs no rights on the sequence or the queue.
CREATE FUNCTION audit_log_prepare() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    NEW.id := nextval('audit_log_id_seq');
    NEW.at := date_trunc('milliseconds', clock_timestamp());
    NEW.salt := gen_random_uuid()::text;
    NEW.payload_hash := audit_payload_hash(NEW.salt, NEW.before, NEW.after);
    NEW.redacted_at := NULL;
    INSERT INTO audit_unsealed (tenant_id, entry_id) VALUES (NEW.tenant_id, NEW.id);
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_log_prepare BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_prepare();

-- The exact text a seal's hash covers. The verifier builds the same text outside the database.
CREATE FUNCTION audit_seal_input(prev_hash text, tenant_id uuid, seq bigint, entry_id bigint, at timestamptz,
                                 actor_id uuid, action text, resource_type text, resource_id text, payload_hash text)
  RETURNS text LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(E'\n', prev_hash, tenant_id::text, seq::text, entry_id::text,
                     to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                     coalesce(actor_id::text, ''), action, resource_type, coalesce(resource_id, ''), payload_hash)
  $$;

-- 6. The sealer: appends up to max_entries committed, unsealed entries to their cities' chains (in
-- entry order within a batch) and moves each head. Returns how many it sealed. Concurrent sealers
-- skip each other's queue rows and take turns on a head.
CREATE FUNCTION audit_seal(max_entries integer DEFAULT 10000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    r record;
    current_tenant uuid := NULL;
    head_seq bigint;
    head_hash text;
    new_hash text;
    sealed integer := 0;
  BEGIN
    FOR r IN
      WITH queued AS (
        DELETE FROM audit_unsealed q
         WHERE (q.tenant_id, q.entry_id) IN (SELECT tenant_id, entry_id FROM audit_unsealed
                                               ORDER BY tenant_id, entry_id LIMIT max_entries
                                               FOR UPDATE SKIP LOCKED)
        RETURNING q.tenant_id, q.entry_id)
      SELECT a.* FROM queued JOIN audit_log a ON a.tenant_id = queued.tenant_id AND a.id = queued.entry_id
       ORDER BY a.tenant_id, a.id
    LOOP
      IF current_tenant IS DISTINCT FROM r.tenant_id THEN
        IF current_tenant IS NOT NULL THEN
          UPDATE audit_chain_heads SET seq = head_seq, hash = head_hash WHERE tenant_id = current_tenant;
        END IF;
        current_tenant := r.tenant_id;
        INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (r.tenant_id, 0, repeat('0', 64))
          ON CONFLICT (tenant_id) DO NOTHING;
        SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.tenant_id = r.tenant_id FOR UPDATE;
      END IF;
      head_seq := head_seq + 1;
      new_hash := encode(sha256(convert_to(audit_seal_input(head_hash, r.tenant_id, head_seq, r.id, r.at, r.actor_id,
        r.action, r.resource_type, r.resource_id, r.payload_hash), 'UTF8')), 'hex');
      INSERT INTO audit_seals (tenant_id, seq, entry_id, prev_hash, hash) VALUES (r.tenant_id, head_seq, r.id, head_hash, new_hash);
      head_hash := new_hash;
      sealed := sealed + 1;
    END LOOP;
    IF current_tenant IS NOT NULL THEN
      UPDATE audit_chain_heads SET seq = head_seq, hash = head_hash WHERE tenant_id = current_tenant;
    END IF;
    RETURN sealed;
  END
  $$;

-- Sealing is the owner's job (the server's sealer and `npm run audit:verify`), not the application role's.
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;

-- The existing entries, sealed now in their old order (so they keep their seq numbers).
SELECT audit_seal(2147483647);

-- 7. Redaction: the only change audit_log accepts. It erases (or replaces with an anonymised form) an
-- entry's before/after and erases its salt, so the erased payload cannot be confirmed by guessing.
-- The header (who, what, when, which resource) and the payload hash stay; the caller audits the erasure.
CREATE FUNCTION redact_audit_payload(entry bigint, new_before jsonb, new_after jsonb) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    tenant uuid := app_tenant_id();
    changed integer;
  BEGIN
    IF tenant IS NULL THEN
      RAISE EXCEPTION 'redact_audit_payload needs a tenant' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('saferhood.audit_redaction', 'on', true);
    UPDATE audit_log SET before = new_before, after = new_after, salt = NULL, redacted_at = clock_timestamp()
     WHERE tenant_id = tenant AND id = entry;
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM set_config('saferhood.audit_redaction', '', true);
    RETURN changed = 1;
  END
  $$;
REVOKE ALL ON FUNCTION redact_audit_payload(bigint, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redact_audit_payload(bigint, jsonb, jsonb) TO saferhood_app;

-- Append-only still, except for a redaction made through redact_audit_payload(): it may change only
-- the payload, the salt and the redaction time.
CREATE FUNCTION audit_log_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('saferhood.audit_redaction', true) = 'on'
       AND NEW.redacted_at IS NOT NULL AND NEW.salt IS NULL
       AND (NEW.tenant_id, NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.resource_type, NEW.resource_id, NEW.payload_hash)
           IS NOT DISTINCT FROM
           (OLD.tenant_id, OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.resource_type, OLD.resource_id, OLD.payload_hash) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END
  $$;
DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

-- 8. The access log cannot be emptied either (it refused UPDATE and DELETE, not TRUNCATE).
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- 9. Row-level security and grants: the application reads its city's chain to verify it; it writes
-- entries (through the trigger) and redactions (through the function) only.
ALTER TABLE audit_seals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_seals TO saferhood_app USING (tenant_id = app_tenant_id());
ALTER TABLE audit_unsealed ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_unsealed TO saferhood_app USING (tenant_id = app_tenant_id());
GRANT SELECT ON audit_seals, audit_unsealed TO saferhood_app;

CREATE INDEX audit_log_resource ON audit_log (tenant_id, resource_type, resource_id);
