import type { Role } from '@saferhood/contracts';
import { expect } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { as, buildTenant, buildUser, signIn, type Session } from '../../support/factories';
import type { TestContext } from '../../support/test-app';

/** A city for field-work tests: one person per role needed, each signed in, and one locality. */
export async function buildFieldCity(ctx: TestContext) {
  const tenant = await buildTenant(ctx.database.db);
  const person = async (role: Role, displayName: string) => {
    const user = await buildUser(ctx.database.db, tenant, { role, displayName });
    return { user, session: await signIn(ctx.app, tenant, user) };
  };
  const city = {
    tenant,
    coordinator: await person('coordinator', 'Koordinátorka Nováková'),
    mentor: await person('supervisor', 'Mentor Dvořák'),
    assistant: await person('assistant', 'Asistent Horváth'),
    otherAssistant: await person('assistant', 'Asistentka Lakatošová'),
    socialWorker: await person('social_worker', 'Sociální pracovnice Černá'),
    evaluator: await person('evaluator', 'Hodnotitel Kovács'),
  };
  const locality = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/localities',
    headers: as(city.coordinator.session),
    payload: { name: 'Sokolská', kind: 'socially_excluded', boundary: { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.5, 50.1], [14.4, 50.1], [14.4, 50]]] } },
  });
  expect(locality.statusCode).toBe(201);
  return { ...city, localityId: locality.json().id as string };
}

export type FieldCity = Awaited<ReturnType<typeof buildFieldCity>>;

export const inLocality = { type: 'Point' as const, coordinates: [14.45, 50.05] };
export const outside = { type: 'Point' as const, coordinates: [16.6, 49.2] };

export function putRecord(ctx: TestContext, session: Session, id: string, body: Record<string, unknown>) {
  return ctx.app.inject({ method: 'PUT', url: `/api/v1/field-records/${id}`, headers: as(session), payload: body });
}

export function newRecord(overrides: Record<string, unknown> = {}) {
  return { id: uuidv7(), body: { category: 'public_order', occurredAt: '2026-11-20T09:15:00+01:00', location: inLocality, peopleCount: 3, ...overrides } };
}
