/**
 * The audit trail at scale (issue 8): one city with BENCH_ENTRIES (default 1,000,000) audit entries,
 * written as bulk SQL through the real insert trigger (numbered, salted, payload-hashed, queued), then
 * sealed by the sealer, then verified by `npm run audit:verify` (run as the CLI is, in a child process)
 * and by verifyAuditChain in-process. Prints the time of each step.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/saferhood_bench npm run bench:audit-verify -w bench
 *
 * Use a database of its own: the entries cannot be deleted afterwards (the log is append-only).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { withTenant } from '../server/src/db/scope';
import { sealAuditTrail } from '../server/src/jobs/seal-audit';
import { verifyAuditChain } from '../server/src/modules/audit/index';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CHUNK = 100_000;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a PostgreSQL database of its own.');

const database = await openDatabase({ databaseUrl, dataDir: 'memory://', poolSize: 2 });
await migrate(database);
const tenantId = uuidv7();
const slug = `audit-bench-${tenantId.slice(-8)}`;
await sql`INSERT INTO tenants (id, slug, name, time_zone, default_language, currency)
  VALUES (${tenantId}, ${slug}, 'Audit bench', 'Europe/Prague', 'cs', 'CZK')`.execute(database.db);

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// Entries like a field record's creation: a ~300-byte after snapshot each.
let started = performance.now();
for (let done = 0; done < ENTRIES; done += CHUNK) {
  const count = Math.min(CHUNK, ENTRIES - done);
  await sql`
    INSERT INTO audit_log (tenant_id, action, resource_type, resource_id, actor_id, after)
    SELECT ${tenantId}, 'field_record.create', 'field_record', gen_random_uuid()::text, ${tenantId}::uuid,
           jsonb_build_object('category', 'public_order', 'occurredAt', now() - i * interval '1 minute', 'peopleCount', i % 7,
                              'note', 'Pochůzka, bez závad. Záznam číslo ' || i, 'location', jsonb_build_array(14.4 + (i % 1000) / 10000.0, 50.05),
                              'urgent', i % 20 = 0, 'status', 'submitted', 'version', 1)
      FROM generate_series(${done + 1}::int, ${done + count}::int) i`.execute(database.db);
}
console.log(`wrote ${ENTRIES} entries in ${seconds(started)} s`);
await sql`ANALYZE audit_log`.execute(database.db);
await sql`ANALYZE audit_unsealed`.execute(database.db);

started = performance.now();
const { sealed } = await sealAuditTrail(database.db, { anchorFile: null });
console.log(`sealed ${sealed} entries in ${seconds(started)} s`);
await sql`ANALYZE audit_seals`.execute(database.db);

started = performance.now();
const verdict = await withTenant(database.db, tenantId, (tx) => verifyAuditChain(tx, { batchSize: 10_000 }));
console.log(`verifyAuditChain (in-process): ${JSON.stringify(verdict)} in ${seconds(started)} s`);
await database.close();

const anchorFile = join(mkdtempSync(join(tmpdir(), 'audit-bench-')), 'anchors.jsonl');
started = performance.now();
const output = execFileSync('npx', ['tsx', 'src/cli/audit-verify.ts', slug], {
  cwd: new URL('../server/', import.meta.url).pathname,
  env: { ...process.env, DATABASE_URL: databaseUrl, AUDIT_ANCHOR_FILE: anchorFile },
  encoding: 'utf8',
});
console.log(output.trim());
console.log(`npm run audit:verify -- ${slug} (whole process, tsx start included): ${seconds(started)} s`);
