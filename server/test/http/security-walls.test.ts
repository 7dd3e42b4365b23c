import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { withSystem, withTenant } from '../../src/db/scope';
import { as, buildSignedIn, buildTenant, buildUser } from '../support/factories';
import { createAppOn, createTestContext, testConfig, type TestContext } from '../support/test-app';
import { buildFieldCity } from '../modules/field-work/field-city';
import { upload } from '../support/multipart';

/** Walls found by the security and bad-input review of issue 8 (each test failed before its fix). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const square = (lon: number, lat: number) => [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]];

describe('database walls', () => {
  it('lets a planner change who is on a shift (the app role may delete assignments)', async () => {
    const city = await buildFieldCity(ctx);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/shifts',
      headers: as(city.mentor.session),
      payload: { date: '2026-11-23', start: '07:30', end: '08:00', dutyType: 'school_crossing', assistantIds: [city.assistant.user.id], localityIds: [city.localityId] },
    });
    expect(created.statusCode).toBe(201);
    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/shifts/${created.json().id}`,
      headers: as(city.mentor.session),
      payload: { version: created.json().version, assistantIds: [city.otherAssistant.user.id] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().assistants).toMatchObject([{ name: 'Asistentka Lakatošová' }]);
  });

  it('does not let the app role read sign-in attempts (they span every city)', async () => {
    const tenant = await buildTenant(ctx.database.db);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { tenant: 'another-city', email: 'someone@example.test', password: 'a guess!' } });
    await expect(withTenant(ctx.database.db, tenant.id, (tx) => sql`SELECT email FROM sign_in_attempts`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(withTenant(ctx.database.db, tenant.id, (tx) => sql`INSERT INTO sign_in_attempts (tenant_slug, email, ip, succeeded) VALUES ('x', 'y', 'z', true)`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('no-store on authenticated answers', () => {
  it('marks every GET of a non-public API route, sign-in and its refusals Cache-Control: no-store', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
    const routes = ctx.app.declaredRoutes.filter(
      (route) => route.method === 'GET' && route.url.startsWith('/api/v1/') && route.access !== 'public',
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '0195d4a0-0000-7000-8000-000000000000');
      const response = await ctx.app.inject({ method: 'GET', url, headers: as(session) });
      expect(`${route.url} ${response.headers['cache-control']}`).toBe(`${route.url} no-store`);
      const anonymous = await ctx.app.inject({ method: 'GET', url });
      expect(`${route.url} ${anonymous.headers['cache-control']}`).toBe(`${route.url} no-store`);
    }
    const tenant = await buildTenant(ctx.database.db);
    const user = await buildUser(ctx.database.db, tenant);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: tenant.slug, email: user.email, password: 'correct horse battery' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
  });
});

describe('logs', () => {
  it('keeps query strings (GPS positions) out of logged URLs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ config: testConfig(), database: ctx.database, logger: { level: 'info', stream } });
    try {
      const { session } = await buildSignedIn(app, ctx.database.db, 'admin');
      await app.inject({ method: 'GET', url: '/api/v1/localities/at?lon=14.4378&lat=50.0755', headers: as(session) });
      const log = lines.join('');
      expect(log).toContain('/api/v1/localities/at');
      expect(log).not.toMatch(/14\.4378|50\.0755|lon=/);
    } finally {
      await app.close();
    }
  });
});

describe('/metrics', () => {
  it('answers only the loopback address when no token is set', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const remote = await ctx.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
    expect(remote.headers['content-type']).toContain('application/problem+json');
  });

  it('asks for the bearer token when one is set, and does not count reads of signals by route', async () => {
    const app = await createAppOn(ctx, { metricsToken: 'metrics-secret-token-0123456789' });
    try {
      const { session } = await buildSignedIn(app, ctx.database.db, 'coordinator');
      await app.inject({ method: 'GET', url: '/api/v1/field-records/signals', headers: as(session) });
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-secret-token-0123456789' } });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('http_request_duration_seconds');
      expect(metrics.body).not.toContain('signals');
    } finally {
      await app.close();
    }
  });
});

describe('framework errors are problem+json and echo nothing', () => {
  it('answers a badly encoded URL with a translated 400 that does not repeat it', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/localities/%E0%A4%A<script>', headers: { 'accept-language': 'cs' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'bad_url', status: 400 });
    expect(response.json().detail).toMatch(/adres/i);
    expect(response.body).not.toContain('script');
  });

  it('answers an over-long path parameter with 414 problem+json', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${'a'.repeat(500)}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ code: 'uri_too_long' });
    expect(response.body).not.toContain('aaaa');
  });

  it('answers headers too large with 431 problem+json (a real socket: the HTTP parser refuses them)', async () => {
    const app = await buildApp({ config: testConfig(), database: ctx.database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: `/api/v1/me?q=${'x'.repeat(20_000)}`, headers: { 'x-big': 'y'.repeat(20_000) } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toContain('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'headers_too_large', status: 431 });
      expect(answer.body).not.toContain('xxxx');
    } finally {
      await app.close();
    }
  });
});

describe('geometry walls', () => {
  it('refuses an unclosed ring with 400 on the city area and localities, writing nothing', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const open = { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.5, 50.1], [14.4, 50.1]]] };
    const tooShort = { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.4, 50]]] };
    for (const boundary of [open, tooShort]) {
      const area = await ctx.app.inject({ method: 'PUT', url: '/api/v1/city-area', headers: as(session), payload: { boundary } });
      expect(area.statusCode).toBe(400);
      expect(area.json().code).toBe('validation_failed');
      const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/localities', headers: as(session), payload: { name: 'Open', kind: 'socially_excluded', boundary } });
      expect(created.statusCode).toBe(400);
    }
    const locality = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: as(session),
      payload: { name: 'Closed', kind: 'socially_excluded', boundary: { type: 'Polygon', coordinates: square(14.4, 50) } },
    });
    expect(locality.statusCode).toBe(201);
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/localities/${locality.json().id}`,
      headers: as(session),
      payload: { version: locality.json().version, boundary: open },
    });
    expect(patched.statusCode).toBe(400);
  });

  it('refuses coordinates outside longitude −180..180 and latitude −90..90', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    for (const coordinates of [[1e308, 1e308], [181, 50], [14.4, -90.5]]) {
      const place = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/places',
        headers: as(session),
        payload: { name: 'Far away', kind: 'school_crossing', geometry: { type: 'Point', coordinates } },
      });
      expect(place.statusCode).toBe(400);
      expect(place.json().errors[0].field).toMatch(/^geometry\.coordinates/);
    }
    const stored = await withSystem(ctx.database.db, (tx) => tx.selectFrom('places').select('id').where('name', '=', 'Far away').execute());
    expect(stored).toHaveLength(0);
  });

  it('reports imported features outside their reference system’s range as unreadable (WGS84 and S-JTSK)', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    const file = (coordinates: number[]) =>
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Far away' }, geometry: { type: 'Point', coordinates } }] });
    for (const [coordinates, srid] of [
      [[1e308, 1e308], '4326'],
      [[14.4, 95], '4326'],
      // Degrees read as S-JTSK metres lie far outside the Czech Republic.
      [[14.4, 50.1], '5514'],
    ] as const) {
      const preview = await upload(ctx.app, session, '/api/v1/places/import', file([...coordinates]), { nameProperty: 'name', srid, dryRun: 'true' }, 'places.geojson');
      expect(preview.statusCode).toBe(200);
      expect(preview.json().invalid.map((issue: { code: string }) => issue.code)).toEqual(['geometry_unreadable']);
    }
    const inPrague = await upload(ctx.app, session, '/api/v1/places/import', file([-743000, -1043000]), { nameProperty: 'name', srid: '5514', dryRun: 'true' }, 'places.geojson');
    expect(inPrague.json().invalid).toEqual([]);
  });
});
