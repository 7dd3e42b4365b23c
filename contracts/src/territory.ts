import { z } from 'zod';
import { idSchema, textSchema } from './common';
import { areaGeometrySchema, multiPolygonSchema, placeGeometrySchema } from './geojson';

export const LOCALITY_STATUSES = ['active', 'archived'] as const;
export const PLACE_KINDS = ['school_crossing', 'bike_path', 'transport_hub', 'hostel', 'park', 'public_office', 'other'] as const;

export const localityKindSchema = z.object({
  code: z.string(),
  labels: z.record(z.string(), z.string()),
  color: z.string(),
});
export type LocalityKind = z.infer<typeof localityKindSchema>;

export const localitySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.string(),
  externalCode: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(LOCALITY_STATUSES),
  /** Area in square kilometres and a point inside the boundary, for labels and lists. */
  areaKm2: z.number(),
  labelPoint: z.tuple([z.number(), z.number()]),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Locality = z.infer<typeof localitySchema>;

export const localityDetailSchema = localitySchema.extend({ boundary: multiPolygonSchema });
export type LocalityDetail = z.infer<typeof localityDetailSchema>;

export const localityCreateSchema = z.strictObject({
  name: textSchema(200),
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  externalCode: textSchema(100).optional(),
  description: z.string().trim().max(5000).optional(),
  boundary: areaGeometrySchema,
});
export type LocalityCreate = z.infer<typeof localityCreateSchema>;

export const localityUpdateSchema = localityCreateSchema
  .partial()
  .extend({ status: z.enum(LOCALITY_STATUSES).optional(), version: z.number().int().min(1) });
export type LocalityUpdate = z.infer<typeof localityUpdateSchema>;

export const localityListQuerySchema = z.strictObject({
  format: z.enum(['json', 'geojson']).default('json'),
  status: z.enum([...LOCALITY_STATUSES, 'all']).default('active'),
});
export const localityListSchema = z.object({ items: z.array(localitySchema), kinds: z.array(localityKindSchema) });

export const pointQuerySchema = z.strictObject({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

/** Multipart fields of a GeoJSON import (the file itself is the `file` part). */
export const localityImportFieldsSchema = z.strictObject({
  nameProperty: z.string().trim().min(1).max(100),
  codeProperty: z.string().trim().min(1).max(100).optional(),
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  /** 4326 (WGS84) or 5514 (S-JTSK); when absent, the file's `crs` member decides, else WGS84. */
  srid: z.enum(['4326', '5514']).optional(),
  dryRun: z.enum(['true', 'false']).default('true'),
  /** On commit: write the valid features and skip the invalid (otherwise any invalid one refuses all). */
  skipInvalid: z.enum(['true', 'false']).default('false'),
  /** Repair self-intersecting areas instead of refusing them. */
  repair: z.enum(['true', 'false']).default('false'),
});

export const importIssueSchema = z.object({ index: z.number().int(), code: z.string(), reason: z.string() });
export const localityImportResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  repaired: z.number().int(),
  invalid: z.array(importIssueSchema),
  /** What would be written: name, code and whether it creates or updates. */
  features: z.array(z.object({ index: z.number().int(), name: z.string(), code: z.string().nullable(), action: z.enum(['create', 'update']) })),
});
export type LocalityImportResult = z.infer<typeof localityImportResultSchema>;

export const placeSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(PLACE_KINDS),
  geometry: placeGeometrySchema,
  localityId: idSchema.nullable(),
  /** The code in the source the place was imported from; a re-import matches on it. */
  externalCode: z.string().nullable(),
  status: z.enum(LOCALITY_STATUSES),
  version: z.number().int(),
});
export type Place = z.infer<typeof placeSchema>;

export const placeCreateSchema = z.strictObject({
  name: textSchema(200),
  kind: z.enum(PLACE_KINDS),
  geometry: placeGeometrySchema,
});
export const placeListSchema = z.object({ items: z.array(placeSchema) });

