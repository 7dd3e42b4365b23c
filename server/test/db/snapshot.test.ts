import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildUser } from '../support/factories';
import { snapshotTenants, tenantOwnedTables } from '../support/snapshot';
import { createTestContext, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** The helper behind every "changes nothing" assertion must itself see every change. */
describe('the writes-nothing snapshot', () => {
  it('covers every table with a tenant_id, found in the catalog, including territory and field work', async () => {
    const tables = await tenantOwnedTables(ctx.database.db);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_log', 'access_log', 'localities', 'places', 'crime_offences', 'field_records']));
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT c.relname)::int AS n FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind = 'r'`.execute(ctx.database.db);
    // All of them but the audit sealer's three, which a background job moves at any moment (audit_log is compared whole).
    expect(tables).not.toEqual(expect.arrayContaining(['audit_unsealed']));
    expect(tables).toHaveLength(rows[0]!.n - 3);
  });

  it('changes when a row of the tenant changes, and only for that tenant', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const other = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
    const before = await snapshotTenants(ctx.database.db, [tenant.id]);
    const otherBefore = await snapshotTenants(ctx.database.db, [other.id]);
    expect(await snapshotTenants(ctx.database.db, [tenant.id])).toBe(before);
    await sql`UPDATE users SET display_name = display_name || '!' WHERE id = ${user.id}`.execute(ctx.database.db);
    const after = await snapshotTenants(ctx.database.db, [tenant.id]);
    expect(after).not.toBe(before);
    expect(after.split('\n').filter((line, index) => line !== before.split('\n')[index])).toEqual([expect.stringMatching(/^users /)]);
    expect(await snapshotTenants(ctx.database.db, [other.id])).toBe(otherBefore);
  });
});
