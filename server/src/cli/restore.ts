import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { claimDataDir } from '../db/backup/data-dir-lock';
import { BackupRefused } from '../db/backup/manifest';
import { restoreBackup } from '../db/backup/restore-backup';

/**
 * `npm run restore -- <backup folder> [--force]`: restores a backup into the configured database
 * (DATA_DIR or DATABASE_URL), which must be empty unless --force. The backup is checked before
 * anything is touched and the result is checked against the backup's manifest afterwards.
 * Stop the server first: a restore under a running server would pull the data from under it.
 */
const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('Usage: npm run restore -- <backup folder> [--force]');
  process.exit(2);
}
const config = loadConfig();
const backupDir = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
const release = config.databaseUrl ? undefined : await claimDataDir(config.dataDir).catch((error: Error) => {
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
});
try {
  const target = config.databaseUrl ? { kind: 'postgres' as const, databaseUrl: config.databaseUrl } : { kind: 'embedded' as const, dataDir: config.dataDir };
  const { manifest, replacedDataDir } = await restoreBackup(backupDir, target, { force: values.force });
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  console.log(`Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, each matching its checksum.`);
  if (replacedDataDir) console.log(`The data folder it replaced is kept in ${replacedDataDir}.`);
} catch (error) {
  console.error(error instanceof BackupRefused ? `Restore refused: ${error.message}` : `Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await release?.();
}
