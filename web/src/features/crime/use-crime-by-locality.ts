import type { Locality } from '@saferhood/contracts';
import { useQuery } from '@tanstack/react-query';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import type { Period } from './crime-period';

export interface LocalityCrimeRow {
  /** A locality's id, or null for offences outside every locality. */
  localityId: string | null;
  total: number;
  byClass: ReadonlyMap<number, number>;
}

/** Offences per locality and class, in one summary request (`groupBy=locality,class`). */
export function useCrimeByLocality(localities: readonly Locality[], period: Period | null) {
  const summary = useQuery({
    queryKey: [...CRIME_QUERY_KEY, 'summary', 'locality,class', period?.from, period?.to],
    queryFn: () => summariseCrime({ ...period!, groupBy: 'locality,class' }),
    enabled: period !== null,
  });
  const failed = summary.isError ? summary : null;
  if (!summary.isSuccess) return { rows: null, failed };

  const rowFor = (localityId: string | null): LocalityCrimeRow => {
    const rows = summary.data.rows.filter((row) => (row.localityId ?? null) === localityId);
    return {
      localityId,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      byClass: new Map(rows.map((row) => [row.class ?? 0, row.count])),
    };
  };
  const inLocalities = localities.map((locality) => rowFor(locality.id));
  const outside = rowFor(null);
  const byClass = new Map<number, number>();
  for (const row of summary.data.rows) byClass.set(row.class ?? 0, (byClass.get(row.class ?? 0) ?? 0) + row.count);
  const city: LocalityCrimeRow = { localityId: null, total: summary.data.total, byClass };
  return { rows: { city, localities: inLocalities, outside }, failed };
}
