import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createBackup } from '../db/backup/create-backup';
import { claimDataDir } from '../db/backup/data-dir-lock';

/**
 * `npm run backup [-- --out <folder>]`: backs up the configured database (DATA_DIR or DATABASE_URL) into
 * a new folder `saferhood-<kind>-<time>` under --out (default: ./backups). PostgreSQL is backed up
 * while the server runs; the embedded data folder only while no server has it open (checked).
 * Prints the backup's folder; exits non-zero on any failure, leaving no partial backup behind.
 */
const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' } } });
const config = loadConfig();
const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
let release: (() => Promise<void>) | undefined;
try {
  release = config.databaseUrl ? undefined : await claimDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const { dir, manifest } = await createBackup(database, { outDir, databaseUrl: config.databaseUrl });
    const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`Backed up ${Object.keys(manifest.tables).length} tables (${rows} rows, ${manifest.payload.bytes} bytes) into ${dir}`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await release?.();
}
