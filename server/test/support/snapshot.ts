import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

/**
 * A fingerprint of everything a write could change in the given tenants, to prove a refused request
 * changed nothing. Scoped to the test's own tenants because test files share PostgreSQL in CI.
 * (Sign-in attempts are left out: recording a failed attempt is the point of throttling.)
 */
export async function snapshotTenants(db: Kysely<DB>, tenantIds: string[]): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(t::text, ',' ORDER BY id) FROM tenants t WHERE id = ANY(${tenantIds}::uuid[])),
      (SELECT string_agg(u::text, ',' ORDER BY tenant_id, id) FROM users u WHERE tenant_id = ANY(${tenantIds}::uuid[])),
      (SELECT string_agg(s.id, ',' ORDER BY s.id) FROM sessions s WHERE tenant_id = ANY(${tenantIds}::uuid[])),
      (SELECT count(*) FROM audit_log WHERE tenant_id = ANY(${tenantIds}::uuid[])),
      (SELECT count(*) FROM access_log WHERE tenant_id = ANY(${tenantIds}::uuid[])),
      (SELECT count(*) FROM tenants WHERE created_by IN (SELECT id FROM users WHERE tenant_id = ANY(${tenantIds}::uuid[])))
    )) AS fingerprint`.execute(db);
  return rows[0]!.fingerprint;
}
