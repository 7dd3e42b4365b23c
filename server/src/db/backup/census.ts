import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

/** Rows and a checksum of one table's content, as the manifest records them. */
export interface TableCensus {
  rows: number;
  /** Order-independent: the sum of the first 64 bits of each row's md5, as decimal text. */
  checksum: string;
}

/** Every table's census, keyed `schema.table`, sorted by name. */
export type Census = Record<string, TableCensus>;

/**
 * Counts and checksums every table of the application's schemas as the owner, in one snapshot (an
 * extension's own tables left out). Row-level security is switched off, so a role that would only see
 * part of a table fails here instead of counting a part (the same rule pg_dump follows).
 *
 * A row's text form depends on session settings (time zone, date style, float digits); they are pinned
 * so that the same rows give the same checksum in any session, before and after a restore.
 */
export async function takeCensus(db: Kysely<DB>): Promise<Census> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    await pinRowFormat(tx);
    return censusIn(tx);
  });
}

/** The census in a transaction that is already open (pinRowFormat must have run in it). */
export async function censusIn(tx: Kysely<DB>): Promise<Census> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    SELECT n.nspname AS schema, c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND n.nspname NOT LIKE 'pg_temp%'
       -- An extension's own tables (PostGIS's spatial_ref_sys) come with the extension, not the backup.
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY 1, 2`.execute(tx);
  const census: Census = {};
  for (const table of tables) {
    const { rows } = await sql<{ rows: string; checksum: string }>`
      SELECT count(*)::text AS rows,
             coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint), 0)::text AS checksum
        FROM ${sql.table(`${table.schema}.${table.name}`)} AS t`.execute(tx);
    census[`${table.schema}.${table.name}`] = { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
  }
  return census;
}

export async function pinRowFormat(tx: Kysely<DB>): Promise<void> {
  await sql`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
                   set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true),
                   set_config('bytea_output', 'hex', true), set_config('row_security', 'off', true)`.execute(tx);
}

/** The names of the migrations applied, in order (empty for a database never migrated). */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM schema_migrations ORDER BY name`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  return rows.map((row) => row.name);
}

/** Tables whose census differs between two databases (missing on one side counts as differing). */
export function compareCensus(expected: Census, actual: Census): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((name) => expected[name]?.rows !== actual[name]?.rows || expected[name]?.checksum !== actual[name]?.checksum);
}
