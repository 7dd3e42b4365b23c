import { ERROR_CODES } from '@saferhood/contracts';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantRow, UserRow } from '../../src/db/schema';
import { as, buildTenant, buildUser, signIn, type Session } from '../support/factories';
import { snapshotTenants } from '../support/snapshot';
import { createTestContext, type TestContext } from '../support/test-app';

/**
 * Bad input as a careless or hostile user sends it, generated rather than hand-picked: every write
 * endpoint gets bodies that break its zod schema in one way or another. Each must get a 4xx
 * problem+json with a catalogued code, never a 5xx, and leave the database exactly as it was.
 */

type FieldKind = { type: 'string'; max: number; constrained: boolean } | { type: 'number' } | { type: 'boolean' };

interface Endpoint {
  name: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  /** A valid body; mutations start from it. */
  valid: () => Record<string, unknown>;
  fields: Record<string, FieldKind & { required: boolean }>;
  session: () => Session | undefined;
}

const INJECTIONS = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '../../etc/passwd',
  '\u0000',
  'admin\' --',
];

let ctx: TestContext;
let tenant: TenantRow;
let admin: UserRow;
let target: UserRow;
let adminSession: Session;
let operatorSession: Session;
let tenantIds: string[];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await buildTenant(ctx.database.db);
  admin = await buildUser(ctx.database.db, tenant, { role: 'admin' });
  target = await buildUser(ctx.database.db, tenant, { role: 'assistant' });
  adminSession = await signIn(ctx.app, tenant, admin);
  const platform = await buildTenant(ctx.database.db);
  const operator = await buildUser(ctx.database.db, platform, { role: 'operator' });
  operatorSession = await signIn(ctx.app, platform, operator);
  tenantIds = [tenant.id, platform.id];
});
afterAll(() => ctx.close());

const text = (max: number, required = true) => ({ type: 'string' as const, max, constrained: false, required });
const coded = (max: number, required = true) => ({ type: 'string' as const, max, constrained: true, required });

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /auth/login',
    method: 'POST',
    url: () => '/api/v1/auth/login',
    valid: () => ({ tenant: tenant.slug, email: admin.email, password: 'whatever it is' }),
    fields: { tenant: text(40), email: text(254), password: text(200) },
    session: () => undefined,
  },
  {
    name: 'POST /users',
    method: 'POST',
    url: () => '/api/v1/users',
    valid: () => ({ email: 'new.person@example.test', displayName: 'New Person', role: 'assistant', password: 'a good long password' }),
    fields: { email: coded(254), displayName: text(200), role: coded(20), password: text(200), language: coded(3, false) },
    session: () => adminSession,
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    url: () => `/api/v1/users/${target.id}`,
    valid: () => ({ displayName: 'Renamed', role: 'supervisor', isDisabled: false, version: 1 }),
    fields: {
      displayName: text(200, false),
      role: coded(20, false),
      isDisabled: { type: 'boolean', required: false },
      version: { type: 'number', required: true },
    },
    session: () => adminSession,
  },
  {
    name: 'PATCH /me',
    method: 'PATCH',
    url: () => '/api/v1/me',
    valid: () => ({ displayName: 'Me Myself', language: 'hu' }),
    fields: { displayName: text(200, false), language: coded(3, false) },
    session: () => adminSession,
  },
  {
    name: 'POST /me/password',
    method: 'POST',
    url: () => '/api/v1/me/password',
    valid: () => ({ currentPassword: 'not the password', newPassword: 'a brand new password' }),
    fields: { currentPassword: text(200), newPassword: text(200) },
    session: () => adminSession,
  },
  {
    name: 'POST /tenants',
    method: 'POST',
    url: () => '/api/v1/tenants',
    valid: () => ({
      slug: 'new-city',
      name: 'New City',
      timeZone: 'Europe/Budapest',
      defaultLanguage: 'hu',
      currency: 'HUF',
      admin: { email: 'first.admin@example.test', displayName: 'First Admin', password: 'a good long password' },
    }),
    fields: { slug: coded(40), name: text(200), timeZone: coded(64), defaultLanguage: coded(3), currency: coded(3) },
    session: () => operatorSession,
  },
  {
    name: 'PATCH /tenants/:id',
    method: 'PATCH',
    url: () => `/api/v1/tenants/${tenant.id}`,
    valid: () => ({ name: 'Renamed City', version: 1 }),
    fields: { name: text(200, false), timeZone: coded(64, false), currency: coded(3, false), version: { type: 'number', required: true } },
    session: () => operatorSession,
  },
];

const anyJson = fc.jsonValue({ maxDepth: 2 });
const notObject = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.array(anyJson, { maxLength: 3 }));

function wrongTypeFor(kind: FieldKind): fc.Arbitrary<unknown> {
  const objectish = fc.oneof(fc.constant(null), fc.array(anyJson, { maxLength: 3 }), fc.dictionary(fc.string(), anyJson, { maxKeys: 3 }));
  if (kind.type === 'string') return fc.oneof(fc.integer(), fc.double(), fc.boolean(), objectish);
  if (kind.type === 'number') return fc.oneof(fc.string(), fc.boolean(), objectish, fc.double({ noInteger: true }));
  return fc.oneof(fc.string(), fc.integer(), objectish);
}

