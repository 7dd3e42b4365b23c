import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

/**
 * Columns a refused request may still change, by table, each for a stated reason. Everything else in
 * every tenant-owned table is compared whole.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  // Any authenticated request, refused or not, may touch its session (sliding last-seen).
  sessions: ['last_seen_at'],
};

/**
 * Tables left out entirely. `sign_in_attempts` has no tenant_id and is left out on purpose: recording a
 * failed attempt is the point of throttling. The audit sealer's tables are left out because the sealer
 * (a background job; on PostgreSQL any test file sharing the database may run it) moves entries from
 * `audit_unsealed` into `audit_seals` and the chain head at any moment — a refused request writes no
 * audit entry, and `audit_log` itself is compared whole. Nothing else is: a new table with a tenant_id
 * column is covered the day its migration lands.
 */
const SEALER_TABLES = new Set(['audit_unsealed', 'audit_seals', 'audit_chain_heads']);

const tenantTables = new WeakMap<Kysely<DB>, Promise<string[]>>();

/** Every table of the public schema with a tenant_id column, read from the catalog (once per database). */
export function tenantOwnedTables(db: Kysely<DB>): Promise<string[]> {
  let tables = tenantTables.get(db);
  if (!tables) {
    tables = sql<{ table: string }>`
      SELECT c.relname AS table FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p')
       ORDER BY c.relname`
      .execute(db)
      .then(({ rows }) => rows.map((row) => row.table).filter((table) => !SEALER_TABLES.has(table)));
    tenantTables.set(db, tables);
  }
  return tables;
}

/**
 * A fingerprint of everything a write could change in the given tenants, to prove a refused request
 * changed nothing: every row of every tenant-owned table (any table with a tenant_id column, found in
 * the catalog), the tenants' own rows and the tenants their users created. Scoped to the test's own
 * tenants because test files share PostgreSQL in CI. One line per table, so a mismatch names the table.
 */
export async function snapshotTenants(db: Kysely<DB>, tenantIds: string[]): Promise<string> {
  const ids = sql`${tenantIds}::uuid[]`;
  const rowsOf = (table: string, where: ReturnType<typeof sql>) => {
    const drop = (VOLATILE_COLUMNS[table] ?? []).map((column) => sql` - ${column}::text`);
    return sql`(SELECT ${table}::text || ' ' || count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), ''))
      FROM (SELECT (to_jsonb(t)${sql.join(drop, sql``)})::text AS r FROM ${sql.table(table)} t WHERE ${where}) rows)`;
  };
  const parts = [
    rowsOf('tenants', sql`id = ANY(${ids})`),
    sql`(SELECT 'tenants created ' || count(*) || ' ' || md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY id), ''))
      FROM tenants t WHERE created_by IN (SELECT id FROM users WHERE tenant_id = ANY(${ids})))`,
    ...(await tenantOwnedTables(db)).map((table) => rowsOf(table, sql`tenant_id = ANY(${ids})`)),
  ];
  const { rows } = await sql<{ fingerprint: string }>`SELECT concat_ws(E'\\n', ${sql.join(parts)}) AS fingerprint`.execute(db);
  return rows[0]!.fingerprint;
}
