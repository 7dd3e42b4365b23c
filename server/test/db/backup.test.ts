import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { takeCensus } from '../../src/db/backup/census';
import { createBackup } from '../../src/db/backup/create-backup';
import { claimDataDir } from '../../src/db/backup/data-dir-lock';
import { BackupRefused, type Manifest } from '../../src/db/backup/manifest';
import { restoreBackup, type RestoreTarget } from '../../src/db/backup/restore-backup';
import { as, buildSignedIn } from '../support/factories';
import { createTestContext, type TestContext } from '../support/test-app';

/**
 * Backup and restore on the database the suite runs on: the embedded data folder (PGlite's tarball)
 * by default, pg_dump / pg_restore into a second database with DATABASE_URL.
 */
let ctx: TestContext;
let scratch: string;
let backupDir: string;
let manifest: Manifest;
const databasesToDrop: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  scratch = await mkdtemp(join(tmpdir(), 'saferhood-backup-test-'));
  // Some data of every kind the backup must carry: a city, users, sessions, the audit chain, a locality.
  const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
  const boundary = { type: 'Polygon', coordinates: [[[14.4, 50], [14.5, 50], [14.5, 50.1], [14.4, 50.1], [14.4, 50]]] };
  const locality = await ctx.app.inject({ method: 'POST', url: '/api/v1/localities', headers: as(session), payload: { name: 'Sokolská', kind: 'socially_excluded', boundary } });
  expect(locality.statusCode).toBe(201);
  ({ dir: backupDir, manifest } = await createBackup(ctx.database, { outDir: scratch, databaseUrl: process.env.DATABASE_URL }));
}, 120_000);

afterAll(async () => {
  await ctx.close();
  await rm(scratch, { recursive: true, force: true });
  for (const name of databasesToDrop) await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
});

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty target of the suite's kind: a new data folder, or a new PostgreSQL database. */
async function freshTarget(): Promise<RestoreTarget> {
  if (!process.env.DATABASE_URL) return { kind: 'embedded', dataDir: join(scratch, `restored-${databasesToDrop.length}-${Math.random().toString(36).slice(2, 8)}`) };
  const name = `saferhood_restore_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  databasesToDrop.push(name);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return { kind: 'postgres', databaseUrl: url.toString() };
}

async function censusOf(target: RestoreTarget) {
  const database = await openDatabase(target.kind === 'embedded' ? { dataDir: target.dataDir } : { databaseUrl: target.databaseUrl, dataDir: 'memory://', poolSize: 1 });
  try {
    return await takeCensus(database.db);
  } finally {
    await database.close();
  }
}

/** What the target holds, without opening (and so creating) an embedded folder that is not there. */
async function contentsOf(target: RestoreTarget) {
  if (target.kind === 'embedded') return readdir(target.dataDir).catch(() => 'absent');
  return censusOf(target);
}

describe('backup and restore', () => {
  it('writes a manifest with the migrations, every table’s rows and checksum, and the payload’s SHA-256', () => {
    expect(manifest).toMatchObject({ format: 'saferhood-backup', formatVersion: 1, kind: ctx.database.kind });
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(4);
    expect(manifest.payload.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const table of ['public.tenants', 'public.users', 'public.sessions', 'public.audit_log', 'public.localities', 'public.schema_migrations']) {
      expect(manifest.tables[table]?.rows, table).toBeGreaterThan(0);
    }
  });

  it('restores into a fresh database with equal row counts and checksums per table', async () => {
    const target = await freshTarget();
    const { manifest: restored } = await restoreBackup(backupDir, target, { force: false });
    expect(restored.payload.sha256).toBe(manifest.payload.sha256);
    expect(await censusOf(target)).toEqual(manifest.tables);
  }, 120_000);

  it('refuses a truncated backup and a corrupted one (one byte flipped) before touching the target', async () => {
    const target = await freshTarget();
    const before = await contentsOf(target);

    const truncated = join(scratch, 'truncated');
    await cp(backupDir, truncated, { recursive: true });
    await truncate(join(truncated, manifest.payload.file), Math.floor(manifest.payload.bytes / 2));
    await expect(restoreBackup(truncated, target, { force: false })).rejects.toThrow(/has \d+ bytes where the manifest says \d+: it is truncated/);

    const corrupted = join(scratch, 'corrupted');
    await cp(backupDir, corrupted, { recursive: true });
    const payload = await readFile(join(corrupted, manifest.payload.file));
    payload[Math.floor(payload.length / 2)]! ^= 0x01;
    await writeFile(join(corrupted, manifest.payload.file), payload);
    await expect(restoreBackup(corrupted, target, { force: false })).rejects.toThrow(/does not match its SHA-256 in the manifest: it is corrupted/);

    const cutManifest = join(scratch, 'cut-manifest');
    await cp(backupDir, cutManifest, { recursive: true });
    const text = await readFile(join(cutManifest, 'manifest.json'), 'utf8');
    await writeFile(join(cutManifest, 'manifest.json'), text.slice(0, text.length / 2));
    await expect(restoreBackup(cutManifest, target, { force: false })).rejects.toBeInstanceOf(BackupRefused);

    expect(await contentsOf(target)).toEqual(before);
  }, 120_000);

  it('refuses to restore over a database that holds data unless forced', async () => {
    const target = await freshTarget();
    await restoreBackup(backupDir, target, { force: false });
    const before = await contentsOf(target);
    await expect(restoreBackup(backupDir, target, { force: false })).rejects.toThrow(/not empty/);
    expect(await contentsOf(target)).toEqual(before);
    // A forced restore checks what it restored against the manifest itself (the test above checks that check).
    const forced = await restoreBackup(backupDir, target, { force: true });
    if (target.kind === 'embedded') expect(await readdir(forced.replacedDataDir!)).toEqual(before);
  }, 180_000);

  it('lets one process at a time hold an embedded data folder; a claim left by a dead process is taken over', async () => {
    const dataDir = join(scratch, 'claimed');
    await writeFile(`${dataDir}.pid`, '2147483646');
    const release = await claimDataDir(dataDir);
    expect((await readFile(`${dataDir}.pid`, 'utf8')).trim()).toBe(String(process.pid));
    await writeFile(`${dataDir}.pid`, String(process.ppid));
    await expect(claimDataDir(dataDir)).rejects.toThrow(/in use by process \d+/);
    await release();
  });
});
