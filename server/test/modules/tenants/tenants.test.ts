import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { sealAuditTrail } from '../../../src/jobs/seal-audit';
import { verifyAuditChain } from '../../../src/modules/audit/index';
import { as, buildSignedIn } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const city = () => ({
  slug: `kapuvar-${Math.random().toString(36).slice(2, 8)}`,
  name: 'Kapuvár',
  timeZone: 'Europe/Budapest',
  defaultLanguage: 'hu',
  currency: 'HUF',
  admin: { email: 'jegyzo@kapuvar.example', displayName: 'Kovács Éva', password: 'hosszú jelszó 2026' },
});

describe('tenants', () => {
  it('lets the platform operator open a city with its first admin, audited in the city’s own chain', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'operator');
    const input = city();
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: input });
    expect(created.statusCode).toBe(201);
    const { admin, ...settings } = input;
    expect(created.json()).toMatchObject({ ...settings, isPlatform: false, version: 1 });
    expect(created.json()).not.toHaveProperty('admin');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/tenants', headers: as(session) });
    expect(list.json().items.map((t: { slug: string }) => t.slug)).toContain(input.slug);
    await sealAuditTrail(ctx.database.db, { anchorFile: null });
    const verdict = await withTenant(ctx.database.db, created.json().id, (tx) => verifyAuditChain(tx));
    expect(verdict).toMatchObject({ ok: true, checked: 2, firstBrokenSeq: null });
    const adminSignIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: input.slug, email: admin.email, password: admin.password },
    });
    expect(adminSignIn.statusCode).toBe(200);
    expect(adminSignIn.json()).toMatchObject({ user: { role: 'admin', displayName: 'Kovács Éva' }, language: 'hu' });
  });

  it('refuses a taken or reserved slug, an unknown time zone and a language without a catalogue', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'operator');
    const input = city();
    await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: input });
    const taken = await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: input });
    expect(taken.json().code).toBe('slug_taken');
    const reserved = await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: { ...city(), slug: 'platform' } });
    expect(reserved.json().code).toBe('slug_taken');
    const zone = await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: { ...city(), timeZone: 'Mars/Olympus' } });
    expect(zone.json().errors).toEqual([expect.objectContaining({ field: 'timeZone', code: 'not_supported' })]);
    const language = await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: { ...city(), defaultLanguage: 'de' } });
    expect(language.json().errors).toEqual([expect.objectContaining({ field: 'defaultLanguage', code: 'not_supported' })]);
  });

  it('updates a tenant at its version and refuses a stale one', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'operator');
    const created = (await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: city() })).json();
    const renamed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/tenants/${created.id}`,
      headers: as(session),
      payload: { name: 'Kapuvár város', version: 1 },
    });
    expect(renamed.json()).toMatchObject({ name: 'Kapuvár város', version: 2 });
    const stale = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/tenants/${created.id}`, headers: as(session), payload: { name: 'X', version: 1 } });
    expect(stale.json().code).toBe('version_conflict');
  });

  it('keeps tenant management from every city role', async () => {
    for (const role of ['admin', 'coordinator'] as const) {
      const { session } = await buildSignedIn(ctx.app, ctx.database.db, role);
      expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/tenants', headers: as(session) })).statusCode).toBe(403);
      expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/tenants', headers: as(session), payload: city() })).statusCode).toBe(403);
    }
  });
});
