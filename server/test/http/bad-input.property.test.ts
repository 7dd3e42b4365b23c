import { canSome, ERROR_CODES, ROLES, type Permission, type Role } from '@saferhood/contracts';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import type { TenantRow } from '../../src/db/schema';
import { as, buildTenant, buildUser, signIn, type Session } from '../support/factories';
import { snapshotTenants } from '../support/snapshot';
import { createTestContext, testConfig, type TestContext } from '../support/test-app';

/**
 * Bad input as a careless or hostile user sends it, generated rather than hand-picked: every write
 * route the app registers gets bodies and path parameters generated from its own zod schemas, each
 * checked to break that schema, plus malformed, huge and foreign bodies. Each must get a 4xx
 * problem+json with a catalogued code, never a 5xx, and leave the database exactly as it was.
 */

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

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
let adminSession: Session;
let tenantIds: string[];
/** A signed-in user of every role (the operator in a platform tenant of its own). */
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await buildTenant(ctx.database.db);
  const platform = await buildTenant(ctx.database.db);
  for (const role of ROLES) {
    const user = await buildUser(ctx.database.db, role === 'operator' ? platform : tenant, { role });
    sessions.set(role, await signIn(ctx.app, role === 'operator' ? platform : tenant, user));
  }
  adminSession = sessions.get('admin')!;
  tenantIds = [tenant.id, platform.id];
});
afterAll(() => ctx.close());

/**
 * Every write route of the API as the app registered it, with its zod schemas: a route added tomorrow
 * is covered without an edit here. (Building the app touches no database.)
 */
const WRITE_ROUTES = await (async () => {
  const app = await buildApp({ config: testConfig(), database: {} as Database });
  await app.ready();
  const routes = app.declaredRoutes.filter((route) => WRITE_METHODS.includes(route.method) && route.url.startsWith('/api/v1/'));
  await app.close();
  return routes.map((route) => ({ ...route, name: `${route.method} ${route.url.slice('/api/v1'.length)}` }));
})();

type WriteRoute = (typeof WRITE_ROUTES)[number];
type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  additionalProperties?: boolean | JsonSchema;
};

const zodOf = (route: WriteRoute, part: 'body' | 'params' | 'querystring') =>
  (route.schema as Record<string, z.ZodType | undefined> | undefined)?.[part];
const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
/** Routes that take a file (multipart, an image) rather than JSON. */
const takesUpload = (route: WriteRoute) => Array.isArray((route.schema as { consumes?: unknown } | undefined)?.consumes);

/** A value the JSON Schema (from the route's zod schema) describes: the base that mutations start from. */
function example(schema: JsonSchema | boolean, seed: number): unknown {
  // `true`/`false` schemas (e.g. no items after a tuple's prefixItems).
  if (typeof schema !== 'object') return null;
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return example(branches.find((branch) => branch.type !== 'null') ?? branches[0]!, seed);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.sample(fc.uuid({ version: 4 }), { numRuns: 1, seed })[0];
      if (schema.format === 'date') return '2026-07-01';
      if (schema.format === 'date-time') return '2026-07-01T10:00:00Z';
      if (schema.format === 'email') return `someone.${seed}@example.test`;
      if (typeof schema.pattern === 'string') {
        const pattern = new RegExp(schema.pattern);
        const max = (schema.maxLength as number | undefined) ?? 200;
        return fc.sample(fc.stringMatching(pattern).filter((value) => value.length <= max), { numRuns: 1, seed })[0];
      }
      return 'x'.repeat(Math.max(1, (schema.minLength as number | undefined) ?? 1)) + 'a good long text'.slice(0, Math.max(0, ((schema.maxLength as number | undefined) ?? 16) - 1));
    }
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const prefix = (schema.prefixItems ?? []).map((item) => example(item, seed));
      const count = Math.max((schema.minItems as number | undefined) ?? 0, prefix.length);
      return [...prefix, ...Array.from({ length: count - prefix.length }, () => example(schema.items ?? {}, seed))];
    }
    case 'object': {
      if (!schema.properties && typeof schema.additionalProperties === 'object') return { en: example(schema.additionalProperties, seed) };
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, example(value, seed)]));
    }
    default:
      return 'x';
  }
}

