-- Field work: teams of assistants with their mentor, shifts (planned singly or as a series), field
-- records written on the phone (client UUIDs, idempotent PUT, optimistic versions), their photos,
-- the mentor's review and later amendments, signals of hidden crime (restricted) and in-app
-- notifications. Every table is tenant-owned and behind row-level security.

-- The activity categories of the assistant's diary: a per-city code list, DOMAIN.md's 15 by default.
CREATE TABLE field_record_categories (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  labels      jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
  icon        text NOT NULL,
  -- restricted: a signal of hidden crime, read only by its designated recipients (access-logged).
  sensitivity text NOT NULL DEFAULT 'internal' CHECK (sensitivity IN ('internal', 'restricted')),
  -- Who is told at once: the assistant's mentor, or the city's designated signal recipients.
  alert       text NOT NULL DEFAULT 'none' CHECK (alert IN ('none', 'mentor', 'signal_recipients')),
  sort_order  integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, code)
);

CREATE FUNCTION default_field_record_categories()
  RETURNS TABLE (code text, labels jsonb, icon text, sensitivity text, alert text, sort_order integer)
  LANGUAGE sql IMMUTABLE
  AS $$
    VALUES
      ('school_supervision', '{"cs": "Dohled u škol a přechodů", "hu": "Felügyelet iskoláknál és átkelőknél", "en": "Supervision at schools and crossings"}'::jsonb, 'school', 'internal', 'none', 1),
      ('joint_patrol', '{"cs": "Společná hlídka, pochůzka v lokalitě", "hu": "Közös járőrözés, gyalogos járőr a területen", "en": "Joint or walking patrol in a locality"}', 'patrol', 'internal', 'none', 2),
      ('public_order', '{"cs": "Veřejný pořádek, noční klid, soužití", "hu": "Közrend, éjszakai nyugalom, együttélés", "en": "Public order, night quiet, coexistence"}', 'order', 'internal', 'none', 3),
      ('cleanliness_hazards', '{"cs": "Nepořádek a nebezpečí: skládky, vandalismus, stříkačky", "hu": "Szemét és veszély: illegális lerakás, rongálás, fecskendők", "en": "Cleanliness and hazards: dumping, vandalism, syringes"}', 'waste', 'internal', 'none', 4),
      ('bar_checks', '{"cs": "Kontrola heren a barů", "hu": "Játéktermek és bárok ellenőrzése", "en": "Checks of gaming rooms and bars"}', 'bar', 'internal', 'none', 5),
      ('problem_contact', '{"cs": "Kontakt s problémovými osobami a rodinami", "hu": "Kapcsolat problémás személyekkel és családokkal", "en": "Contact with problem individuals and families"}', 'family', 'internal', 'none', 6),
      ('resident_contact', '{"cs": "Kontakt s obyvateli a správci domů", "hu": "Kapcsolat lakókkal és házkezelőkkel", "en": "Contact with residents and building managers"}', 'talk', 'internal', 'none', 7),
      ('hidden_crime_signal', '{"cs": "Signál skryté trestné činnosti (lichva, obtěžování, týrání)", "hu": "Rejtett bűncselekményre utaló jelzés (uzsora, zaklatás, bántalmazás)", "en": "Signal of hidden crime (usury, harassment, abuse)"}', 'signal', 'restricted', 'signal_recipients', 8),
      ('extremism_prevention', '{"cs": "Prevence rasově motivovaných útoků a extremismu", "hu": "Rasszista támadások és szélsőségesség megelőzése", "en": "Prevention of racially motivated attacks and extremism"}', 'shield', 'internal', 'none', 9),
      ('referral', '{"cs": "Spolupráce a předání: sociální odbor, NNO, poradny", "hu": "Együttműködés és továbbirányítás: szociális osztály, civilek, tanácsadók", "en": "Cooperation and referral: social department, NGOs, advice centres"}', 'referral', 'internal', 'none', 10),
      ('offender_held', '{"cs": "Zadržení pachatele do příjezdu policie", "hu": "Elkövető visszatartása a rendőrség kiérkezéséig", "en": "Offender held until police arrive"}', 'alarm', 'internal', 'mentor', 11),
      ('written_report', '{"cs": "Písemné hlášení problému mentorovi", "hu": "Írásos jelentés a mentornak", "en": "Written report of a problem to the mentor"}', 'report', 'internal', 'none', 12),
      ('office_supervision', '{"cs": "Dohled na úřadech v úředních hodinách", "hu": "Felügyelet hivatalokban ügyfélfogadási időben", "en": "Supervision in public offices"}', 'office', 'internal', 'none', 13),
      ('preventive_event', '{"cs": "Preventivní akce pro veřejnost", "hu": "Megelőzési rendezvény a lakosságnak", "en": "Preventive event for the public"}', 'event', 'internal', 'none', 14),
      ('other', '{"cs": "Jiné / mimořádný úkol", "hu": "Egyéb / eseti feladat", "en": "Other / ad-hoc task"}', 'other', 'internal', 'none', 15)
  $$;

CREATE FUNCTION add_default_field_record_categories() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    INSERT INTO field_record_categories (tenant_id, code, labels, icon, sensitivity, alert, sort_order)
    SELECT NEW.id, d.* FROM default_field_record_categories() d
    ON CONFLICT DO NOTHING;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER tenants_default_field_record_categories AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION add_default_field_record_categories();

INSERT INTO field_record_categories (tenant_id, code, labels, icon, sensitivity, alert, sort_order)
SELECT t.id, d.* FROM tenants t CROSS JOIN default_field_record_categories() d
ON CONFLICT DO NOTHING;

