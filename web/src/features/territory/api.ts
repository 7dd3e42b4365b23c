import {
  cityAreaSchema,
  featureCollectionSchema,
  localityDetailSchema,
  localityImportResultSchema,
  localityListSchema,
  placeListSchema,
  placeSchema,
  type AreaGeometry,
  type LocalityCreate,
  type LocalityDetail,
  type LocalityImportResult,
  type LocalityUpdate,
} from '@saferhood/contracts';
import { requestJson } from '../../lib/api-client';
import type { PlaceKind } from './place-kinds';

export type LocalityStatusFilter = 'active' | 'archived' | 'all';

export const LOCALITIES_QUERY_KEY = ['localities'] as const;
export const PLACES_QUERY_KEY = ['places'] as const;
export const CITY_AREA_QUERY_KEY = ['city-area'] as const;

export const localityListQueryKey = (status: LocalityStatusFilter) => [...LOCALITIES_QUERY_KEY, 'list', status] as const;
export const localityFeaturesQueryKey = () => [...LOCALITIES_QUERY_KEY, 'geojson'] as const;
export const localityQueryKey = (id: string) => [...LOCALITIES_QUERY_KEY, 'one', id] as const;

/** The register and the city's code list of kinds (with their labels in every language and map colour). */
export function listLocalities(status: LocalityStatusFilter = 'active') {
  return requestJson('GET', '/localities', localityListSchema, { query: { status } });
}

/** The active localities with their boundaries, as the map wants them. */
export function listLocalityFeatures() {
  return requestJson('GET', '/localities', featureCollectionSchema, { query: { format: 'geojson' } });
}

export function getLocality(id: string): Promise<LocalityDetail> {
  return requestJson('GET', `/localities/${encodeURIComponent(id)}`, localityDetailSchema);
}

export function updateLocality(id: string, update: LocalityUpdate): Promise<LocalityDetail> {
  return requestJson('PATCH', `/localities/${encodeURIComponent(id)}`, localityDetailSchema, { body: update });
}

export function createLocality(create: LocalityCreate): Promise<LocalityDetail> {
  return requestJson('POST', '/localities', localityDetailSchema, { body: create });
}

export interface PlaceCreate {
  name: string;
  kind: PlaceKind;
  geometry: { type: 'Point'; coordinates: [number, number] };
}

export function createPlace(create: PlaceCreate) {
  return requestJson('POST', '/places', placeSchema, { body: create });
}

/** Sets (or replaces) the city's own area, the frame every map opens on. */
export function setCityArea(boundary: AreaGeometry) {
  return requestJson('PUT', '/city-area', cityAreaSchema, { body: { boundary } });
}

export async function listPlaces() {
  const { items } = await requestJson('GET', '/places', placeListSchema);
  return items;
}

export async function getCityArea() {
  const { boundary } = await requestJson('GET', '/city-area', cityAreaSchema);
  return boundary;
}

export interface LocalityImportOptions {
  file: File;
  nameProperty: string;
  codeProperty?: string;
  kind?: string;
  srid?: '4326' | '5514';
  isDryRun: boolean;
  isRepairing: boolean;
  isSkippingInvalid: boolean;
}

/** Sends a GeoJSON file: a preview (nothing written) or the import itself, in one transaction. */
export function importLocalities(options: LocalityImportOptions): Promise<LocalityImportResult> {
  const form = new FormData();
  form.set('nameProperty', options.nameProperty);
  if (options.codeProperty) form.set('codeProperty', options.codeProperty);
  if (options.kind) form.set('kind', options.kind);
  if (options.srid) form.set('srid', options.srid);
  form.set('dryRun', String(options.isDryRun));
  form.set('repair', String(options.isRepairing));
  form.set('skipInvalid', String(options.isSkippingInvalid));
  form.set('file', options.file);
  return requestJson('POST', '/localities/import', localityImportResultSchema, { form });
}
