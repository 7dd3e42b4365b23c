import type { Locality } from '@saferhood/contracts';
import { useQueries } from '@tanstack/react-query';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import type { Period } from './crime-period';

export interface LocalityCrimeRow {
  /** A locality's id, or null for offences outside every locality. */
  localityId: string | null;
  total: number;
  byClass: ReadonlyMap<number, number>;
}

/**
 * Offences per locality and class. The summary's `groupBy=locality,class` answers without the locality
 * (its rows carry `locality`, which the response schema drops), so this asks once per locality and
 * once for the city, and counts what no locality holds as "outside the localities".
 */
export function useCrimeByLocality(localities: readonly Locality[], period: Period | null) {
  const targets: (string | null)[] = [null, ...localities.map((locality) => locality.id)];
  const results = useQueries({
    queries: targets.map((localityId) => ({
      queryKey: [...CRIME_QUERY_KEY, 'summary', 'class', localityId ?? 'city', period?.from, period?.to],
      queryFn: () => summariseCrime({ ...period!, groupBy: 'class', ...(localityId ? { localityId } : {}) }),
      enabled: period !== null,
    })),
  });
  const failed = results.find((result) => result.isError) ?? null;
  const isDone = results.every((result) => result.isSuccess);
  if (!isDone) return { rows: null, failed };

  const toRow = (localityId: string | null, index: number): LocalityCrimeRow => {
    const summary = results[index]!.data!;
    return { localityId, total: summary.total, byClass: new Map(summary.rows.map((row) => [row.class ?? 0, row.count])) };
  };
  const city = toRow(null, 0);
  const inLocalities = localities.map((locality, index) => toRow(locality.id, index + 1));
  const outsideByClass = new Map([...city.byClass].map(([code, count]) => [code, count - inLocalities.reduce((sum, row) => sum + (row.byClass.get(code) ?? 0), 0)]));
  const outside: LocalityCrimeRow = { localityId: null, total: city.total - inLocalities.reduce((sum, row) => sum + row.total, 0), byClass: outsideByClass };
  return { rows: { city, localities: inLocalities, outside }, failed };
}
