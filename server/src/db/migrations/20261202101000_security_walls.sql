-- Security walls found by the review of issue 8.

-- Changing who is on a shift replaces its assignments (delete, then insert); the app role could
-- insert and update them but not delete, so every PATCH /shifts/{id} with assistantIds failed.
GRANT DELETE ON shift_assignments TO saferhood_app;

-- Sign-in attempts (email, address) are not tenant-owned and have no row-level security: the app role
-- could read every city's attempts. Throttling runs as the owning role (withSystem), so the app role
-- needs nothing here.
REVOKE ALL ON sign_in_attempts FROM saferhood_app;

-- Throttling looks up the addresses an account has signed in from (its owner's "known" addresses)
-- and the failures per account and address.
CREATE INDEX sign_in_attempts_account_ip ON sign_in_attempts (tenant_slug, email, ip, at);

-- Imported coordinates are range-checked in their own reference system before they are transformed:
-- WGS84 longitude −180..180 and latitude −90..90; S-JTSK (EPSG:5514, Křovák East North) within its
-- area of use (x −951 500..−159 300, y −1 353 300..−911 000, with a margin). Out of range reads as
-- unreadable (NULL), so the import reports the feature instead of storing a place at [1e308, 1e308].
CREATE OR REPLACE FUNCTION safe_geom_from_geojson(geojson text, srid integer) RETURNS geometry
  LANGUAGE plpgsql STABLE
  AS $$
  DECLARE
    g geometry;
  BEGIN
    g := ST_SetSRID(ST_GeomFromGeoJSON(geojson), srid);
    IF srid = 4326 AND NOT (ST_XMin(g) >= -180 AND ST_XMax(g) <= 180 AND ST_YMin(g) >= -90 AND ST_YMax(g) <= 90) THEN
      RETURN NULL;
    END IF;
    IF srid = 5514 AND NOT (ST_XMin(g) >= -960000 AND ST_XMax(g) <= -150000 AND ST_YMin(g) >= -1360000 AND ST_YMax(g) <= -900000) THEN
      RETURN NULL;
    END IF;
    RETURN ST_Transform(g, 4326);
  EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
  END
  $$;
