import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/scope';
import { recordAudit } from '../src/modules/audit/index';
import { as, buildSignedIn, buildUser } from './support/factories';
import { snapshotTenants } from './support/snapshot';
import { createTestContext, type TestContext } from './support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('tenant isolation through the API', () => {
  it('gives an admin of tenant A nothing of tenant B, by any id', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const b = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const bUser = await buildUser(ctx.database.db, b.tenant, { role: 'assistant', displayName: 'Only in B' });
    const before = await snapshotTenants(ctx.database.db, [a.tenant.id, b.tenant.id]);

    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(a.session) });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((user: { id: string }) => user.id);
    expect(ids).toContain(a.user.id);
    expect(ids).not.toContain(bUser.id);
    expect(ids).not.toContain(b.user.id);

    for (const id of [bUser.id, b.user.id]) {
      const read = await ctx.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: as(a.session) });
      expect(read.statusCode).toBe(404);
      const change = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: as(a.session),
        payload: { displayName: 'Hijacked', isDisabled: true, version: 1 },
      });
      expect(change.statusCode).toBe(404);
      const remove = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/users/${id}`, headers: as(a.session) });
      expect(remove.statusCode).toBe(404);
    }
    const audit = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=200', headers: as(a.session) });
    expect(audit.json().items.every((event: { resourceId: string | null }) => event.resourceId !== bUser.id)).toBe(true);
    expect(await snapshotTenants(ctx.database.db, [a.tenant.id, b.tenant.id])).toBe(before);
  });

  it('does not accept tenant B’s session cookie with tenant A’s id swapped in', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const b = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const bToken = b.session.cookie.split('.')[1];
    const swapped = `sh_session=${a.tenant.id}.${bToken}`;
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: swapped } });
    expect(response.statusCode).toBe(401);
  });
});

describe('tenant isolation by row-level security (the application check bypassed)', () => {
  it('hides, and refuses changes to, another tenant’s rows even to queries without a tenant filter', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const b = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    await withTenant(ctx.database.db, b.tenant.id, (tx) =>
      recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: 'x', actorId: b.user.id }),
    );
    const before = await snapshotTenants(ctx.database.db, [b.tenant.id]);

    await withTenant(ctx.database.db, a.tenant.id, async (tx) => {
      // Deliberately unfiltered SQL, as a buggy repository might write it.
      const users = await sql<{ tenantId: string }>`SELECT tenant_id FROM users`.execute(tx);
      expect(users.rows.length).toBeGreaterThan(0);
      expect(users.rows.every((row) => row.tenantId === a.tenant.id)).toBe(true);
      const tenants = await sql<{ id: string }>`SELECT id FROM tenants`.execute(tx);
      expect(tenants.rows.map((row) => row.id)).toEqual([a.tenant.id]);
      for (const table of ['sessions', 'audit_log', 'access_log', 'audit_chain_heads', 'audit_seals', 'audit_unsealed']) {
        const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${b.tenant.id}`.execute(tx);
        expect(rows.rows[0]!.n, table).toBe(0);
      }
      const updated = await sql`UPDATE users SET display_name = 'Hijacked' WHERE tenant_id = ${b.tenant.id}`.execute(tx);
      expect(Number(updated.numAffectedRows)).toBe(0);
      const deleted = await sql`DELETE FROM sessions WHERE tenant_id = ${b.tenant.id}`.execute(tx);
      expect(Number(deleted.numAffectedRows)).toBe(0);
    });

    // Writing a row into another tenant is refused by the policy's WITH CHECK.
    await expect(
      withTenant(ctx.database.db, a.tenant.id, (tx) =>
        sql`INSERT INTO users (tenant_id, id, email, display_name, role, password_hash)
            VALUES (${b.tenant.id}, gen_random_uuid(), 'intruder@example.test', 'Intruder', 'admin', 'x')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await snapshotTenants(ctx.database.db, [b.tenant.id])).toBe(before);
  });

  it('bounds every tenant transaction’s statements and lock waits, so one city’s stuck work cannot hold a connection long', async () => {
    const { tenant } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const limits = await withTenant(ctx.database.db, tenant.id, async (tx) =>
      (await sql<{ statement: string; lock: string }>`SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`.execute(tx)).rows[0]!,
    );
    expect(limits).toEqual({ statement: '30s', lock: '10s' });
    // Only for the transaction: the connection goes back to the pool without them.
    const outside = (await sql<{ lock: string }>`SELECT current_setting('lock_timeout') AS lock`.execute(ctx.database.db)).rows[0]!;
    expect(outside.lock).toBe('0');
  });

  it('shows no rows at all when no tenant is set', async () => {
    await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const count = await ctx.database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE saferhood_app`.execute(tx);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(tx)).rows[0]!.n;
    });
    expect(count).toBe(0);
  });

  it('refuses the application role any change to the audit log', async () => {
    const a = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    await expect(
      withTenant(ctx.database.db, a.tenant.id, (tx) => sql`UPDATE audit_log SET action = 'x.y' WHERE tenant_id = ${a.tenant.id}`.execute(tx)),
    ).rejects.toThrow();
    await expect(
      withTenant(ctx.database.db, a.tenant.id, (tx) => sql`DELETE FROM audit_log WHERE tenant_id = ${a.tenant.id}`.execute(tx)),
    ).rejects.toThrow();
  });
});
