import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { as, type Session } from '../../support/factories';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';
import { buildFieldCity, newRecord, putRecord } from './field-city';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const sendBatch = (session: Session, records: unknown[], headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/field-records/batch', headers: as(session, headers), payload: { records } });

const countRecords = (tenantId: string) =>
  withTenant(ctx.database.db, tenantId, async (tx) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM field_records`.execute(tx)).rows[0]!.n));

const auditActions = (tenantId: string, ids: string[]) =>
  withTenant(ctx.database.db, tenantId, async (tx) =>
    (await tx.selectFrom('auditLog').select(['action', 'resourceId']).where('resourceId', 'in', ids).execute()).map((entry) => `${entry.resourceId} ${entry.action}`).sort(),
  );

describe('field records in a batch', () => {
  it('answers each item of a mixed batch as its single PUT would: new, repeat, edit, stale, invalid, unknown category', async () => {
    const city = await buildFieldCity(ctx);
    const session = city.assistant.session;
    const stored = newRecord({ note: 'Uloženo dříve' });
    const edited = newRecord();
    const stale = newRecord();
    for (const { id, body } of [stored, edited, stale]) expect((await putRecord(ctx, session, id, body)).statusCode).toBe(200);
    await putRecord(ctx, session, stale.id, { ...stale.body, peopleCount: 8, baseVersion: 1 });
    const fresh = newRecord({ note: 'Nový záznam' });
    const unknown = newRecord({ category: 'no_such_thing' });
    const malformed = newRecord({ occurredAt: 'yesterday', colour: 'red' });

    const items = [
      { id: fresh.id, ...fresh.body },
      { id: stored.id, ...stored.body },
      { id: edited.id, ...edited.body, peopleCount: 4, baseVersion: 1 },
      { id: stale.id, ...stale.body, peopleCount: 9, baseVersion: 1 },
      { id: malformed.id, ...malformed.body },
      { id: unknown.id, ...unknown.body },
      { id: 'not-a-uuid', ...newRecord().body },
    ];
    const answer = await sendBatch(session, items, { 'accept-language': 'hu' });
    expect(answer.statusCode).toBe(200);
    const { results } = answer.json();
    expect(results.map((result: { id: string; status: number }) => [result.id, result.status])).toEqual([
      [fresh.id, 200],
      [stored.id, 200],
      [edited.id, 200],
      [stale.id, 409],
      [malformed.id, 400],
      [unknown.id, 400],
      ['not-a-uuid', 400],
    ]);

    // Each answer is the very answer of the single PUT, sent now (each of these is a repeat or a refusal).
    for (const [index, item] of items.entries()) {
      const { id, ...body } = item;
      const single = await ctx.app.inject({ method: 'PUT', url: `/api/v1/field-records/${id}`, headers: as(session, { 'accept-language': 'hu' }), payload: body });
      expect(single.statusCode, id).toBe(results[index].status);
      expect(results[index].record ?? results[index].problem, id).toEqual(single.json());
    }
    expect(results[0].record).toMatchObject({ id: fresh.id, version: 1, note: 'Nový záznam', localityId: city.localityId, assistantName: 'Asistent Horváth', hasPhoto: false });
    expect(results[2].record).toMatchObject({ version: 2, peopleCount: 4 });
    // A stale version is a conflict carrying the server's record; a bad item is its own translated problem.
    expect(results[3].problem).toMatchObject({ code: 'version_conflict', status: 409, current: { id: stale.id, version: 2, peopleCount: 8 } });
    expect(results[4].problem.errors.map((error: { field: string; code: string }) => `${error.field} ${error.code}`).sort()).toEqual(['colour unrecognized_key', 'occurredAt invalid_format']);
    expect(results[5].problem).toMatchObject({ code: 'validation_failed', errors: [{ field: 'category', code: 'unknown_category' }] });
    expect(results[5].problem.errors[0].message).not.toContain('validation.');
    expect(results[5].problem.instance).toBe(`/api/v1/field-records/${unknown.id}`);

    // Stored once each, audited as the PUT audits them; the refused ones left no trace.
    expect(await countRecords(city.tenant.id)).toBe(4);
    expect(await auditActions(city.tenant.id, [fresh.id, stored.id, edited.id, stale.id, unknown.id, malformed.id])).toEqual(
      [
        `${fresh.id} field_record.create`,
        `${stored.id} field_record.create`,
        `${edited.id} field_record.create`,
        `${edited.id} field_record.update`,
        `${stale.id} field_record.create`,
        `${stale.id} field_record.update`,
      ].sort(),
    );
  });

  it('stores nothing when the same batch comes again (its answer was lost)', async () => {
    const city = await buildFieldCity(ctx);
    const records = Array.from({ length: 30 }, () => newRecord()).map(({ id, body }) => ({ id, ...body }));
    const first = await sendBatch(city.assistant.session, records);
    expect(first.json().results.every((result: { status: number }) => result.status === 200)).toBe(true);
    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    const again = await sendBatch(city.assistant.session, records);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
    expect(await countRecords(city.tenant.id)).toBe(30);
  });

  it('refuses more than 100 items whole with 422, and an empty batch, storing nothing', async () => {
    const city = await buildFieldCity(ctx);
    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    const records = Array.from({ length: 101 }, () => newRecord()).map(({ id, body }) => ({ id, ...body }));
    const tooMany = await sendBatch(city.assistant.session, records, { 'accept-language': 'cs' });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(tooMany.json()).toMatchObject({ code: 'batch_too_large' });
    expect(tooMany.json().detail).not.toContain('errors.');
    expect((await sendBatch(city.assistant.session, [])).statusCode).toBe(400);
    expect((await sendBatch(city.assistant.session, [{ category: 'public_order' }])).statusCode).toBe(400);
    expect(await countRecords(city.tenant.id)).toBe(0);
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
    // A hundred is fine.
    const hundred = await sendBatch(city.assistant.session, records.slice(0, 100));
    expect(hundred.json().results.filter((result: { status: number }) => result.status === 200)).toHaveLength(100);
  });

  it('keeps to the caller’s tenant and own records, with the PUT’s permission', async () => {
    const city = await buildFieldCity(ctx);
    const other = await buildFieldCity(ctx);
    const mine = newRecord();
    await putRecord(ctx, city.assistant.session, mine.id, mine.body);
    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    // Another city's assistant cannot edit it (404, as the PUT answers); the same UUID as a create is theirs to use.
    const answer = await sendBatch(other.assistant.session, [
      { id: mine.id, ...mine.body, note: 'cizí', baseVersion: 1 },
      { id: mine.id, ...mine.body },
    ]);
    expect(answer.json().results.map((result: { status: number }) => result.status)).toEqual([404, 200]);
    expect(answer.json().results[0].problem).toMatchObject({ code: 'not_found' });
    expect(answer.json().results[1].record.assistantId).toBe(other.assistant.user.id);
    // A colleague in the same city may not write it either.
    const colleague = await sendBatch(city.otherAssistant.session, [{ id: mine.id, ...mine.body, note: 'x', baseVersion: 1 }]);
    expect(colleague.json().results[0]).toMatchObject({ status: 404, problem: { code: 'not_found' } });
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
    // Roles without field_record:write are refused at the door; so is a request without the CSRF token.
    expect((await sendBatch(city.evaluator.session, [{ id: mine.id, ...mine.body }])).statusCode).toBe(403);
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/field-records/batch',
      headers: { cookie: city.assistant.session.cookie },
      payload: { records: [{ id: mine.id, ...mine.body }] },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
