import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { listAccessFor } from '../../../src/modules/audit/index';
import { as, buildSignedIn } from '../../support/factories';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';
import { buildFieldCity, newRecord, outside, putRecord } from './field-city';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const countRecords = (tenantId: string) =>
  withTenant(ctx.database.db, tenantId, async (tx) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM field_records`.execute(tx)).rows[0]!.n));

describe('field records', () => {
  it('stores a record once under concurrent repeats of the same PUT, all answered alike, placed in its locality', async () => {
    const city = await buildFieldCity(ctx);
    const { id, body } = newRecord({ note: 'Rušení nočního klidu u č. p. 12', urgent: true });
    const answers = await Promise.all(Array.from({ length: 8 }, () => putRecord(ctx, city.assistant.session, id, body)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ id, version: 1, status: 'submitted', localityId: city.localityId, urgent: true, assistantName: 'Asistent Horváth' });
    expect(await countRecords(city.tenant.id)).toBe(1);

    const away = newRecord({ location: outside });
    expect((await putRecord(ctx, city.assistant.session, away.id, away.body)).json().localityId).toBeNull();
  });

  it('updates with the version it was based on; a stale version is a 409 carrying the server’s record', async () => {
    const city = await buildFieldCity(ctx);
    const { id, body } = newRecord();
    await putRecord(ctx, city.assistant.session, id, body);
    const edit = await putRecord(ctx, city.assistant.session, id, { ...body, peopleCount: 5, baseVersion: 1 });
    expect(edit.json()).toMatchObject({ version: 2, peopleCount: 5 });
    // The same edit resent (its answer was lost) is a no-op with the same answer.
    const resent = await putRecord(ctx, city.assistant.session, id, { ...body, peopleCount: 5, baseVersion: 1 });
    expect(resent.statusCode).toBe(200);
    expect(resent.body).toBe(edit.body);
    // A different edit from the old version conflicts and changes nothing.
    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    const stale = await putRecord(ctx, city.assistant.session, id, { ...body, peopleCount: 9, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id, version: 2, peopleCount: 5 } });
    // So does a second "create" of the same id with other content.
    expect((await putRecord(ctx, city.assistant.session, id, { ...body, peopleCount: 7 })).statusCode).toBe(409);
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
  });

  it('refuses bad records with translated field errors and writes nothing', async () => {
    const city = await buildFieldCity(ctx);
    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ category: 'no_such_thing' }, 'category', 'unknown_category'],
      [{ category: 'hidden_crime_signal', note: 'Jan Novák půjčuje na lichvu' }, 'note', 'not_allowed_for_signal'],
      [{ category: 'hidden_crime_signal' }, 'signal', 'signal_required'],
      [{ shiftId: '0190a5c8-0000-7000-8000-000000000000' }, 'shiftId', 'not_your_shift'],
    ];
    for (const [overrides, field, code] of cases) {
      const { id, body } = newRecord(overrides);
      const answer = await ctx.app.inject({ method: 'PUT', url: `/api/v1/field-records/${id}`, headers: as(city.assistant.session, { 'accept-language': 'hu' }), payload: body });
      expect(answer.statusCode, code).toBe(400);
      const error = answer.json().errors.find((item: { field: string }) => item.field === field);
      expect(error, code).toMatchObject({ code });
      expect(error.message).not.toContain('validation.');
    }
    const { id, body } = newRecord({ location: { type: 'Point', coordinates: [200, 50] } });
    expect((await putRecord(ctx, city.assistant.session, id, body)).statusCode).toBe(400);
    expect((await putRecord(ctx, city.assistant.session, 'not-a-uuid', newRecord().body)).statusCode).toBe(400);
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
  });

  it('keeps records within their tenant and an assistant to their own', async () => {
    const city = await buildFieldCity(ctx);
    const other = await buildSignedIn(ctx.app, ctx.database.db, 'assistant');
    const { id, body } = newRecord();
    await putRecord(ctx, city.assistant.session, id, body);
    // Another tenant's assistant can neither read nor overwrite it (the same UUID is theirs to use).
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(other.session) })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records', headers: as(other.session) })).json().items).toEqual([]);
    // A colleague in the same city sees neither it nor may write it.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(city.otherAssistant.session) })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records', headers: as(city.otherAssistant.session) })).json().items).toEqual([]);
    expect((await putRecord(ctx, city.otherAssistant.session, id, { ...body, baseVersion: 1, note: 'x' })).statusCode).toBe(404);
    // The mentor and the coordinator see it; the evaluator sees only counts.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records', headers: as(city.mentor.session) })).json().items).toHaveLength(1);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records', headers: as(city.evaluator.session) })).statusCode).toBe(403);
    const summary = await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/summary?from=2026-11-01&to=2026-11-30&groupBy=category,locality', headers: as(city.evaluator.session) });
    expect(summary.json()).toEqual({ rows: [{ category: 'public_order', localityId: city.localityId, count: 1 }], total: 1 });
  });

  it('filters by time, locality and category, and row-level security hides other tenants’ records from unfiltered SQL', async () => {
    const city = await buildFieldCity(ctx);
    const other = await buildFieldCity(ctx);
    const rows = [
      newRecord({ occurredAt: '2026-10-31T23:30:00+01:00' }),
      newRecord({ occurredAt: '2026-11-01T00:30:00+01:00', category: 'referral' }),
      newRecord({ occurredAt: '2026-11-15T10:00:00+01:00', location: outside }),
    ];
    for (const { id, body } of rows) await putRecord(ctx, city.assistant.session, id, body);
    await putRecord(ctx, other.assistant.session, newRecord().id, newRecord().body);
    const list = async (query: string) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records?${query}`, headers: as(city.mentor.session) })).json().items.map((item: { id: string }) => item.id);
    // Dates are whole local days in the city's time zone (Europe/Prague).
    expect(await list('from=2026-11-01&to=2026-11-30')).toEqual([rows[2]!.id, rows[1]!.id]);
    expect(await list(`from=2026-10-01&to=2026-11-30&localityId=${city.localityId}`)).toEqual([rows[1]!.id, rows[0]!.id]);
    expect(await list('from=2026-10-01&to=2026-11-30&category=referral')).toEqual([rows[1]!.id]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records?from=yesterday', headers: as(city.mentor.session) })).statusCode).toBe(400);

    const seen = await withTenant(ctx.database.db, city.tenant.id, (tx) => sql<{ tenantId: string }>`SELECT tenant_id FROM field_records`.execute(tx));
    expect(seen.rows.map((row) => row.tenantId)).toEqual([city.tenant.id, city.tenant.id, city.tenant.id]);
  });

  it('sends a signal of hidden crime to the designated recipients only, access-logging every read', async () => {
    const city = await buildFieldCity(ctx);
    const settings = await ctx.app.inject({ method: 'PUT', url: '/api/v1/field-settings', headers: as(city.coordinator.session), payload: { signalSocialWorkerId: city.socialWorker.user.id } });
    expect(settings.statusCode).toBe(200);
    const { id, body } = newRecord({ category: 'hidden_crime_signal', urgent: true, signal: { kind: 'usury', contact: 'social_worker' }, peopleCount: 1 });
    const created = await putRecord(ctx, city.assistant.session, id, body);
    expect(created.json()).toMatchObject({ sensitivity: 'restricted', signal: { kind: 'usury', contact: 'social_worker' }, note: null });

    const notices = await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(city.socialWorker.session) });
    expect(notices.json()).toMatchObject({ unread: 1, items: [{ kind: 'signal', resourceId: id }] });
    const signals = await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/signals', headers: as(city.socialWorker.session) });
    expect(signals.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(city.socialWorker.session) })).statusCode).toBe(200);
    const reads = await withTenant(ctx.database.db, city.tenant.id, (tx) => listAccessFor(tx, 'field_record', id));
    expect(reads.filter((read) => read.userId === city.socialWorker.user.id).map((read) => read.purpose).sort()).toEqual(['read', 'signal_list']);

    // Not the coordinator, not another assistant, not the evaluator: for them it does not exist.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(city.coordinator.session) })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records', headers: as(city.coordinator.session) })).json().items).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(city.otherAssistant.session) })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/signals', headers: as(city.otherAssistant.session) })).json().items).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/signals', headers: as(city.evaluator.session) })).statusCode).toBe(403);
    // A social worker who is not designated sees nothing.
    const { session: stranger } = await (async () => {
      const { buildUser, signIn } = await import('../../support/factories');
      const user = await buildUser(ctx.database.db, city.tenant, { role: 'social_worker' });
      return { session: await signIn(ctx.app, city.tenant, user) };
    })();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/signals', headers: as(stranger) })).json().items).toEqual([]);
    // No photo can be attached to a signal.
    const photo = await ctx.app.inject({ method: 'PUT', url: `/api/v1/field-records/${id}/photo`, headers: as(city.assistant.session, { 'content-type': 'image/jpeg' }), payload: Buffer.from([0xff, 0xd8, 0xff]) });
    expect(photo.statusCode).toBe(400);
  });

  it('tells the mentor at once when an offender is held', async () => {
    const city = await buildFieldCity(ctx);
    const team = await ctx.app.inject({ method: 'POST', url: '/api/v1/field-teams', headers: as(city.mentor.session), payload: { name: 'Tým Jih', mentorId: city.mentor.user.id, memberIds: [city.assistant.user.id] } });
    expect(team.statusCode).toBe(201);
    const { id, body } = newRecord({ category: 'offender_held', urgent: true });
    await putRecord(ctx, city.assistant.session, id, body);
    const notices = await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(city.mentor.session) });
    expect(notices.json().items).toEqual([expect.objectContaining({ kind: 'offender_held', resourceId: id, readAt: null })]);
    const read = await ctx.app.inject({ method: 'POST', url: `/api/v1/notifications/${notices.json().items[0].id}/read`, headers: as(city.mentor.session) });
    expect(read.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(city.mentor.session) })).json().unread).toBe(0);
  });

  it('lets the mentor approve (locking it) or return a record; a correction is an amendment keeping the original', async () => {
    const city = await buildFieldCity(ctx);
    const first = newRecord();
    const second = newRecord({ category: 'resident_contact' });
    await putRecord(ctx, city.assistant.session, first.id, first.body);
    await putRecord(ctx, city.assistant.session, second.id, second.body);
    const queue = await ctx.app.inject({ method: 'GET', url: '/api/v1/field-records/review-queue', headers: as(city.mentor.session) });
    expect(queue.json().assistants).toEqual([{ assistantId: city.assistant.user.id, assistantName: 'Asistent Horváth', pending: 2, urgent: 0 }]);

    const review = (id: string, payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/field-records/${id}/review`, headers: as(city.mentor.session), payload });
    expect((await review(first.id, { decision: 'approve', version: 1 })).json()).toMatchObject({ status: 'approved', version: 2 });
    const returned = await review(second.id, { decision: 'return', comment: 'Doplňte počet osob.', version: 1 });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Doplňte počet osob.' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(city.assistant.session) })).json().items[0]).toMatchObject({ kind: 'record_returned', resourceId: second.id });
    // The assistant fixes the returned one: it goes back to the queue.
    const fixed = await putRecord(ctx, city.assistant.session, second.id, { ...second.body, peopleCount: 4, baseVersion: 2 });
    expect(fixed.json()).toMatchObject({ status: 'submitted', version: 3 });

    // The approved one is locked for the assistant…
    const locked = await putRecord(ctx, city.assistant.session, first.id, { ...first.body, peopleCount: 1, baseVersion: 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'record_locked', current: { status: 'approved' } });
    // …but a resend of the original create is still a harmless no-op.
    expect((await putRecord(ctx, city.assistant.session, first.id, first.body)).statusCode).toBe(200);
    // The mentor corrects it by an amendment; the original stays.
    const amended = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/field-records/${first.id}/amendments`,
      headers: as(city.mentor.session),
      payload: { changes: { peopleCount: 2 }, reason: 'Podle hlášení městské policie byly osoby dvě.', version: 2 },
    });
    expect(amended.json()).toMatchObject({ peopleCount: 2, status: 'approved', amendments: 1, version: 3 });
    const history = await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${first.id}/amendments`, headers: as(city.mentor.session) });
    expect(history.json().items).toEqual([expect.objectContaining({ before: { peopleCount: 3 }, after: { peopleCount: 2 }, reason: 'Podle hlášení městské policie byly osoby dvě.' })]);
    const audit = await withTenant(ctx.database.db, city.tenant.id, (tx) =>
      tx.selectFrom('auditLog').select('action').where('tenantId', '=', city.tenant.id).where('resourceId', '=', first.id).orderBy('id').execute(),
    );
    expect(audit.map((entry) => entry.action)).toEqual(['field_record.create', 'field_record.approve', 'field_record.amend']);
  });

  it('keeps one photo per record, idempotently, within the size limit', async () => {
    const city = await buildFieldCity(ctx);
    const { id, body } = newRecord({ category: 'cleanliness_hazards' });
    await putRecord(ctx, city.assistant.session, id, body);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]);
    const send = (payload: Buffer, type = 'image/jpeg') =>
      ctx.app.inject({ method: 'PUT', url: `/api/v1/field-records/${id}/photo`, headers: as(city.assistant.session, { 'content-type': type }), payload });
    expect((await send(jpeg)).statusCode).toBe(204);
    expect((await send(jpeg)).statusCode).toBe(204);
    expect((await send(Buffer.alloc(2 * 1024 * 1024 + 1, 1))).statusCode).toBe(413);
    expect((await send(jpeg, 'image/gif')).statusCode).toBe(415);
    const photo = await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}/photo`, headers: as(city.mentor.session) });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(jpeg)).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/field-records/${id}`, headers: as(city.assistant.session) })).json().hasPhoto).toBe(true);
  });

  it('serves the tenant’s categories with labels in the caller’s language', async () => {
    const city = await buildFieldCity(ctx);
    const categories = await ctx.app.inject({ method: 'GET', url: '/api/v1/field-record-categories', headers: as(city.assistant.session, { 'accept-language': 'hu' }) });
    expect(categories.json()).toHaveLength(15);
    expect(categories.json()[7]).toMatchObject({ code: 'hidden_crime_signal', sensitivity: 'restricted', icon: 'signal', label: expect.stringContaining('Rejtett') });
    const added = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/field-record-categories',
      headers: as(city.coordinator.session),
      payload: { code: 'graffiti', labels: { cs: 'Graffiti', hu: 'Graffiti', en: 'Graffiti' }, icon: 'waste' },
    });
    expect(added.statusCode).toBe(201);
    const off = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/field-record-categories/bar_checks', headers: as(city.coordinator.session), payload: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    const { id, body } = newRecord({ category: 'bar_checks' });
    expect((await putRecord(ctx, city.assistant.session, id, body)).json().errors[0]).toMatchObject({ field: 'category', code: 'unknown_category' });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/field-record-categories', headers: as(city.mentor.session), payload: { code: 'x', labels: { en: 'X' }, icon: 'other' } })).statusCode).toBe(403);
  });
});
