import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '@saferhood/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../../src/db/scope';
import { listAccessFor, recordAudit, type AuditEntry } from '../../../src/modules/audit/index';
import { listAuditPage } from '../../../src/modules/audit/audit.service';
import { as, buildUser, signIn } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';
import { buildFieldCity, newRecord, putRecord, type FieldCity } from '../field-work/field-city';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A field city with a signal of hidden crime and an ordinary record with a note, both in the audit log. */
async function buildCityWithSignal() {
  const city = await buildFieldCity(ctx);
  await ctx.app.inject({ method: 'PUT', url: '/api/v1/field-settings', headers: as(city.coordinator.session), payload: { signalSocialWorkerId: city.socialWorker.user.id } });
  const signal = newRecord({ category: 'hidden_crime_signal', signal: { kind: 'usury', contact: 'social_worker' }, peopleCount: 1 });
  expect((await putRecord(ctx, city.assistant.session, signal.id, signal.body)).statusCode).toBe(200);
  const noted = newRecord({ note: 'Paní Horáková z č. p. 12 hlásí lichváře' });
  expect((await putRecord(ctx, city.assistant.session, noted.id, noted.body)).statusCode).toBe(200);
  const adminUser = await buildUser(ctx.database.db, city.tenant, { role: 'admin' });
  const admin = { user: adminUser, session: await signIn(ctx.app, city.tenant, adminUser) };
  return { ...city, admin, signalId: signal.id, notedId: noted.id };
}

const accessOf = (city: FieldCity, recordId: string) => withTenant(ctx.database.db, city.tenant.id, (tx) => listAccessFor(tx, 'field_record', recordId));

describe('restricted data in the audit log', () => {
  it('withholds signals of hidden crime and record notes from the admin, with a marker', async () => {
    const city = await buildCityWithSignal();
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(city.admin.session) });
    expect(response.statusCode).toBe(200);
    const records = response.json().items.filter((event: { resourceType: string }) => event.resourceType === 'field_record');
    expect(records.map((event: { resourceId: string }) => event.resourceId).sort()).toEqual([city.signalId, city.notedId].sort());
    for (const event of records) expect(event).toMatchObject({ action: 'field_record.create', before: null, after: null, payload: 'withheld' });
    expect(response.body).not.toMatch(/usury|signalKind|Horáková|lichvář/);
    // Nothing restricted was shown, so nothing is access-logged for the admin.
    expect((await accessOf(city, city.signalId)).filter((read) => read.userId === city.admin.user.id)).toEqual([]);
    // Other payloads are still shown.
    const categories = response.json().items.find((event: { action: string }) => event.action === 'field_settings.update');
    expect(categories).toMatchObject({ payload: 'shown', after: { signalSocialWorkerId: city.socialWorker.user.id } });
  });

  it('shows them to a role that may read restricted records, access-logging each one shown', async () => {
    const city = await buildCityWithSignal();
    const page = await withTenant(ctx.database.db, city.tenant.id, (tx) => listAuditPage(tx, { userId: city.mentor.user.id, role: 'supervisor' }, { limit: 50 }));
    const signal = page.items.find((event) => event.resourceId === city.signalId)!;
    expect(signal).toMatchObject({ payload: 'shown', after: expect.objectContaining({ signalKind: 'usury' }) });
    expect((await accessOf(city, city.signalId)).filter((read) => read.userId === city.mentor.user.id).map((read) => read.purpose)).toEqual(['audit_read']);
  });
});

describe('access log', () => {
  it('keeps the access-log row of a restricted record a 409 answer carries (stale review, record locked)', async () => {
    const city = await buildCityWithSignal();
    const review = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/field-records/${city.signalId}/review`, headers: as(city.mentor.session), payload });
    const stale = await review({ decision: 'approve', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id: city.signalId, signal: { kind: 'usury' } } });
    expect((await accessOf(city, city.signalId)).filter((read) => read.userId === city.mentor.user.id).map((read) => read.purpose)).toEqual(['review']);

    expect((await review({ decision: 'approve', version: 1 })).statusCode).toBe(200);
    const locked = await review({ decision: 'approve', version: 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'record_locked', current: { signal: { kind: 'usury' } } });
    expect((await accessOf(city, city.signalId)).filter((read) => read.userId === city.mentor.user.id).map((read) => read.purpose)).toEqual(['review', 'review', 'review']);

    const amend = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/field-records/${city.signalId}/amendments`,
      headers: as(city.mentor.session),
      payload: { changes: { peopleCount: 2 }, reason: 'Oprava počtu osob.', version: 1 },
    });
    expect(amend.statusCode).toBe(409);
    expect((await accessOf(city, city.signalId)).filter((read) => read.purpose === 'amend')).toHaveLength(1);
  });

  it('cannot be emptied, not even by the owner', async () => {
    await expect(withSystem(ctx.database.db, (tx) => sql`TRUNCATE access_log`.execute(tx))).rejects.toThrow(/append-only/);
  });
});

describe('the catalogue of audit actions', () => {
  it('holds every action the server writes', async () => {
    const root = join(import.meta.dirname, '../../../src');
    const files = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.ts'));
    const found = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      for (const match of text.matchAll(/action:\s*'([a-z_]+\.[a-z_.]+)'/g)) found.add(match[1]!);
      // Computed ones: `shift.check_${which}` etc. are typed against the catalogue, so tsc checks them.
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((action) => !(action in AUDIT_ACTIONS))).toEqual([]);
  });

  it('refuses an action outside it, rolling the write back', async () => {
    const city = await buildFieldCity(ctx);
    const unknown = { action: 'case.reopen', resourceType: 'case', resourceId: 'x', actorId: null } as unknown as AuditEntry;
    await expect(withTenant(ctx.database.db, city.tenant.id, (tx) => recordAudit(tx, unknown))).rejects.toThrow(/not in the catalogue/);
  });

  it('says for each action what it records and what its payload may hold', () => {
    for (const [action, info] of Object.entries(AUDIT_ACTIONS)) {
      expect(action.startsWith(`${info.resourceType}.`) || action.startsWith('audit.') || info.resourceType === 'user', action).toBe(true);
      expect(info.records.length, action).toBeGreaterThan(10);
    }
  });
});
