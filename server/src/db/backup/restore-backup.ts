import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { openDatabase } from '../database';
import { PGliteDialect } from '../pglite-dialect';
import type { DB } from '../schema';
import { appliedMigrations, compareCensus, takeCensus } from './census';
import { runTool } from './create-backup';
import { BackupRefused, checkBackup, type Manifest } from './manifest';

export type RestoreTarget = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

export interface RestoreOutcome {
  manifest: Manifest;
  /** Embedded with force: where the data folder that was replaced now is (never deleted). */
  replacedDataDir?: string;
}

/**
 * Restores a backup into an empty target, or — with force — over a non-empty one. In order:
 * 1. the backup is checked (manifest, payload size and SHA-256) before anything else is touched;
 * 2. the target is checked to be empty (refused otherwise, unless forced);
 * 3. the payload is restored: embedded into a new folder beside the target, PostgreSQL by pg_restore
 *    in one transaction (a failure leaves the database as it was);
 * 4. the restored database is counted and checksummed table by table and compared with the manifest.
 *    Embedded, the new folder only takes the target's place when it matches, so a failed restore
 *    changes nothing; the replaced folder is kept beside it.
 *
 * Erasures that must survive a restore (issue "cases": a person's data erased after the backup was
 * taken) are re-applied between steps 3 and 4 — see docs/operations.md.
 */
export async function restoreBackup(backupDir: string, target: RestoreTarget, options: { force: boolean }): Promise<RestoreOutcome> {
  const manifest = await checkBackup(backupDir);
  if (manifest.kind !== target.kind) {
    throw new BackupRefused(
      `This is a backup of ${manifest.kind === 'embedded' ? 'an embedded database' : 'PostgreSQL'}; it restores into the same kind (the target is ${target.kind === 'embedded' ? 'an embedded data folder' : 'PostgreSQL'}).`,
    );
  }
  const payload = join(backupDir, manifest.payload.file);
  return target.kind === 'embedded' ? restoreEmbedded(manifest, payload, target.dataDir, options.force) : restorePostgres(manifest, payload, target.databaseUrl, options.force);
}

async function restoreEmbedded(manifest: Manifest, payload: string, dataDir: string, force: boolean): Promise<RestoreOutcome> {
  const isEmpty = await readdir(dataDir).then(
    (entries) => entries.length === 0,
    () => true,
  );
  if (!isEmpty && !force) throw new BackupRefused(`The data folder ${dataDir} is not empty: restore into a new folder, or pass --force to replace it (it is kept beside).`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${dataDir}.restoring-${stamp}`;
  try {
    const client = await PGlite.create({ dataDir: staging, extensions: { postgis }, loadDataDir: new Blob([await readFile(payload)]) });
    // Checked on the client that loaded it: opening a data folder costs seconds.
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
    try {
      await verifyRestored(db, manifest);
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let replacedDataDir: string | undefined;
  if (!isEmpty) {
    replacedDataDir = `${dataDir}.replaced-${stamp}`;
    await rename(dataDir, replacedDataDir);
  } else {
    await rm(dataDir, { recursive: true, force: true });
  }
  await rename(staging, dataDir);
  return { manifest, ...(replacedDataDir ? { replacedDataDir } : {}) };
}

async function restorePostgres(manifest: Manifest, payload: string, databaseUrl: string, force: boolean): Promise<RestoreOutcome> {
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://', poolSize: 1 });
  try {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n
        FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
         AND ns.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ns.nspname NOT LIKE 'pg_temp%'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`.execute(database.db);
    if (rows[0]!.n > 0 && !force) {
      throw new BackupRefused('The target database is not empty: restore into a new database (createdb), or pass --force to replace what it holds.');
    }
    // Roles belong to the cluster, not the database: the grants in the dump need the application role.
    await database.execScript(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'saferhood_app') THEN CREATE ROLE saferhood_app NOLOGIN; END IF;
      END $$;
      GRANT saferhood_app TO CURRENT_USER;`);
    const clean = rows[0]!.n > 0 ? ['--clean', '--if-exists'] : [];
    await runTool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', ...clean, payload], databaseUrl);
    await verifyRestored(database.db, manifest);
  } finally {
    await database.close();
  }
  return { manifest };
}

async function verifyRestored(db: Kysely<DB>, manifest: Manifest): Promise<void> {
  const migrations = await appliedMigrations(db);
  if (migrations.join('\n') !== manifest.migrations.join('\n')) {
    throw new Error(`The restored database's migrations differ from the backup's manifest (${migrations.length} against ${manifest.migrations.length}).`);
  }
  const differing = compareCensus(manifest.tables, await takeCensus(db));
  if (differing.length > 0) throw new Error(`The restored database differs from the backup's manifest in: ${differing.join(', ')}.`);
}
