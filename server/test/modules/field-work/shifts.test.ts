import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/scope';
import { as } from '../../support/factories';
import { snapshotTenants } from '../../support/snapshot';
import { createTestContext, type TestContext } from '../../support/test-app';
import { buildFieldCity, newRecord, putRecord, type FieldCity } from './field-city';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const plan = (city: FieldCity, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/shifts', headers: as(city.mentor.session, { 'accept-language': 'cs' }), payload });

const crossingShift = (city: FieldCity, overrides: Record<string, unknown> = {}) => ({
  date: '2026-11-23',
  start: '07:30',
  end: '08:00',
  dutyType: 'school_crossing',
  assistantIds: [city.assistant.user.id],
  localityIds: [city.localityId],
  ...overrides,
});

describe('shifts', () => {
  it('plans a shift in the city’s time zone and refuses to double-book an assistant, saying who and when', async () => {
    const city = await buildFieldCity(ctx);
    const created = await plan(city, crossingShift(city));
    expect(created.statusCode).toBe(201);
    // 07:30 in Prague in November is 06:30 UTC.
    expect(created.json()).toMatchObject({ date: '2026-11-23', start: '07:30', end: '08:00', startsAt: '2026-11-23T06:30:00.000Z', assistants: [{ name: 'Asistent Horváth', checkedInAt: null }] });

    const before = await snapshotTenants(ctx.database.db, [city.tenant.id]);
    const clash = await plan(city, crossingShift(city, { start: '07:45', end: '09:00', assistantIds: [city.otherAssistant.user.id, city.assistant.user.id] }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'shift_overlap', errors: [{ field: 'assistantIds', code: 'overlaps_shift', message: 'Asistent Horváth už má směnu 2026-11-23 07:30–08:00.' }] });
    expect(await snapshotTenants(ctx.database.db, [city.tenant.id])).toBe(before);
    // Back to back is fine, and so is a night patrol past midnight.
    expect((await plan(city, crossingShift(city, { start: '08:00', end: '09:00' }))).statusCode).toBe(201);
    const night = await plan(city, crossingShift(city, { start: '22:00', end: '02:00', dutyType: 'locality_patrol' }));
    expect(night.json()).toMatchObject({ endsAt: '2026-11-24T01:00:00.000Z' });
  });

  it('refuses people who are not assistants and places that do not exist', async () => {
    const city = await buildFieldCity(ctx);
    const answer = await plan(city, crossingShift(city, { assistantIds: [city.mentor.user.id], placeIds: ['0190a5c8-0000-7000-8000-000000000000'] }));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ['assistantIds.0', 'not_an_assistant'],
      ['placeIds.0', 'unknown_reference'],
    ]);
  });

  it('expands “every school day 07:30–08:00” into shifts, skipping holidays, all or none', async () => {
    const city = await buildFieldCity(ctx);
    const series = { from: '2026-12-14', to: '2026-12-27', weekdays: [1, 2, 3, 4, 5], skipDates: ['2026-12-24', '2026-12-25'], ...crossingShift(city) };
    delete (series as Record<string, unknown>).date;
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/shift-series', headers: as(city.mentor.session), payload: series });
    expect(created.statusCode).toBe(201);
    expect(created.json().created).toBe(8);
    expect(created.json().shifts.map((shift: { date: string }) => shift.date)).toEqual([
      '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-21', '2026-12-22', '2026-12-23',
    ]);
    // The same pattern again clashes on every day: nothing is written.
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/shift-series', headers: as(city.mentor.session), payload: series });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toHaveLength(8);
    const week = await ctx.app.inject({ method: 'GET', url: `/api/v1/shifts?from=2026-12-14&to=2026-12-20&assistantId=${city.assistant.user.id}`, headers: as(city.mentor.session) });
    expect(week.json().items).toHaveLength(5);
  });

  it('shows an assistant only their own shifts; check-in is idempotent; changes after the start are flagged', async () => {
    const city = await buildFieldCity(ctx);
    const mine = (await plan(city, crossingShift(city))).json();
    await plan(city, crossingShift(city, { assistantIds: [city.otherAssistant.user.id] }));
    const seen = await ctx.app.inject({ method: 'GET', url: '/api/v1/shifts?from=2026-11-23&to=2026-11-29', headers: as(city.assistant.session) });
    expect(seen.json().items.map((shift: { id: string }) => shift.id)).toEqual([mine.id]);
    const today = await ctx.app.inject({ method: 'GET', url: '/api/v1/field/today?date=2026-11-23', headers: as(city.assistant.session) });
    expect(today.json()).toMatchObject({ date: '2026-11-23', shifts: [{ id: mine.id }], gpsCheckIn: true });
    expect(today.json().categories).toHaveLength(15);

    const checkIn = (at: string, session = city.assistant.session) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/shifts/${mine.id}/check-in`, headers: as(session), payload: { at, location: { type: 'Point', coordinates: [14.45, 50.05] } } });
    expect((await checkIn('2026-11-23T07:28:00+01:00')).json().assistants[0].checkedInAt).toBe('2026-11-23T06:28:00.000Z');
    expect((await checkIn('2026-11-23T07:40:00+01:00')).json().assistants[0].checkedInAt).toBe('2026-11-23T06:28:00.000Z');
    expect((await checkIn('2026-11-23T07:40:00+01:00', city.otherAssistant.session)).statusCode).toBe(404);

    // A record made on the shift names it; a shift that is not theirs is refused.
    const { id, body } = newRecord({ shiftId: mine.id });
    expect((await putRecord(ctx, city.assistant.session, id, body)).json().shiftId).toBe(mine.id);
    expect((await putRecord(ctx, city.otherAssistant.session, newRecord().id, body)).statusCode).toBe(400);

    const changed = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/shifts/${mine.id}`, headers: as(city.mentor.session), payload: { end: '08:15', version: 1 } });
    expect(changed.json()).toMatchObject({ end: '08:15', version: 2 });
    const stale = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/shifts/${mine.id}`, headers: as(city.mentor.session), payload: { end: '08:30', version: 1 } });
    expect(stale.statusCode).toBe(409);
    const actions = await withTenant(ctx.database.db, city.tenant.id, (tx) =>
      tx.selectFrom('auditLog').select('action').where('tenantId', '=', city.tenant.id).where('resourceId', '=', mine.id).orderBy('id').execute(),
    );
    expect(actions.map((entry) => entry.action)).toEqual(['shift.create', 'shift.check_in', 'shift.update_after_start']);
    // Assistants do not plan.
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/shifts', headers: as(city.assistant.session), payload: crossingShift(city) })).statusCode).toBe(403);
  });

  it('forms teams with a mentor and shows a team’s week', async () => {
    const city = await buildFieldCity(ctx);
    const team = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/field-teams',
      headers: as(city.mentor.session),
      payload: { name: 'Tým Sever', mentorId: city.mentor.user.id, memberIds: [city.otherAssistant.user.id] },
    });
    expect(team.statusCode).toBe(201);
    await plan(city, crossingShift(city));
    await plan(city, crossingShift(city, { assistantIds: [city.otherAssistant.user.id] }));
    const week = await ctx.app.inject({ method: 'GET', url: `/api/v1/shifts?from=2026-11-23&to=2026-11-29&teamId=${team.json().id}`, headers: as(city.mentor.session) });
    expect(week.json().items.map((shift: { assistants: { name: string }[] }) => shift.assistants[0]!.name)).toEqual(['Asistentka Lakatošová']);
    const staff = await ctx.app.inject({ method: 'GET', url: '/api/v1/field-staff', headers: as(city.mentor.session) });
    expect(staff.json().items.map((person: { name: string; role: string }) => `${person.role}:${person.name}`)).toEqual([
      'assistant:Asistent Horváth',
      'assistant:Asistentka Lakatošová',
      'supervisor:Mentor Dvořák',
      'social_worker:Sociální pracovnice Černá',
    ]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/field-staff', headers: as(city.assistant.session) })).statusCode).toBe(403);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/field-teams', headers: as(city.mentor.session), payload: { name: 'X', mentorId: city.assistant.user.id } });
    expect(bad.statusCode).toBe(400);
  });
});