/** Every property of an object schema (nested up to three levels), with its schema and whether it is required. */
function fieldsOf(schema: JsonSchema, path: string[] = []): { path: string[]; schema: JsonSchema; required: boolean }[] {
  if (path.length >= 3 || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, child]) => [
    { path: [...path, key], schema: child, required: schema.required?.includes(key) ?? false },
    ...fieldsOf(child, [...path, key]),
  ]);
}

function withValueAt(base: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (remove) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const notObject = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.array(anyJson, { maxLength: 3 }));
const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, -1, 0, 2 ** 53),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...INJECTIONS),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 3 }),
);

/** A value that may break the field's schema (the caller keeps only those that do). */
function badValueFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [anyValue];
  const maxLength = schema.maxLength as number | undefined;
  if (maxLength !== undefined) options.push(fc.integer({ min: maxLength + 1, max: maxLength + 20_000 }).map((length) => 'x'.repeat(length)));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) options.push(fc.constant('x'.repeat(schema.minLength - 1)));
  if (typeof schema.maximum === 'number') options.push(fc.double({ min: schema.maximum, noNaN: true }).map((n) => n + 1));
  if (typeof schema.minimum === 'number') options.push(fc.double({ max: schema.minimum, noNaN: true }).map((n) => n - 1));
  if (typeof schema.maxItems === 'number') options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => example(schema.items ?? {}, 1))));
  return fc.oneof(...options);
}

/** Sent as JSON, so compare what the server will see. */
const asSent = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const breaks = (schema: z.ZodType | undefined, value: unknown) => schema !== undefined && !schema.safeParse(asSent(value)).success;

/** One body that breaks the route's body schema — checked against that zod schema itself — with a word on how. */
function invalidBody(route: WriteRoute, body: z.ZodType): fc.Arbitrary<{ how: string; body: unknown }> {
  const json = jsonSchemaOf(body);
  const base = example(json, 42);
  const fields = fieldsOf(json);
  const options: fc.Arbitrary<{ how: string; body: unknown }>[] = [notObject.map((value) => ({ how: 'not an object', body: value }))];
  if (json.additionalProperties === false) {
    options.push(
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !(key in (json.properties ?? {})) && key !== '__proto__'), anyJson)
        .map(([key, value]) => ({ how: `unknown field ${key}`, body: { ...(base as object), [key]: value } })),
    );
  }
  if (fields.length > 0) {
    options.push(
      fc.constantFrom(...fields).chain((field) =>
        badValueFor(field.schema).map((value) => ({
          how: `${field.path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`,
          body: withValueAt(base, field.path, value),
        })),
      ),
    );
  }
  const required = fields.filter((field) => field.required);
  if (required.length > 0) {
    options.push(fc.constantFrom(...required).map((field) => ({ how: `missing ${field.path.join('.')}`, body: withValueAt(base, field.path, undefined, true) })));
  }
  return fc.oneof(...options).filter(({ body: candidate }) => breaks(body, candidate));
}

/** Path parameters the route's schema accepts, so that the part under test is the only bad one. */
function validParams(route: WriteRoute): Record<string, string> {
  const params = zodOf(route, 'params');
  const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const json = params ? jsonSchemaOf(params) : { properties: {} };
  return Object.fromEntries(names.map((name) => [name, String(example(json.properties?.[name] ?? { format: 'uuid', type: 'string' }, 7))]));
}

function urlOf(route: WriteRoute, params: Record<string, string>, query = ''): string {
  return route.url.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name]!)) + query;
}

/** Who may call the route, so the request gets past the access check to its validation. */
function sessionFor(route: WriteRoute): Session | undefined {
  if (route.access === 'public') return undefined;
  if (route.access === 'authenticated' || route.access === undefined) return adminSession;
  const role = ROLES.find((candidate) => canSome(candidate, route.access as Permission)) ?? 'admin';
  return sessions.get(role);
}

