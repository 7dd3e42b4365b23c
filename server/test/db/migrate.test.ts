import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listMigrations, migrate } from '../../src/db/migrate';
import { createTestContext, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('migrations', () => {
  it('are timestamp-named SQL files and all applied', async () => {
    const files = await listMigrations();
    expect(files.length).toBeGreaterThan(0);
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(ctx.database.db);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(files));
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(ctx.database)).toEqual([]);
  });

  it('leave PostGIS available for the territory module', async () => {
    const { rows } = await sql<{ inside: boolean }>`
      SELECT ST_Contains(ST_GeomFromText('POLYGON((0 0, 0 1, 1 1, 1 0, 0 0))', 4326), ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)) AS inside`.execute(
      ctx.database.db,
    );
    expect(rows[0]!.inside).toBe(true);
  });

  it('enable row-level security on every table with a tenant_id', async () => {
    const { rows } = await sql<{ table: string }>`
      SELECT c.relname AS table FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind = 'r' AND NOT c.relrowsecurity`.execute(ctx.database.db);
    expect(rows).toEqual([]);
  });
});