/** One body that breaks the schema, with a word on how. */
function invalidBody(endpoint: Endpoint): fc.Arbitrary<{ how: string; body: unknown }> {
  const names = Object.keys(endpoint.fields);
  const required = names.filter((name) => endpoint.fields[name]!.required);
  const strings = names.filter((name) => endpoint.fields[name]!.type === 'string');
  const constrained = strings.filter((name) => (endpoint.fields[name] as { constrained: boolean }).constrained);
  const withField = (name: string, value: unknown) => ({ ...endpoint.valid(), [name]: value });

  const options: fc.Arbitrary<{ how: string; body: unknown }>[] = [
    notObject.map((body) => ({ how: 'not an object', body })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !names.includes(key) && key !== '__proto__'), anyJson)
      .map(([key, value]) => ({ how: `unknown field ${key}`, body: withField(key, value) })),
    fc
      .constantFrom(...names)
      .chain((name) => wrongTypeFor(endpoint.fields[name]!).map((value) => ({ how: `wrong type for ${name}`, body: withField(name, value) }))),
    fc.constantFrom(...strings).chain((name) => {
      const { max } = endpoint.fields[name] as { max: number };
      return fc
        .integer({ min: max + 1, max: max + 20_000 })
        .map((length) => ({ how: `${name} of ${length} characters`, body: withField(name, 'x'.repeat(length)) }));
    }),
  ];
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((name) => {
        const body = endpoint.valid();
        delete body[name];
        return { how: `missing ${name}`, body };
      }),
    );
  }
  if (constrained.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...constrained), fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 5 }))
        .map(([name, injection, suffix]) => ({ how: `injection in ${name}`, body: withField(name, injection + suffix) })),
    );
  }
  return fc.oneof(...options);
}

async function send(endpoint: Endpoint, options: Partial<InjectOptions>) {
  const session = endpoint.session();
  return ctx.app.inject({
    method: endpoint.method,
    url: endpoint.url(),
    headers: { ...(session ? as(session) : {}), 'content-type': 'application/json', ...(options.headers ?? {}) },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
}

function expectRefused(response: Awaited<ReturnType<typeof send>>, how: string): void {
  expect(response.statusCode, `${how}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, how).toBeLessThan(500);
  expect(response.headers['content-type'], how).toContain('application/problem+json');
  const problem = response.json();
  expect(ERROR_CODES, how).toContain(problem.code);
  expect(problem.status).toBe(response.statusCode);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+|node_modules/);
}

describe.each(ENDPOINTS)('bad input to $name', (endpoint) => {
  it('gets a 4xx problem+json and changes nothing, whatever breaks the schema', async () => {
    const before = await snapshotTenants(ctx.database.db, tenantIds);
    await fc.assert(
      fc.asyncProperty(invalidBody(endpoint), async ({ how, body }) => {
        expectRefused(await send(endpoint, { payload: JSON.stringify(body) }), how);
      }),
      { numRuns: 60 },
    );
    expect(await snapshotTenants(ctx.database.db, tenantIds)).toBe(before);
  });

  it('answers malformed JSON, a huge body and a foreign content type with 4xx and changes nothing', async () => {
    const before = await snapshotTenants(ctx.database.db, tenantIds);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((raw) => {
          try {
            JSON.parse(raw);
            return false;
          } catch {
            return true;
          }
        }),
        async (raw) => expectRefused(await send(endpoint, { payload: raw }), `malformed ${raw}`),
      ),
      { numRuns: 30 },
    );
    const huge = JSON.stringify({ ...endpoint.valid(), padding: 'x'.repeat(300 * 1024) });
    const tooLarge = await send(endpoint, { payload: huge });
    expectRefused(tooLarge, 'huge body');
    expect(tooLarge.json().code).toBe('payload_too_large');
    const foreign = await send(endpoint, { payload: 'tenant=demo', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectRefused(foreign, 'form body');
    expect(foreign.json().code).toBe('unsupported_media_type');
    expect(await snapshotTenants(ctx.database.db, tenantIds)).toBe(before);
  });
});

describe('bad input in query strings and paths', () => {
  it('refuses malformed ids, unknown and out-of-range parameters with 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 60 }).map((id) => `/api/v1/users/${encodeURIComponent(id)}`),
          fc.constantFrom(...INJECTIONS).map((value) => `/api/v1/users?role=${encodeURIComponent(value)}`),
          fc.integer({ min: 201, max: 1e9 }).map((limit) => `/api/v1/audit-events?limit=${limit}`),
          fc.string({ minLength: 1, maxLength: 10 }).map((value) => `/api/v1/audit-events?limit=${encodeURIComponent(value)}x`),
          fc.constantFrom('sort', 'where', 'tenantId').map((key) => `/api/v1/users?${key}=1`),
        ),
        async (url) => {
          const response = await ctx.app.inject({ method: 'GET', url, headers: as(adminSession) });
          expectRefused(response, url);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('SQL and script fragments in free text', () => {
  it('are stored and returned verbatim, as text, never run', async () => {
    for (const [index, fragment] of INJECTIONS.filter((value) => value !== '\u0000').entries()) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: as(adminSession),
        payload: { email: `verbatim-${index}@example.test`, displayName: fragment, role: 'assistant', password: 'a good long password' },
      });
      expect(response.statusCode, fragment).toBe(201);
      expect(response.json().displayName).toBe(fragment.trim());
    }
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(adminSession) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(INJECTIONS.length);
  });
});
