import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../../src/db/scope';
import { recordAudit, verifyAuditChain } from '../../../src/modules/audit/index';
import { as, buildSignedIn } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A tenant whose admin created three users: a chain of sign-in + 3 creations. */
async function buildTenantWithHistory() {
  const signedIn = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
  for (const [index, name] of ['Anna', 'Béla', 'Cyril'].entries()) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as(signedIn.session),
      payload: { email: `person-${index}@example.test`, displayName: name, role: 'assistant', password: 'long enough password' },
    });
    expect(response.statusCode).toBe(201);
  }
  return signedIn;
}

/** Edits history as someone with database access would: triggers off for this transaction only. */
function tamper(statement: ReturnType<typeof sql>) {
  return withSystem(ctx.database.db, async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await statement.execute(tx);
  });
}

const verify = (tenantId: string) => withTenant(ctx.database.db, tenantId, (tx) => verifyAuditChain(tx));

describe('audit log', () => {
  it('records who did what with before and after, never the password hash', async () => {
    const { session, user } = await buildTenantWithHistory();
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) });
    expect(response.statusCode).toBe(200);
    const events = response.json().items;
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'user.create',
      'user.create',
      'user.create',
      'session.sign_in',
    ]);
    expect(events[0]).toMatchObject({ actorId: user.id, actorEmail: user.email, resourceType: 'user', before: null });
    expect(events[0].after).toMatchObject({ displayName: 'Cyril', role: 'assistant' });
    expect(JSON.stringify(events)).not.toMatch(/argon2|passwordHash|long enough password/);
  });

  it('keeps the before state of a change', async () => {
    const { session } = await buildTenantWithHistory();
    const users = (await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(session) })).json().items;
    const anna = users.find((u: { displayName: string }) => u.displayName === 'Anna');
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${anna.id}`,
      headers: as(session),
      payload: { role: 'supervisor', version: anna.version },
    });
    const [latest] = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=1', headers: as(session) })).json().items;
    expect(latest).toMatchObject({ action: 'user.update', before: { role: 'assistant' }, after: { role: 'supervisor', version: 2 } });
  });

  it('pages newest first with a cursor', async () => {
    const { session } = await buildTenantWithHistory();
    const first = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=3', headers: as(session) })).json();
    expect(first.items.map((e: { seq: number }) => e.seq)).toEqual([4, 3, 2]);
    expect(first.nextBeforeSeq).toBe(2);
    const second = (await ctx.app.inject({ method: 'GET', url: `/api/v1/audit-events?limit=3&beforeSeq=2`, headers: as(session) })).json();
    expect(second.items.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect(second.nextBeforeSeq).toBeNull();
  });

  it('verifies an intact chain, through the API too', async () => {
    const { tenant, session } = await buildTenantWithHistory();
    expect(await verify(tenant.id)).toEqual({ ok: true, checked: 4, firstBrokenSeq: null });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/audit-events/verify', headers: as(session) });
    expect(response.json()).toEqual({ ok: true, checked: 4, firstBrokenSeq: null });
  });

  it('verifies a chain longer than one read batch, in numeric order past entry 9', async () => {
    const { tenant } = await buildTenantWithHistory();
    await withTenant(ctx.database.db, tenant.id, async (tx) => {
      for (let i = 0; i < 8; i += 1) await recordAudit(tx, { action: 'test.event', resourceType: 'test', resourceId: String(i), actorId: null });
    });
    expect(await withTenant(ctx.database.db, tenant.id, (tx) => verifyAuditChain(tx, { batchSize: 5 }))).toEqual({
      ok: true,
      checked: 12,
      firstBrokenSeq: null,
    });
    await tamper(sql`UPDATE audit_log SET resource_id = 'changed' WHERE tenant_id = ${tenant.id} AND seq = 11`);
    expect(await withTenant(ctx.database.db, tenant.id, (tx) => verifyAuditChain(tx, { batchSize: 5 }))).toEqual({
      ok: false,
      checked: 10,
      firstBrokenSeq: 11,
    });
  });

  it('detects a row whose content was changed', async () => {
    const { tenant } = await buildTenantWithHistory();
    await tamper(sql`UPDATE audit_log SET after = '{"displayName": "Someone else"}' WHERE tenant_id = ${tenant.id} AND seq = 3`);
    expect(await verify(tenant.id)).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  it('detects a row whose content and hash were both rewritten', async () => {
    const { tenant } = await buildTenantWithHistory();
    await tamper(sql`
      UPDATE audit_log SET action = 'user.delete',
        hash = encode(sha256(convert_to(audit_hash_input(prev_hash, tenant_id, seq, at, actor_id, 'user.delete',
          resource_type, resource_id, before, after), 'UTF8')), 'hex')
      WHERE tenant_id = ${tenant.id} AND seq = 2`);
    // Row 2 now hashes correctly, but row 3 still points at row 2's old hash.
    expect(await verify(tenant.id)).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  it('detects a deleted row, in the middle and at the end', async () => {
    const middle = await buildTenantWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${middle.tenant.id} AND seq = 2`);
    expect(await verify(middle.tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 2 });

    const end = await buildTenantWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${end.tenant.id} AND seq = 4`);
    expect(await verify(end.tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('refuses updates and deletes even to the owning role', async () => {
    const { tenant } = await buildTenantWithHistory();
    await expect(
      withSystem(ctx.database.db, (tx) => sql`UPDATE audit_log SET action = 'x.y' WHERE tenant_id = ${tenant.id}`.execute(tx)),
    ).rejects.toThrow(/append-only/);
    await expect(
      withSystem(ctx.database.db, (tx) => sql`DELETE FROM audit_log WHERE tenant_id = ${tenant.id}`.execute(tx)),
    ).rejects.toThrow(/append-only/);
    expect((await verify(tenant.id)).ok).toBe(true);
  });

  it('lets only the admin read and verify the log', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/audit-events/verify', headers: as(session) })).statusCode).toBe(403);
  });
});
