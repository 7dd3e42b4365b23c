import type { CrimeSummary } from '@saferhood/contracts';

export interface CrimeTypeInfo {
  code: number;
  topClass: number;
  level: number;
  name: string;
  /** The offence itself ("Krádeže jízdních kol"); `name` is its group's. */
  description?: string | null;
}

export interface CrimeTypeRow {
  code: number;
  /** The police's own description of the offence (Czech), else its group's name, else the bare code. */
  name: string;
  topClass: number | null;
  count: number;
  /** Another shown type has the same name (the code list names groups, not each type): show the code too. */
  isAmbiguous: boolean;
}

/**
 * Rows of a `groupBy=type` summary named from the police code list, the largest counts first. Types of
 * level 1 are the classes themselves, already counted in the table by class, so they are left out.
 */
export function crimeTypeRows(summary: Pick<CrimeSummary, 'rows'>, types: readonly CrimeTypeInfo[]): CrimeTypeRow[] {
  const byCode = new Map(types.map((type) => [type.code, type]));
  const rows = summary.rows
    .filter((row) => row.type !== undefined && row.count > 0 && byCode.get(row.type)?.level !== 1)
    .map((row) => {
      const type = byCode.get(row.type!);
      return { code: row.type!, name: type?.description ?? type?.name ?? String(row.type), topClass: type?.topClass ?? null, count: row.count, isAmbiguous: false };
    });
  const namesSeen = new Map<string, number>();
  for (const row of rows) namesSeen.set(row.name, (namesSeen.get(row.name) ?? 0) + 1);
  return rows
    .map((row) => ({ ...row, isAmbiguous: (namesSeen.get(row.name) ?? 0) > 1 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'cs') || a.code - b.code);
}
