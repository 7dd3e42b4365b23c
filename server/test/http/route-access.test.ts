import { PERMISSIONS } from '@saferhood/contracts';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { testConfig } from '../support/test-app';

/** Every route the app serves, as registered. Building the app touches no database. */
async function declaredRoutes() {
  const app = await buildApp({ config: testConfig(), database: {} as Database, serveWebApp: true });
  await app.ready();
  const routes = [...app.declaredRoutes];
  await app.close();
  return routes;
}

describe('route access', () => {
  it('has every route declare a permission, "authenticated" or "public"', async () => {
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const valid = new Set<unknown>([...PERMISSIONS, 'authenticated', 'public']);
    const undeclared = routes.filter((route) => !valid.has(route.access));
    expect(undeclared).toEqual([]);
  });

  it('keeps the API behind a session except sign-in', async () => {
    const publicApi = (await declaredRoutes())
      .filter((route) => route.url.startsWith('/api/v1') && route.access === 'public')
      .map((route) => `${route.method} ${route.url}`);
    expect(publicApi).toEqual(['POST /api/v1/auth/login']);
  });

  it('uses every declared permission somewhere, so the policy has no dead entries', async () => {
    const used = new Set((await declaredRoutes()).map((route) => route.access));
    const unused = PERMISSIONS.filter((permission) => !used.has(permission) && permission !== 'tenant:read');
    expect(unused).toEqual([]);
  });
});