-- A mentor's team of assistants; an assistant belongs to at most one team.
CREATE TABLE field_teams (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  id         uuid NOT NULL,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  mentor_id  uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, mentor_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE field_team_members (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  team_id   uuid NOT NULL,
  user_id   uuid NOT NULL,
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES field_teams (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);

-- Who receives signals of hidden crime, and whether check-in records GPS.
CREATE TABLE field_settings (
  tenant_id                  uuid PRIMARY KEY REFERENCES tenants (id),
  signal_social_worker_id    uuid,
  signal_police_contact_id   uuid,
  gps_check_in               boolean NOT NULL DEFAULT true,
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, signal_social_worker_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, signal_police_contact_id) REFERENCES users (tenant_id, id)
);

-- A repeating pattern ("every school day 07:30–08:00 at crossing X") as it was asked for.
CREATE TABLE shift_series (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  id         uuid NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE shifts (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL,
  -- The local date and times the mentor planned, in the city's time zone; the instants follow.
  local_date   date NOT NULL,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
  duty_type    text NOT NULL CHECK (duty_type IN ('school_crossing', 'bike_path', 'locality_patrol', 'transport_hub',
                 'public_office', 'event', 'other')),
  place_ids    uuid[] NOT NULL DEFAULT '{}',
  locality_ids uuid[] NOT NULL DEFAULT '{}',
  note         text CHECK (length(note) <= 1000),
  series_id    uuid,
  cancelled    boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, series_id) REFERENCES shift_series (tenant_id, id)
);
CREATE INDEX shifts_time ON shifts (tenant_id, starts_at);

-- Who is on a shift, and when they checked in and out (the phone's time and, where allowed, place).
CREATE TABLE shift_assignments (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  shift_id           uuid NOT NULL,
  assistant_id       uuid NOT NULL,
  checked_in_at      timestamptz,
  check_in_location  geometry(Point, 4326),
  checked_out_at     timestamptz,
  check_out_location geometry(Point, 4326),
  PRIMARY KEY (tenant_id, shift_id, assistant_id),
  FOREIGN KEY (tenant_id, shift_id) REFERENCES shifts (tenant_id, id),
  FOREIGN KEY (tenant_id, assistant_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX shift_assignments_assistant ON shift_assignments (tenant_id, assistant_id);

CREATE TABLE field_records (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  -- Made by the phone (UUIDv7), so a record keeps its id through offline sync.
  id              uuid NOT NULL,
  assistant_id    uuid NOT NULL,
  shift_id        uuid,
  category        text NOT NULL,
  sensitivity     text NOT NULL CHECK (sensitivity IN ('internal', 'restricted')),
  occurred_at     timestamptz NOT NULL,
  location        geometry(Point, 4326) NOT NULL,
  location_source text CHECK (location_source IN ('gps', 'duty_place', 'map')),
  locality_id     uuid,
  people_count    integer CHECK (people_count BETWEEN 0 AND 10000),
  note            text CHECK (length(note) <= 1000),
  urgent          boolean NOT NULL DEFAULT false,
  -- A signal of hidden crime stores its kind and who may be contacted; never a name.
  signal_kind     text CHECK (signal_kind IN ('usury', 'harassment', 'abuse', 'domestic_violence', 'other')),
  signal_contact  text CHECK (signal_contact IN ('social_worker', 'police', 'nobody')),
  status          text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'returned')),
  review_comment  text CHECK (length(review_comment) <= 1000),
  reviewed_by     uuid,
  reviewed_at     timestamptz,
  -- SHA-256 of the content as last sent: a repeated PUT with the same content is recognised as one.
  content_hash    text NOT NULL,
  amendments      integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, assistant_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, shift_id) REFERENCES shifts (tenant_id, id),
  FOREIGN KEY (tenant_id, category) REFERENCES field_record_categories (tenant_id, code),
  FOREIGN KEY (tenant_id, locality_id) REFERENCES localities (tenant_id, id),
  CHECK (sensitivity = 'internal' OR (note IS NULL AND signal_kind IS NOT NULL))
);
CREATE INDEX field_records_time ON field_records (tenant_id, occurred_at);
CREATE INDEX field_records_assistant ON field_records (tenant_id, assistant_id, occurred_at);
CREATE INDEX field_records_unreviewed ON field_records (tenant_id, assistant_id) WHERE status = 'submitted';
CREATE INDEX field_records_location ON field_records USING gist (location);

-- One photo per record, compressed on the phone.
CREATE TABLE field_record_photos (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  record_id    uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/webp')),
  bytes        bytea NOT NULL,
  sha256       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES field_records (tenant_id, id)
);

-- A correction of an approved record: what it was, what it became, and why.
CREATE TABLE field_record_amendments (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  id         uuid NOT NULL,
  record_id  uuid NOT NULL,
  before     jsonb NOT NULL,
  after      jsonb NOT NULL,
  reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES field_records (tenant_id, id)
);

CREATE TABLE notifications (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL,
  user_id       uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('signal', 'offender_held', 'record_returned')),
  resource_type text NOT NULL,
  resource_id   uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  read_at       timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC);

ALTER TABLE field_record_categories ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_record_categories TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_teams TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_team_members TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_settings TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE shift_series ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shift_series TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE shifts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shifts TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE shift_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shift_assignments TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_records TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_record_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_record_photos TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE field_record_amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON field_record_amendments TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

GRANT SELECT, INSERT, UPDATE ON field_record_categories, field_teams, field_settings, shift_series, shifts,
  shift_assignments, field_records, field_record_photos, notifications TO saferhood_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON field_team_members TO saferhood_app;
-- Amendments are history: added, never changed.
GRANT SELECT, INSERT ON field_record_amendments TO saferhood_app;
