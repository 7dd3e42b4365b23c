import {
  cityAreaSchema,
  featureCollectionSchema,
  localityDetailSchema,
  localityImportResultSchema,
  localityKindListSchema,
  localityKindSchema,
  localityListSchema,
  placeImportResultSchema,
  placeListSchema,
  placeSchema,
  type AreaGeometry,
  type LocalityCreate,
  type LocalityDetail,
  type LocalityImportResult,
  type LocalityKind,
  type LocalityUpdate,
  type Place,
  type PlaceGeometry,
  type PlaceImportResult,
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
  geometry: PlaceGeometry;
}

export type PlaceUpdate = Partial<PlaceCreate> & { status?: Place['status']; version: number };

export function createPlace(create: PlaceCreate): Promise<Place> {
  return requestJson('POST', '/places', placeSchema, { body: create });
}

/** Renames, moves or archives a place; `version` is the one the change was based on (409 when stale). */
export function updatePlace(id: string, update: PlaceUpdate): Promise<Place> {
  return requestJson('PATCH', `/places/${encodeURIComponent(id)}`, placeSchema, { body: update });
}

/** Sets (or replaces) the city's own area, the frame every map opens on. */
export function setCityArea(boundary: AreaGeometry) {
  return requestJson('PUT', '/city-area', cityAreaSchema, { body: { boundary } });
}

/** Active places (the map's); the register asks for archived ones too. */
export async function listPlaces(status: LocalityStatusFilter = 'active') {
  const { items } = await requestJson('GET', '/places', placeListSchema, status === 'active' ? {} : { query: { status } });
  return items;
}

export const placeListQueryKey = (status: LocalityStatusFilter) => [...PLACES_QUERY_KEY, 'list', status] as const;

export const LOCALITY_KINDS_QUERY_KEY = [...LOCALITIES_QUERY_KEY, 'kinds'] as const;

export async function listLocalityKinds(): Promise<LocalityKind[]> {
  const { items } = await requestJson('GET', '/locality-kinds', localityKindListSchema);
  return items;
}

export function createLocalityKind(kind: LocalityKind): Promise<LocalityKind> {
  return requestJson('POST', '/locality-kinds', localityKindSchema, { body: kind });
}

export function updateLocalityKind(code: string, update: Pick<LocalityKind, 'labels' | 'color'>): Promise<LocalityKind> {
  return requestJson('PATCH', `/locality-kinds/${encodeURIComponent(code)}`, localityKindSchema, { body: update });
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

export interface PlaceImportOptions {
  file: File;
  nameProperty: string;
  codeProperty?: string;
  /** The property holding each feature's place kind; features without one get `kind`. */
  kindProperty?: string;
  kind: PlaceKind;
  srid?: '4326' | '5514';
  isDryRun: boolean;
  isSkippingInvalid: boolean;
}

/** Sends a GeoJSON file of points and lines: a preview (nothing written) or the import itself. */
export function importPlaces(options: PlaceImportOptions): Promise<PlaceImportResult> {
  const form = new FormData();
  form.set('nameProperty', options.nameProperty);
  if (options.codeProperty) form.set('codeProperty', options.codeProperty);
  if (options.kindProperty) form.set('kindProperty', options.kindProperty);
  form.set('kind', options.kind);
  if (options.srid) form.set('srid', options.srid);
  form.set('dryRun', String(options.isDryRun));
  form.set('skipInvalid', String(options.isSkippingInvalid));
  form.set('file', options.file);
  return requestJson('POST', '/places/import', placeImportResultSchema, { form });
}
