import { z } from 'zod';

/** GeoJSON (RFC 7946) geometry shapes the API speaks. Coordinates are [longitude, latitude] in WGS84. */
const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
/** [longitude, latitude] (then an optional altitude), range-checked: a place at [1e308, 1e308] is refused. */
const position = z.tuple([longitude, latitude]).rest(z.number().finite());
/**
 * A closed ring (RFC 7946 §3.1.6): at least four positions, the last equal to the first. PostGIS
 * refuses an open ring with an error; checked here it is a 400 naming the field.
 */
const linearRing = z
  .array(position)
  .min(4)
  .refine((ring) => ring.length < 4 || (ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]), { message: 'ring_not_closed' });

export const pointSchema = z.strictObject({ type: z.literal('Point'), coordinates: position });
export const lineStringSchema = z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });
export const multiLineStringSchema = z.strictObject({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(position).min(2)).min(1),
});
export const polygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) });
export const multiPolygonSchema = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRing).min(1)).min(1),
});

export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export const placeGeometrySchema = z.discriminatedUnion('type', [pointSchema, lineStringSchema, multiLineStringSchema]);

export type PointGeometry = z.infer<typeof pointSchema>;
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;
export type PlaceGeometry = z.infer<typeof placeGeometrySchema>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.union([z.string(), z.number()]).optional(),
      geometry: z.unknown(),
      properties: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

/** A FeatureCollection as lists answer with ?format=geojson (features as the presenters build them). */
export const featureCollectionResponseSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
