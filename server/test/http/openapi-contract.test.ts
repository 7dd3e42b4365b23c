import { ERROR_CATALOGUE, idSchema } from '@saferhood/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA_REF } from '../../src/http/openapi';
import { ContractChecker, openApiPath, type OpenApiDocument } from '../support/openapi-contract';
import { testConfig } from '../support/test-app';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface Response {
  description: string;
  content?: Record<string, { schema: { allOf?: [{ $ref: string }, { properties: { code: { enum: string[] } } }] } }>;
}

/** The codes a problem response names (the Problem, narrowed). */
function codesOf(response: Response | undefined): string[] | undefined {
  const schema = response?.content?.[PROBLEM_MEDIA_TYPE]?.schema;
  return schema?.allOf?.[0].$ref === PROBLEM_SCHEMA_REF ? schema.allOf[1].properties.code.enum : undefined;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const SUCCESS_OR_REDIRECT = /^[23]/;

/** The document as a client sees it, from an app that touches no database, plus one route added the way a module would. */
let app: FastifyInstance;
let document: Document;
beforeAll(async () => {
  app = await buildApp({ config: testConfig(), database: {} as Database });
  await app.register(
    async (api) => {
      api.post(
        '/example/:id/batch',
        {
          schema: { params: z.strictObject({ id: idSchema }), body: z.strictObject({ records: z.array(z.strictObject({ baseVersion: z.number().int() })) }), response: { 200: z.object({ ok: z.boolean() }) } },
          config: { access: 'field_record:write' },
        },
        async () => ({ ok: true }),
      );
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  document = app.swagger() as unknown as Document;
});
afterAll(() => app.close());

function operations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]));
}

describe('the OpenAPI document', () => {
  it('has every API route, health check and the document itself as an operation', () => {
    const documented = new Set(operations().map(([name]) => name));
    const routes = app.declaredRoutes
      .filter((route) => route.method !== 'HEAD' && (route.url.startsWith('/api/v1/') || ['/healthz', '/readyz', '/api/docs/openapi.json'].includes(route.url)))
      .map((route) => `${route.method} ${openApiPath(route.url)}`);
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('marks sign-in, the health checks and the document public (security: []), and every other operation as needing the session', () => {
    const publicOperations = operations()
      .filter(([, operation]) => operation.security?.length === 0)
      .map(([name]) => name)
      .sort();
    expect(publicOperations).toEqual(['GET /api/docs/openapi.json', 'GET /healthz', 'GET /readyz', 'POST /api/v1/auth/login']);
    for (const [name, operation] of operations()) {
      if (publicOperations.includes(name)) continue;
      const needsCsrf = WRITES.has(name.split(' ')[0]!.toLowerCase());
      expect({ name, security: operation.security }).toEqual({ name, security: [needsCsrf ? { session: [], csrf: [] } : { session: [] }] });
    }
  });

  it('answers every failure of every operation with problem+json, and a default problem for faults', () => {
    for (const [name, operation] of operations()) {
      expect({ name, hasDefault: operation.responses.default?.content?.[PROBLEM_MEDIA_TYPE] !== undefined }).toEqual({ name, hasDefault: true });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (SUCCESS_OR_REDIRECT.test(status) || (name === 'GET /readyz' && status === '503')) continue;
        expect({ name, status, media: Object.keys(response.content ?? {}) }).toEqual({ name, status, media: [PROBLEM_MEDIA_TYPE] });
        // Each status names its codes, and each code belongs to that status in the catalogue.
        const codes = codesOf(response) ?? [];
        expect(codes.length).toBeGreaterThan(0);
        if (status !== 'default') for (const code of codes) expect({ name, code, status: ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status }).toEqual({ name, code, status: Number(status) });
      }
    }
  });

  it('documents the session, CSRF, validation, not-found and body answers from each route’s shape', () => {
    for (const [name, operation] of operations()) {
      const statuses = Object.keys(operation.responses);
      const isPublic = operation.security?.length === 0;
      const isWrite = WRITES.has(name.split(' ')[0]!.toLowerCase());
      if (!isPublic) expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['401', '403']) });
      if (operation.parameters?.some((parameter) => parameter.in === 'path')) expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['400', '404']) });
      if (operation.parameters?.some((parameter) => parameter.in === 'query')) expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['400']) });
      if (isWrite) expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['400', '413', '415']) });
    }
  });

  it('covers a route added later without a word of documentation: session + CSRF, 400/401/403/404/409/413/414/415 and the stale version', () => {
    const batch = document.paths['/api/v1/example/{id}/batch']!.post!;
    expect(batch.security).toEqual([{ session: [], csrf: [] }]);
    expect(Object.keys(batch.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '414', '415', 'default']);
    expect(codesOf(batch.responses['409'])).toEqual(['conflict', 'version_conflict']);
    expect(codesOf(batch.responses['403'])).toEqual(['forbidden', 'csrf_failed']);
  });

  it('documents file answers with their media types and routes’ own codes (sign-in’s 401/403/429)', () => {
    const statement = document.paths['/api/v1/reports/activity-statement']!.get!.responses['200']!.content!;
    expect(Object.keys(statement)).toEqual(['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf']);
    expect(Object.keys(document.paths['/api/v1/indicators/{id}/values']!.get!.responses['200']!.content!)).toContain('text/csv');
    expect(Object.keys(document.paths['/api/v1/field-records/{id}/photo']!.get!.responses['200']!.content!)).toEqual(['image/jpeg', 'image/webp']);
    const login = document.paths['/api/v1/auth/login']!.post!.responses;
    expect(codesOf(login['401'])).toEqual(['invalid_credentials']);
    expect(codesOf(login['403'])).toEqual(['account_disabled']);
    expect(codesOf(login['429'])).toEqual(['too_many_attempts']);
    expect(Object.keys((login['429'] as { headers?: object }).headers ?? {})).toEqual(['retry-after']);
    expect((document as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
  });
});

describe('the contract check', () => {
  const problem = (status: number, code: string) => JSON.stringify({ type: `urn:saferhood:problem:${code}`, title: 't', status, code, detail: 't', instance: '/x' });
  const check = (answer: Partial<Parameters<ContractChecker['check']>[0]>) =>
    new ContractChecker(document as unknown as OpenApiDocument).check({
      method: 'GET',
      url: '/api/v1/users/:id',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: null,
      ...answer,
    });

  it('passes an answer the document describes', () => {
    expect(check({ status: 404, contentType: PROBLEM_MEDIA_TYPE, body: problem(404, 'not_found') })).toBeUndefined();
    expect(check({ status: 500, contentType: PROBLEM_MEDIA_TYPE, body: problem(500, 'internal_error') })).toBeUndefined();
    expect(check({ method: 'POST', url: '/api/v1/auth/logout', status: 204, contentType: undefined, body: null })).toBeUndefined();
  });

  it('catches an undocumented status, a wrong media type, a body off its schema and a code off its status', () => {
    expect(check({ status: 409, contentType: PROBLEM_MEDIA_TYPE, body: problem(409, 'conflict') })).toMatch(/status is not documented/);
    expect(check({ status: 404, contentType: 'application/json', body: problem(404, 'not_found') })).toMatch(/content type application\/json not documented/);
    expect(check({ body: JSON.stringify({ id: 'not a user' }) })).toMatch(/must have required property/);
    expect(check({ status: 404, contentType: PROBLEM_MEDIA_TYPE, body: problem(404, 'record_locked') })).toMatch(/allowed values/);
    expect(check({ url: '/api/v1/nowhere' })).toMatch(/not in the document/);
  });
});
