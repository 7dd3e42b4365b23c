import type { Role } from '@saferhood/contracts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { withSystem, withTenant } from '../../src/db/scope';
import type { DB, TenantRow, UserRow } from '../../src/db/schema';
import { hashPassword } from '../../src/modules/auth/index';

export const TEST_PASSWORD = 'correct horse battery';
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh tenant, so each test sees only its own data even on a shared PostgreSQL. */
export async function buildTenant(db: Kysely<DB>, overrides: Partial<TenantRow> = {}): Promise<TenantRow> {
  const slug = `t-${unique()}`;
  return withSystem(db, (tx) =>
    tx
      .insertInto('tenants')
      .values({ id: uuidv7(), slug, name: `City ${slug}`, timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK', ...overrides })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

let passwordHash: Promise<string> | undefined;

export async function buildUser(
  db: Kysely<DB>,
  tenant: TenantRow,
  overrides: Partial<Omit<UserRow, 'role'>> & { role?: Role } = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return withTenant(db, tenant.id, async (tx) =>
    tx
      .insertInto('users')
      .values({
        tenantId: tenant.id,
        id: uuidv7(),
        email: `user-${unique()}@example.test`,
        displayName: 'Test User',
        role: 'admin',
        language: null,
        passwordHash: await passwordHash!,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API, as a browser would. */
export async function signIn(app: FastifyInstance, tenant: TenantRow, user: UserRow, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { tenant: tenant.slug, email: user.email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sh_session');
  return { cookie: `sh_session=${cookie!.value}`, csrfToken: response.json().csrfToken };
}

/** Headers of a signed-in browser request (cookie, CSRF token for writes). */
export function as(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...extra };
}

/** A tenant with a signed-in user of the given role. */
export async function buildSignedIn(app: FastifyInstance, db: Kysely<DB>, role: Role = 'admin') {
  const tenant = await buildTenant(db);
  const user = await buildUser(db, tenant, { role });
  const session = await signIn(app, tenant, user);
  return { tenant, user, session };
}
