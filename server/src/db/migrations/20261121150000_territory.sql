-- Territory: localities (polygons), places of duty (points, lines), the city's own area, indicators
-- of localities over time, and the Czech Police open crime data. Every other module hangs its data on
-- a locality through find_locality_at(), backed by the GiST index on localities.boundary.

-- Kinds of locality are a per-city code list (socially excluded, at risk, other risk area, …).
CREATE TABLE locality_kinds (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  code       text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  -- Labels per language: {"cs": "…", "hu": "…", "en": "…"}.
  labels     jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
  color      text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE localities (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  id            uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind          text NOT NULL,
  -- The code in the source the boundary was imported from; a re-import matches on it.
  external_code text CHECK (length(external_code) BETWEEN 1 AND 100),
  description   text CHECK (length(description) <= 5000),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  boundary      geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(boundary) AND NOT ST_IsEmpty(boundary)),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, kind) REFERENCES locality_kinds (tenant_id, code)
);
CREATE UNIQUE INDEX localities_external_code ON localities (tenant_id, external_code) WHERE external_code IS NOT NULL;
CREATE INDEX localities_boundary ON localities USING gist (boundary);

CREATE TABLE places (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  id          uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('school_crossing', 'bike_path', 'transport_hub', 'hostel', 'park',
                'public_office', 'other')),
  geometry    geometry(Geometry, 4326) NOT NULL
                CHECK (GeometryType(geometry) IN ('POINT', 'LINESTRING', 'MULTILINESTRING') AND ST_IsValid(geometry)),
  locality_id uuid,
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, locality_id) REFERENCES localities (tenant_id, id)
);
CREATE INDEX places_geometry ON places USING gist (geometry);

-- The city's own area. Data outside it is counted and skipped on import; a city without one keeps all.
CREATE TABLE city_areas (
  tenant_id  uuid PRIMARY KEY REFERENCES tenants (id),
  boundary   geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(boundary) AND NOT ST_IsEmpty(boundary)),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE indicators (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  id          uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit        text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
  description text CHECK (length(description) <= 2000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

-- One value of an indicator at a date, for a locality or (locality_id NULL) the whole city.
CREATE TABLE indicator_values (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL,
  indicator_id uuid NOT NULL,
  locality_id  uuid,
  on_date      date NOT NULL,
  value        numeric(18, 4) NOT NULL,
  source       text CHECK (length(source) <= 500),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, locality_id) REFERENCES localities (tenant_id, id)
);
-- One value per indicator, place and date; NULLS NOT DISTINCT needs PostgreSQL 15.
CREATE UNIQUE INDEX indicator_values_one_per_date ON indicator_values (tenant_id, indicator_id, locality_id, on_date) NULLS NOT DISTINCT;

-- The police code list of offence types (types.json): 12 top-level classes and their sub-types.
-- Shared by all tenants; loaded at start from the bundled code list.
CREATE TABLE crime_types (
  code      integer PRIMARY KEY,
  parent    integer REFERENCES crime_types (code),
  top_class integer NOT NULL,
  level     smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  name_cs   text NOT NULL,
  description_cs text
);

-- Registered offences from the police open data, one row per offence id and tenant.
CREATE TABLE crime_offences (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  id          bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  location    geometry(Point, 4326) NOT NULL,
  -- Undocumented flag in the source, kept as given.
  mp          boolean NOT NULL,
  state       smallint NOT NULL CHECK (state BETWEEN 1 AND 4),
  relevance   smallint NOT NULL CHECK (relevance BETWEEN 1 AND 6),
  types       integer[] NOT NULL CHECK (cardinality(types) >= 1),
  top_class   integer NOT NULL,
  locality_id uuid,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, locality_id) REFERENCES localities (tenant_id, id)
);
CREATE INDEX crime_offences_time ON crime_offences (tenant_id, occurred_at);
CREATE INDEX crime_offences_locality ON crime_offences (tenant_id, locality_id, occurred_at);
CREATE INDEX crime_offences_location ON crime_offences USING gist (location);

ALTER TABLE locality_kinds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON locality_kinds TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE localities ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON localities TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE places ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON places TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE city_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON city_areas TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE indicators ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON indicators TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE indicator_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON indicator_values TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
ALTER TABLE crime_offences ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crime_offences TO saferhood_app
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

GRANT SELECT, INSERT, UPDATE ON locality_kinds, localities, places, indicators TO saferhood_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON city_areas, indicator_values TO saferhood_app;
GRANT SELECT, INSERT, UPDATE ON crime_offences TO saferhood_app;
GRANT SELECT ON crime_types TO saferhood_app;

-- GeoJSON text in an SRID → geometry in 4326, or NULL when it does not parse (so one bad feature of
-- an import is reported, not fatal to the query that checks them all).
CREATE FUNCTION safe_geom_from_geojson(geojson text, srid integer) RETURNS geometry
  LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(geojson), srid), 4326);
  EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
  END
  $$;

-- An area as stored: a valid MultiPolygon, repaired (self-intersections split) where it was not valid.
CREATE FUNCTION area_for_storage(g geometry) RETURNS geometry
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT ST_Multi(CASE WHEN ST_IsValid(g) THEN g ELSE ST_CollectionExtract(ST_MakeValid(g), 3) END) $$;

-- Every city starts with the default kinds of locality (DOMAIN.md); it may add and relabel its own.
CREATE FUNCTION add_default_locality_kinds() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    INSERT INTO locality_kinds (tenant_id, code, labels, color, sort_order) VALUES
      (NEW.id, 'socially_excluded',
       '{"cs": "Sociálně vyloučená lokalita", "hu": "Szegregátum", "en": "Socially excluded locality"}', '#c2410c', 1),
      (NEW.id, 'at_risk',
       '{"cs": "Lokalita ohrožená vyloučením", "hu": "Szegregációval veszélyeztetett terület", "en": "Locality at risk of exclusion"}', '#a16207', 2),
      (NEW.id, 'other_risk',
       '{"cs": "Jiná riziková oblast", "hu": "Egyéb kockázatos terület", "en": "Other risk area"}', '#6d28d9', 3)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER tenants_default_locality_kinds AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION add_default_locality_kinds();

-- Tenants that existed before this migration get them too.
INSERT INTO locality_kinds (tenant_id, code, labels, color, sort_order)
SELECT t.id, k.code, k.labels::jsonb, k.color, k.sort_order
  FROM tenants t
 CROSS JOIN (VALUES
   ('socially_excluded', '{"cs": "Sociálně vyloučená lokalita", "hu": "Szegregátum", "en": "Socially excluded locality"}', '#c2410c', 1),
   ('at_risk', '{"cs": "Lokalita ohrožená vyloučením", "hu": "Szegregációval veszélyeztetett terület", "en": "Locality at risk of exclusion"}', '#a16207', 2),
   ('other_risk', '{"cs": "Jiná riziková oblast", "hu": "Egyéb kockázatos terület", "en": "Other risk area"}', '#6d28d9', 3)
 ) AS k (code, labels, color, sort_order)
ON CONFLICT DO NOTHING;
