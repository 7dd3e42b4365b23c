import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('refuse a folder with a misnamed file, before applying anything', async () => {
    const real = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(ctx.database.db)).rows[0]!.n;
    const before = await count();
    for (const misnamed of [
      '2026112112_short_stamp.sql',
      '20991231235959-dash.sql',
      '20991231235959_Upper.sql',
      '20991231235959_no_extension',
      '20991231235959_x.sql.bak',
      'README.md',
    ]) {
      const dir = await mkdtemp(join(tmpdir(), 'saferhood-migrations-'));
      try {
        for (const name of await readdir(real)) await copyFile(join(real, name), join(dir, name));
        // A well-named new migration next to it must not run either.
        await writeFile(join(dir, '20991231235958_would_run.sql'), 'CREATE TABLE would_run (id int);');
        await writeFile(join(dir, misnamed), 'CREATE TABLE misnamed (id int);');
        await expect(listMigrations(dir), misnamed).rejects.toThrow(misnamed);
        await expect(migrate(ctx.database, dir), misnamed).rejects.toThrow(misnamed);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(await count()).toBe(before);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('would_run', 'misnamed')`.execute(
      ctx.database.db,
    );
    expect(rows[0]!.n).toBe(0);
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
