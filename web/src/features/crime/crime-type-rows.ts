import type { CrimeSummary } from '@saferhood/contracts';

export interface CrimeTypeInfo {
  code: number;
  topClass: number;
  name: string;
}

export interface CrimeTypeRow {
  code: number;
  /** The police's own name (Czech), or the bare code when the code list does not know it. */
  name: string;
  topClass: number | null;
  count: number;
}

/** Rows of a `groupBy=type` summary named from the police code list, the largest counts first. */
export function crimeTypeRows(summary: Pick<CrimeSummary, 'rows'>, types: readonly CrimeTypeInfo[]): CrimeTypeRow[] {
  const byCode = new Map(types.map((type) => [type.code, type]));
  return summary.rows
    .filter((row) => row.type !== undefined && row.count > 0)
    .map((row) => {
      const type = byCode.get(row.type!);
      return { code: row.type!, name: type?.name ?? String(row.type), topClass: type?.topClass ?? null, count: row.count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'cs'));
}
