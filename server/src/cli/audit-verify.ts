import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { withSystem, withTenant } from '../db/scope';
import { verifyAuditChain } from '../modules/audit/index';

/**
 * `npm run audit:verify [-- <tenant-slug>]`: recomputes every tenant's audit chain (or one's) and exits
 * non-zero if any is broken, naming the first broken entry.
 */
const config = loadConfig();
const only = process.argv[2];
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let isBroken = false;
try {
  const tenants = await withSystem(database.db, (tx) =>
    tx.selectFrom('tenants').select(['id', 'slug']).$if(only !== undefined, (q) => q.where('slug', '=', only!)).orderBy('slug').execute(),
  );
  if (only && tenants.length === 0) throw new Error(`No tenant "${only}".`);
  for (const tenant of tenants) {
    const verdict = await withTenant(database.db, tenant.id, (tx) => verifyAuditChain(tx));
    isBroken ||= !verdict.ok;
    console.log(
      verdict.ok
        ? `${tenant.slug}: ok, ${verdict.checked} entries`
        : `${tenant.slug}: BROKEN at entry ${verdict.firstBrokenSeq} (${verdict.checked} entries intact before it)`,
    );
  }
} finally {
  await database.close();
}
process.exitCode = isBroken ? 1 : 0;
