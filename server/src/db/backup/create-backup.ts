import { spawn } from 'node:child_process';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database';
import type { DB } from '../schema';
import { appliedMigrations, type Census, censusIn, pinRowFormat, takeCensus } from './census';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Manifest, MANIFEST_FILE, payloadFileOf, sha256OfFile } from './manifest';

export interface BackupOptions {
  /** The folder the backup folder is made in. */
  outDir: string;
  /** PostgreSQL only: the connection string pg_dump uses (the same database as `database`). */
  databaseUrl?: string | undefined;
  /** The backup folder's name; default `saferhood-<kind>-<UTC time>`. */
  name?: string;
}

/**
 * Backs up an open database into a new folder under outDir: the payload, then the manifest (written
 * last, under a temporary name renamed into place, so a backup cut short has no manifest and is never
 * mistaken for a whole one).
 *
 * Consistency: embedded, the census and the data folder's tarball are taken while this process holds
 * PGlite's one connection, so no write falls between them (the CLI refuses a data folder another
 * process has open). PostgreSQL: the census runs in a REPEATABLE READ transaction whose snapshot
 * pg_dump is handed (`--snapshot`), so the manifest describes exactly the rows dumped while the
 * server keeps running.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<{ dir: string; manifest: Manifest }> {
  const name = options.name ?? `saferhood-${database.kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const dir = join(options.outDir, name);
  await mkdir(options.outDir, { recursive: true, mode: 0o700 });
  await mkdir(dir, { recursive: false, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? new Error(`${dir} exists already: a backup never overwrites another.`) : error;
  });
  try {
    const payloadFile = payloadFileOf(database.kind);
    const payloadPath = join(dir, payloadFile);
    const tables =
      database.kind === 'embedded' ? await dumpEmbedded(database, payloadPath) : await dumpPostgres(database.db, options.databaseUrl, payloadPath);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      kind: database.kind,
      serverVersion: await serverVersion(database.db),
      payload: { file: payloadFile, bytes: (await stat(payloadPath)).size, sha256: await sha256OfFile(payloadPath) },
      migrations: await appliedMigrations(database.db),
      tables,
    };
    await writeFile(join(dir, `${MANIFEST_FILE}.partial`), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await rename(join(dir, `${MANIFEST_FILE}.partial`), join(dir, MANIFEST_FILE));
    return { dir, manifest };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function dumpEmbedded(database: Database, payloadPath: string): Promise<Census> {
  const client = database.embedded?.client;
  if (!client) throw new Error('The embedded database has no client to dump.');
  return database.db.connection().execute(async (connection) => {
    const tables = await takeCensus(connection);
    const tarball = await client.dumpDataDir('gzip');
    await writeFile(payloadPath, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    return tables;
  });
}

async function dumpPostgres(db: Kysely<DB>, databaseUrl: string | undefined, payloadPath: string): Promise<Census> {
  if (!databaseUrl) throw new Error('A PostgreSQL backup needs the connection string (DATABASE_URL).');
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await pinRowFormat(tx);
      const { rows } = await sql<{ snapshot: string }>`SELECT pg_export_snapshot() AS snapshot`.execute(tx);
      const tables = await censusIn(tx);
      await runTool('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.snapshot}`, `--file=${payloadPath}`], databaseUrl);
      return tables;
    });
}

async function serverVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ serverVersion: string }>`SHOW server_version`.execute(db);
  return rows[0]!.serverVersion;
}

/**
 * Runs pg_dump or pg_restore against a connection string. The password goes through PGPASSWORD, not
 * the command line, which other users of the machine can read.
 */
export async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${url.toString()}`], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => reject(new Error(`${tool} could not be started (${error.message}): install the PostgreSQL client tools.`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
