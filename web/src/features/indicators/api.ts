import {
  indicatorListSchema,
  indicatorSchema,
  indicatorValueImportResultSchema,
  indicatorValueListSchema,
  indicatorValueSchema,
  localityIndicatorSeriesSchema,
  type Indicator,
  type IndicatorValue,
  type IndicatorValueCreate,
} from '@saferhood/contracts';
import { apiUrl, requestJson } from '../../lib/api-client';

export const INDICATORS_QUERY_KEY = ['indicators'] as const;
export const indicatorValuesQueryKey = (indicatorId: string) => [...INDICATORS_QUERY_KEY, 'values', indicatorId] as const;
export const localitySeriesQueryKey = (localityId: string) => [...INDICATORS_QUERY_KEY, 'locality', localityId] as const;

export interface IndicatorCreate {
  name: string;
  unit: string;
  description?: string | undefined;
}

export async function listIndicators(): Promise<Indicator[]> {
  const { items } = await requestJson('GET', '/indicators', indicatorListSchema);
  return items;
}

export function createIndicator(input: IndicatorCreate): Promise<Indicator> {
  return requestJson('POST', '/indicators', indicatorSchema, { body: input });
}

/** Every value of one indicator: the whole city's (localityId null) and each locality's. */
export async function listIndicatorValues(indicatorId: string): Promise<IndicatorValue[]> {
  const { items } = await requestJson('GET', `/indicators/${encodeURIComponent(indicatorId)}/values`, indicatorValueListSchema);
  return items;
}

/** A value for a date; a second one for the same date and place corrects the first. */
export function recordIndicatorValue(indicatorId: string, value: IndicatorValueCreate): Promise<IndicatorValue> {
  return requestJson('POST', `/indicators/${encodeURIComponent(indicatorId)}/values`, indicatorValueSchema, { body: value });
}

/** Every indicator that has values for the locality, each with its series, oldest first. */
export async function listLocalitySeries(localityId: string) {
  const { items } = await requestJson('GET', `/localities/${encodeURIComponent(localityId)}/indicators`, localityIndicatorSeriesSchema);
  return items;
}

/** The CSV download of an indicator's values (the browser follows the link with the session cookie). */
export function indicatorCsvUrl(indicatorId: string): string {
  return apiUrl(`/indicators/${encodeURIComponent(indicatorId)}/values`, { format: 'csv' });
}

/** The XLSX download of an indicator's values, with headers that import back. */
export function indicatorXlsxUrl(indicatorId: string): string {
  return apiUrl(`/indicators/${encodeURIComponent(indicatorId)}/values`, { format: 'xlsx' });
}

/** Records many values from a CSV or XLSX table (date, locality, value, source); all rows or none. */
export function importIndicatorValues(indicatorId: string, file: File) {
  const form = new FormData();
  form.set('file', file);
  return requestJson('POST', `/indicators/${encodeURIComponent(indicatorId)}/values/import`, indicatorValueImportResultSchema, { form });
}
