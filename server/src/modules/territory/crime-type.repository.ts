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

/** Loads (or refreshes) the code list; cheap and idempotent, run at start. Parents first for the FK. */
export async function syncCrimeTypes(tx: SystemTx): Promise<number> {
  const ordered = [...CRIME_TYPES].sort((a, b) => a.level - b.level || a.code - b.code);
  for (const type of ordered) {
    await sql`
      INSERT INTO crime_types (code, parent, top_class, level, name_cs, description_cs)
      VALUES (${type.code}, ${type.parent}, ${type.topClass}, ${type.level}, ${type.name}, ${type.description})
      ON CONFLICT (code) DO UPDATE SET parent = EXCLUDED.parent, top_class = EXCLUDED.top_class, level = EXCLUDED.level,
        name_cs = EXCLUDED.name_cs, description_cs = EXCLUDED.description_cs`.execute(tx);
  }
  return ordered.length;
}
