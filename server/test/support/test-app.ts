import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/database';
import { installOpenApiContract } from './openapi-contract';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * A real app on a real database: PostgreSQL when DATABASE_URL is set (migrated by global-setup), else
 * an in-memory PGlite of this file's own, loaded from the migrated template global-setup dumped.
 * Tests isolate themselves by building their own tenants.
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const config = testConfig(overrides);
  const database = await openTestDatabase();
  const app = installOpenApiContract(await buildApp({ config, database }));
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The run's database: PostgreSQL with DATABASE_URL, else a fresh in-memory copy of the migrated template. */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return openDatabase({ databaseUrl, dataDir: 'memory://', poolSize: 4 });
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('No migrated PGlite template: run the server tests through vitest (server/test/global-setup.ts)');
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([await readFile(template)]) });
}

/**
 * Test config. Every inject() comes from 127.0.0.1 and CI's test files share one PostgreSQL, so the
 * per-address sign-in limit is lifted here; the throttling test sets it back on an app of its own.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  return { ...base, throttle: { ...base.throttle, maxPerIp: 1_000_000 }, ...overrides };
}

/** A second app with other settings on the same database (cheaper than a new database). */
export async function createAppOn(ctx: TestContext, overrides: Partial<Config>): Promise<FastifyInstance> {
  return installOpenApiContract(await buildApp({ config: testConfig(overrides), database: ctx.database }));
}
