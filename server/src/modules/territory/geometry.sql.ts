import { sql, type RawBuilder } from 'kysely';

/**
 * Named PostGIS fragments (STYLE rule 4). Geometry enters as GeoJSON text in a given SRID and is
 * stored in WGS84 (4326); it leaves as GeoJSON.
 */

/** GeoJSON text in `srid` → geometry in 4326. S-JTSK (5514) goes through PROJ's Křovák transform. */
export const fromGeoJson = (geojson: string, srid = 4326): RawBuilder<unknown> =>
  sql`ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), ${srid}::int), 4326)`;

/** An area as stored: a valid MultiPolygon, repaired where it was not (area_for_storage in SQL). */
export const areaForStorage = (geometry: RawBuilder<unknown>): RawBuilder<unknown> => sql`area_for_storage(${geometry})`;

/** Repairs an invalid area (self-intersections, bow-ties) and keeps only its polygons. */
export const repairedArea = (geometry: RawBuilder<unknown>): RawBuilder<unknown> =>
  sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(${geometry}), 3))`;

/** GeoJSON of a stored geometry, 7 decimals (~1 cm) — enough for any map, smaller on the wire. */
export const toGeoJson = (column: string): RawBuilder<string> => sql<string>`ST_AsGeoJSON(${sql.ref(column)}, 7)`;

export const pointAt = (lon: number, lat: number): RawBuilder<unknown> => sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