async function send(route: WriteRoute, options: { url?: string; payload?: string; contentType?: string }) {
  const session = sessionFor(route);
  return ctx.app.inject({
    method: route.method as InjectOptions['method'],
    url: options.url ?? urlOf(route, validParams(route)),
    headers: { ...(session ? as(session) : {}), 'content-type': options.contentType ?? 'application/json' },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
}

function expectRefused(response: Awaited<ReturnType<typeof send>>, how: string): void {
  expect(response.statusCode, `${how}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${how}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  expect(response.headers['content-type'], how).toContain('application/problem+json');
  const problem = response.json();
  expect(ERROR_CODES, how).toContain(problem.code);
  expect(problem.status).toBe(response.statusCode);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+|node_modules/);
}

describe('the generated bad input covers', () => {
  it('every write route of the API, as registered', () => {
    expect(WRITE_ROUTES.length).toBeGreaterThanOrEqual(37);
    expect(WRITE_ROUTES.filter((route) => zodOf(route, 'body')).length).toBeGreaterThanOrEqual(28);
  });
});

describe.each(WRITE_ROUTES)('bad input to $name', (route) => {
  const body = zodOf(route, 'body');
  const params = zodOf(route, 'params');

  it.runIf(body !== undefined)('gets a 4xx problem+json and changes nothing, whatever breaks the body schema', async () => {
    const before = await snapshotTenants(ctx.database.db, tenantIds);
    await fc.assert(
      fc.asyncProperty(invalidBody(route, body!), async ({ how, body: candidate }) => {
        expectRefused(await send(route, { payload: JSON.stringify(candidate) }), how);
      }),
      { numRuns: 25 },
    );
    expect(await snapshotTenants(ctx.database.db, tenantIds)).toBe(before);
  });

  it.runIf(params !== undefined)('refuses path parameters its schema does not accept, changing nothing', async () => {
    const before = await snapshotTenants(ctx.database.db, tenantIds);
    const good = validParams(route);
    const payload = body ? JSON.stringify(example(jsonSchemaOf(body), 42)) : undefined;
    await fc.assert(
      fc.asyncProperty(
        fc
          // Up to find-my-way's 100-character parameter limit: a longer one gets the framework's own 414,
          // not yet problem+json (a defect of issue 8 fixed apart from this test).
          .tuple(fc.constantFrom(...Object.keys(good)), fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom(...INJECTIONS), fc.constant('x'.repeat(100))))
          .filter(([name, value]) => !/^\.+$/.test(value) && breaks(params, { ...good, [name]: value })),
        async ([name, value]) => {
          const url = urlOf(route, { ...good, [name]: value });
          const response = await send(route, { url, ...(payload !== undefined ? { payload } : {}), ...(takesUpload(route) ? { contentType: 'text/plain' } : {}) });
          expectRefused(response, `${name} = ${JSON.stringify(value)}`);
        },
      ),
      { numRuns: 10 },
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
        async (raw) => expectRefused(await send(route, { payload: raw }), `malformed ${raw}`),
      ),
      { numRuns: 10 },
    );
    const base = body ? example(jsonSchemaOf(body), 42) : {};
    const tooLarge = await send(route, { payload: JSON.stringify({ ...(base as object), padding: 'x'.repeat(2 * 1024 * 1024) }) });
    expectRefused(tooLarge, 'huge body');
    if (!takesUpload(route)) expect(tooLarge.json().code).toBe('payload_too_large');
    const foreign = await send(route, { payload: 'tenant=demo', contentType: 'application/x-www-form-urlencoded' });
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
          // '.' and '..' are dot segments, not ids: a URL resolves them (`/users/.` is the list), so they are left out.
          fc.string({ minLength: 1, maxLength: 60 }).filter((id) => id !== '.' && id !== '..').map((id) => `/api/v1/users/${encodeURIComponent(id)}`),
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
