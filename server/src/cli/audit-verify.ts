import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { withSystem, withTenant } from '../db/scope';
import { sealAuditTrail } from '../jobs/seal-audit';
import { readLatestAnchors, verifyAuditChain } from '../modules/audit/index';

/**
 * `npm run audit:verify [-- <tenant-slug>]`: seals what is committed, then recomputes every tenant's
 * audit chain (or one's), checks it against the latest anchors (AUDIT_ANCHOR_FILE or
 * DATA_DIR/audit-anchors.jsonl), and exits non-zero if any is broken, naming the first bad entry.
 * Read the anchors before sealing: what this run seals is checked by the chain, not by itself.
 */
const config = loadConfig();
const only = process.argv[2];
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let isBroken = false;
try {
  const anchors = config.auditAnchorFile ? await readLatestAnchors(config.auditAnchorFile) : new Map();
  const started = performance.now();
  const { sealed } = await sealAuditTrail(database.db, { anchorFile: config.auditAnchorFile });
  if (sealed > 0) console.log(`sealed ${sealed} entries in ${Math.round(performance.now() - started)} ms`);
  const tenants = await withSystem(database.db, (tx) =>
    tx.selectFrom('tenants').select(['id', 'slug']).$if(only !== undefined, (q) => q.where('slug', '=', only!)).orderBy('slug').execute(),
  );
  if (only && tenants.length === 0) throw new Error(`No tenant "${only}".`);
  for (const tenant of tenants) {
    const begun = performance.now();
    const verdict = await withTenant(database.db, tenant.id, (tx) => verifyAuditChain(tx, { batchSize: 10_000, anchor: anchors.get(tenant.id) }));
    isBroken ||= !verdict.ok;
    const took = `${Math.round(performance.now() - begun)} ms`;
    const redacted = verdict.redacted > 0 ? `, ${verdict.redacted} with redacted payload` : '';
    console.log(
      verdict.ok
        ? `${tenant.slug}: ok, ${verdict.checked} entries${redacted} (${took})`
        : `${tenant.slug}: BROKEN at entry ${verdict.firstBrokenSeq} (tenant ${tenant.slug} ${tenant.id}, seq ${verdict.firstBrokenSeq}): ${verdict.problem}; ${verdict.checked} entries intact before it`,
    );
  }
} finally {
  await database.close();
}
process.exitCode = isBroken ? 1 : 0;
