import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { createTestContext, testConfig, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('health', () => {
  it('answers /healthz and /readyz with 200 when the database answers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('answers /healthz without a database, and /readyz with 503', async () => {
    const broken = { db: { executeQuery: () => Promise.reject(new Error('down')) } } as unknown as Database;
    const app = await buildApp({ config: testConfig(), database: broken });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable' });
    await app.close();
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics.body).toContain('process_cpu_seconds_total');
  });
});

describe('content security policy', () => {
  it('allows the configured base-map origins and nothing else from outside', async () => {
    const app = await buildApp({ config: testConfig({ mapSources: ['https://tiles.example.org'] }), database: ctx.database });
    const policy = (await app.inject({ method: 'GET', url: '/healthz' })).headers['content-security-policy'] as string;
    expect(policy).toContain("connect-src 'self' https://tiles.example.org");
    expect(policy).toContain("script-src 'self';");
    await app.close();
  });
});

describe('API documentation', () => {
  it('serves OpenAPI 3.1 generated from the zod schemas', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/users/{id}']));
    const login = document.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['tenant', 'email', 'password']);
    expect(login.additionalProperties).toBe(false);
    expect(document.paths['/api/v1/users'].post.description).toContain('Access: `user:create`');
  });

  it('serves the docs UI at /api/docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(response.statusCode);
    const page = response.statusCode === 302 ? await ctx.app.inject({ method: 'GET', url: response.headers.location as string }) : response;
    expect(page.body).toContain('swagger');
  });
});

describe('problems', () => {
  it('answers an unknown API route with 404 problem+json in the caller’s language', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'hu-HU,hu;q=0.9' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: 'urn:saferhood:problem:not_found',
      code: 'not_found',
      status: 404,
      detail: 'A keresett tétel nem létezik.',
      instance: '/api/v1/nothing-here',
    });
  });

  it('translates per-field errors and falls back to English for languages it lacks', async () => {
    const czech = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'cs' },
      payload: { tenant: 'demo', password: 'x', extra: 1 },
    });
    expect(czech.statusCode).toBe(400);
    expect(czech.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'required', message: 'Toto pole je povinné.' },
        { field: 'extra', code: 'unrecognized_key', message: 'Toto pole není známé.' },
      ]),
    );
    const german = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'de' }, payload: {} });
    expect(german.json().detail).toBe('Some of the data is not right. Please correct the marked fields.');
  });

  it('never lets a fault’s message or stack out: 500 internal_error', async () => {
    const app = await buildApp({ config: testConfig(), database: ctx.database });
    app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
      throw new Error('secret detail of the database at /srv/app/server.ts:12');
    });
    const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.body).not.toMatch(/secret|server\.ts|stack/);
    await app.close();
  });
});
