import { crimeImportResultSchema, crimeSummarySchema, crimeTypeListSchema, featureCollectionSchema, type CrimeImportResult, type CrimeSummary } from '@saferhood/contracts';
import { requestJson } from '../../lib/api-client';
import type { Period } from './crime-period';

export const CRIME_QUERY_KEY = ['crime-data'] as const;

export interface CrimeSummaryQuery extends Period {
  groupBy: string;
  localityId?: string;
}

export function summariseCrime(query: CrimeSummaryQuery): Promise<CrimeSummary> {
  return requestJson('GET', '/crime-data/summary', crimeSummarySchema, { query: { ...query } });
}

/** The map's crime layer: offences counted per grid cell, as GeoJSON points with a `count`. */
export function getCrimeGrid(period: Period) {
  return requestJson('GET', '/crime-data/grid', featureCollectionSchema, { query: { ...period, cellMetres: 250 } });
}

export async function listCrimeTypes() {
  const { items } = await requestJson('GET', '/crime-types', crimeTypeListSchema);
  return items;
}

export function importCrimeData(file: File): Promise<CrimeImportResult> {
  const form = new FormData();
  form.set('file', file);
  return requestJson('POST', '/crime-data/import', crimeImportResultSchema, { form });
}