export const cityAreaSchema = z.object({ boundary: multiPolygonSchema.nullable() });
export type CityArea = z.infer<typeof cityAreaSchema>;
export const cityAreaUpdateSchema = z.strictObject({ boundary: areaGeometrySchema });

export const placeListQuerySchema = z.strictObject({
  format: z.enum(['json', 'geojson']).default('json'),
  /** Active places by default; `archived` or `all` for the register's archive. */
  status: z.enum(['active', 'archived', 'all']).default('active'),
});

/** Multipart fields of a GeoJSON import of places (points and lines). */
export const placeImportFieldsSchema = localityImportFieldsSchema.omit({ kind: true, repair: true }).extend({
  /** The property holding a place kind (`school_crossing`, …); features without one get `kind`. */
  kindProperty: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(PLACE_KINDS).default('other'),
});
export const placeImportResultSchema = localityImportResultSchema.omit({ repaired: true });
export type PlaceImportResult = z.infer<typeof placeImportResultSchema>;

export const placeUpdateSchema = placeCreateSchema
  .partial()
  .extend({ status: z.enum(LOCALITY_STATUSES).optional(), version: z.number().int().min(1) });

/** Exact decimals as strings (never floats), e.g. "1500" or "10020.5". */
const decimalSchema = z.union([z.number().finite(), z.string().trim().regex(/^-?\d{1,14}(\.\d{1,4})?$/)]).transform(String);

export const indicatorSchema = z.object({
  id: idSchema,
  name: z.string(),
  unit: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorCreateSchema = z.strictObject({
  name: textSchema(200),
  unit: textSchema(50),
  description: z.string().trim().max(2000).optional(),
});
export const indicatorListSchema = z.object({ items: z.array(indicatorSchema) });

export const indicatorValueSchema = z.object({
  id: idSchema,
  indicatorId: idSchema,
  localityId: idSchema.nullable(),
  date: z.string(),
  value: z.string(),
  source: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorValueCreateSchema = z.strictObject({
  /** Absent or null: a value for the whole city. */
  localityId: idSchema.nullable().optional(),
  date: z.iso.date(),
  value: decimalSchema,
  source: z.string().trim().max(500).optional(),
});
export type IndicatorValueCreate = z.infer<typeof indicatorValueCreateSchema>;

export const indicatorValueListQuerySchema = z.strictObject({
  localityId: z.union([idSchema, z.literal('city')]).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const indicatorValueImportResultSchema = z.object({ recorded: z.number().int() });
export const indicatorValueListSchema = z.object({ items: z.array(indicatorValueSchema) });

/** The series of every indicator for one locality, for its chart. */
export const localityIndicatorSeriesSchema = z.object({
  items: z.array(z.object({ indicator: indicatorSchema, values: z.array(indicatorValueSchema) })),
});

export const crimeGridQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Cell size of the grid the offences are counted in, in metres. */
  cellMetres: z.coerce.number().int().min(50).max(20_000).default(250),
});

/** The crime map layer (application/geo+json): one point per grid cell with offences, and their count. */
export const crimeGridSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).length(2) }),
      properties: z.object({ count: z.number().int() }),
    }),
  ),
});

/** The compact copy of the territory the field app keeps offline: simplified boundaries, places. */
export const territoryOfflineCopySchema = z.object({
  version: z.string(),
  localities: z.array(z.object({ id: idSchema, name: z.string(), kind: z.string(), boundary: multiPolygonSchema })),
  places: z.array(z.object({ id: idSchema, name: z.string(), kind: z.enum(PLACE_KINDS), geometry: placeGeometrySchema, localityId: idSchema.nullable() })),
});
export type TerritoryOfflineCopy = z.infer<typeof territoryOfflineCopySchema>;

const labelsSchema = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().min(1).max(100)).refine((labels) => Object.keys(labels).length > 0);

export const localityKindCreateSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  labels: labelsSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/),
});
export const localityKindUpdateSchema = localityKindCreateSchema.omit({ code: true }).partial();
export const localityKindListSchema = z.object({ items: z.array(localityKindSchema) });
