import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';

export interface OffenceInput {
  id: string;
  occurredAt: string;
  lon: number;
  lat: number;
  mp: boolean;
  state: number;
  relevance: number;
  /** Type codes, comma-separated, as in the source. */
  types: string;
}

/**
 * Stores a batch of offences in one statement: skips those outside the city's area (when it has one),
 * places each in its locality, takes the offence's class from its first type, and ignores police ids
 * already stored. Returns how many were inside the area and how many were new.
 */
export async function insertOffences(tx: TenantTx, batch: OffenceInput[]): Promise<{ inside: number; inserted: number }> {
  const { rows } = await sql<{ inside: number; inserted: number }>`
    WITH input AS (
      SELECT * FROM unnest(
        ${batch.map((o) => o.id)}::bigint[], ${batch.map((o) => o.occurredAt)}::timestamptz[],
        ${batch.map((o) => o.lon)}::float8[], ${batch.map((o) => o.lat)}::float8[], ${batch.map((o) => o.mp)}::boolean[],
        ${batch.map((o) => o.state)}::smallint[], ${batch.map((o) => o.relevance)}::smallint[], ${batch.map((o) => o.types)}::text[]
      ) AS i (id, occurred_at, lon, lat, mp, state, relevance, types)
    ), located AS (
      SELECT input.*, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS location, string_to_array(types, ',')::int[] AS type_codes
        FROM input
    ), inside AS (
      SELECT located.* FROM located
       WHERE NOT EXISTS (SELECT 1 FROM city_areas WHERE tenant_id = ${tx.tenantId})
          OR EXISTS (SELECT 1 FROM city_areas a WHERE a.tenant_id = ${tx.tenantId} AND ST_Covers(a.boundary, located.location))
    ), stored AS (
      INSERT INTO crime_offences (tenant_id, id, occurred_at, location, mp, state, relevance, types, top_class, locality_id)
      SELECT ${tx.tenantId}, inside.id, inside.occurred_at, inside.location, inside.mp, inside.state, inside.relevance,
             inside.type_codes, coalesce(t.top_class, inside.type_codes[1]),
             (SELECT l.id FROM localities l
               WHERE l.tenant_id = ${tx.tenantId} AND l.status = 'active' AND ST_Covers(l.boundary, inside.location)
               ORDER BY ST_Area(l.boundary) LIMIT 1)
        FROM inside LEFT JOIN crime_types t ON t.code = inside.type_codes[1]
      ON CONFLICT (tenant_id, id) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inside)::int AS inside, (SELECT count(*) FROM stored)::int AS inserted`.execute(tx);
  return rows[0]!;
}

export type CrimeDimension = 'locality' | 'class' | 'type' | 'month';

interface OffenceFilter {
  from: string;
  to: string;
  localityId?: string | undefined;
}

/** A period of local dates (inclusive) as the instants that bound it, in the tenant's time zone. */
interface Period {
  start: Date;
  end: Date;
  timeZone: string;
}

/** Turns local dates into instants once, so the big query compares occurred_at with constants (index range). */
export async function periodOf(tx: TenantTx, filter: OffenceFilter): Promise<Period> {
  const { rows } = await sql<Period>`
    SELECT (${filter.from}::date::timestamp AT TIME ZONE time_zone) AS start,
           ((${filter.to}::date + 1)::timestamp AT TIME ZONE time_zone) AS end,
           time_zone
      FROM tenants WHERE id = ${tx.tenantId}`.execute(tx);
  return rows[0]!;
}

const dimensionSql = (dimension: CrimeDimension, period: Period) =>
  ({
    locality: sql`locality_id`,
    class: sql`top_class`,
    // An offence of several types counts once under each of them.
    type: sql`unnest(types)`,
    month: sql`to_char(occurred_at AT TIME ZONE ${period.timeZone}, 'YYYY-MM')`,
  })[dimension];

const offencesIn = (tx: TenantTx, period: Period, localityId: string | undefined) => sql`
  crime_offences
  WHERE tenant_id = ${tx.tenantId} AND occurred_at >= ${period.start} AND occurred_at < ${period.end}
  ${localityId ? sql`AND locality_id = ${localityId}` : sql``}`;

/** Counts of offences in the period, grouped by the given dimensions. */
export async function summariseOffences(
  tx: TenantTx,
  period: Period,
  query: { groupBy: CrimeDimension[]; localityId?: string | undefined },
): Promise<Record<string, unknown>[]> {
  // `locality` comes out as localityId, like every id in the API.
  const columns = query.groupBy.map((dimension) => sql`${dimensionSql(dimension, period)} AS ${sql.ref(dimension === 'locality' ? 'locality_id' : dimension)}`);
  const groups = query.groupBy.map((_dimension, index) => sql.raw(String(index + 1)));
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${sql.join(columns)}, count(*)::int AS count
      FROM ${offencesIn(tx, period, query.localityId)}
     GROUP BY ${sql.join(groups)}
     ORDER BY ${sql.join(groups)}`.execute(tx);
  return rows;
}

/** How many offences the period holds (each once, whatever its types). */
export async function countOffences(tx: TenantTx, period: Period, localityId?: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${offencesIn(tx, period, localityId)}`.execute(tx);
  return rows[0]!.n;
}

/**
 * Offences counted in cells of about `cellMetres` square, each cell as the mean position of its
 * offences: the map's crime layer, one feature per cell rather than one per offence. Cells are cut in
 * degrees, sized for the city's latitude — no reprojection of every point.
 */
export async function gridOffences(tx: TenantTx, period: Period, cellMetres: number) {
  const { rows } = await sql<{ lon: number; lat: number; count: number }>`
    WITH cell AS (
      SELECT ${cellMetres}::float8 / 111320 AS dy,
             ${cellMetres}::float8 / (111320 * cos(radians(coalesce(
               (SELECT ST_Y(ST_Centroid(boundary)) FROM city_areas WHERE tenant_id = ${tx.tenantId}), 49.8)))) AS dx
    )
    SELECT avg(ST_X(location)) AS lon, avg(ST_Y(location)) AS lat, count(*)::int AS count
      FROM cell, ${offencesIn(tx, period, undefined)}
     GROUP BY floor(ST_X(location) / cell.dx), floor(ST_Y(location) / cell.dy)`.execute(tx);
  return rows;
}

export async function listCrimeTypeRows(tx: TenantTx) {
  return tx.selectFrom('crimeTypes').select(['code', 'parent', 'topClass', 'level', 'nameCs as name', 'descriptionCs as description']).orderBy('code').execute();
}
