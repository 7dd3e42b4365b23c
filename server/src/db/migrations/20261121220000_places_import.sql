-- Places of duty can be imported from GeoJSON; like localities they keep the code they had in the
-- source so that a re-import updates them instead of adding them twice.
ALTER TABLE places ADD COLUMN external_code text CHECK (length(external_code) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX places_external_code ON places (tenant_id, external_code) WHERE external_code IS NOT NULL;
