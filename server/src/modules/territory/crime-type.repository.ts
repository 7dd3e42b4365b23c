import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { SystemTx } from '../../db/scope';

interface CrimeTypeEntry {
  code: number;
  parent: number | null;
  topClass: number;
  level: number;
  name: string;
  description: string;
}

/** The police code list of offence types, bundled from the open-data `types.json`. */
const CRIME_TYPES: CrimeTypeEntry[] = JSON.parse(
  readFileSync(new URL('./data/police-crime-types.json', import.meta.url), 'utf8'),
).items;

/**
 * Loads (or refreshes) the code list; idempotent, run at start. One statement for the whole list (it
 * was a round trip per type, a noticeable part of a start on the embedded database), and a row is
 * written only when it changed. A parent may come in the same statement: PostgreSQL checks the
 * foreign key at the end of the statement.
 */
export async function syncCrimeTypes(tx: SystemTx): Promise<number> {
  const rows = CRIME_TYPES.map((type) => ({
    code: type.code,
    parent: type.parent,
    top_class: type.topClass,
    level: type.level,
    name_cs: type.name,
    description_cs: type.description,
  }));
  await sql`
    INSERT INTO crime_types (code, parent, top_class, level, name_cs, description_cs)
    SELECT code, parent, top_class, level, name_cs, description_cs
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS listed (code integer, parent integer, top_class integer, level smallint, name_cs text, description_cs text)
    ORDER BY level, code
    ON CONFLICT (code) DO UPDATE SET parent = EXCLUDED.parent, top_class = EXCLUDED.top_class, level = EXCLUDED.level,
      name_cs = EXCLUDED.name_cs, description_cs = EXCLUDED.description_cs
    WHERE (crime_types.parent, crime_types.top_class, crime_types.level, crime_types.name_cs, crime_types.description_cs)
      IS DISTINCT FROM (EXCLUDED.parent, EXCLUDED.top_class, EXCLUDED.level, EXCLUDED.name_cs, EXCLUDED.description_cs)`.execute(tx);
  return rows.length;
}
