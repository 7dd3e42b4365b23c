import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Migration files are `YYYYMMDDHHMMSS_name.sql`, applied in name order, each in its own transaction. */
const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.sql$/;

/**
 * The migrations in name order. Anything else in the folder is refused rather than skipped: a misnamed
 * migration (`2026112112_x.sql`, `…-x.sql`, `…_X.SQL`) would otherwise never run, silently.
 */
export async function listMigrations(dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  const misnamed = names.filter((name) => !MIGRATION_NAME.test(name));
  if (misnamed.length > 0) {
    throw new Error(
      `Not a migration file name (expected YYYYMMDDHHMMSS_name.sql, lower case): ${misnamed.join(', ')} in ${dir}`,
    );
  }
  return names.sort();
}

/**
 * Applies the migrations not yet applied and returns their names. Safe to run from several processes at
 * once: an advisory lock lets one migrate while the others wait.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  // Checked before anything is applied.
  const names = await listMigrations(dir);
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name       text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const applied: string[] = [];
  for (const name of names) {
    const body = await readFile(join(dir, name), 'utf8');
    // The check happens inside the locked transaction, so two processes never apply the same file.
    const script = `
      BEGIN;
      SELECT pg_advisory_xact_lock(7262837419);
      DO $migrate$ BEGIN
        IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${name}') THEN
          RAISE EXCEPTION 'already applied' USING ERRCODE = 'SH001';
        END IF;
      END $migrate$;
      ${body}
      ;
      INSERT INTO schema_migrations (name) VALUES ('${name}');
      COMMIT;`;
    if (await isApplied(database, name)) continue;
    try {
      await database.execScript(script);
      applied.push(name);
    } catch (error) {
      if (isAlreadyApplied(error)) continue;
      throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return applied;
}

async function isApplied(database: Database, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations WHERE name = ${name}`.execute(
    database.db,
  );
  return (rows[0]?.n ?? 0) > 0;
}

function isAlreadyApplied(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'SH001';
}
