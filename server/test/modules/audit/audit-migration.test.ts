import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/database';
import { listMigrations, migrate } from '../../../src/db/migrate';
import { withTenant } from '../../../src/db/scope';
import { verifyAuditChain } from '../../../src/modules/audit/index';

const SEALING = '20261202100000_audit_sealing.sql';
const MIGRATIONS_DIR = fileURLToPath(new URL('../../../src/db/migrations/', import.meta.url));

/**
 * A database as it was before the sealing migration (always embedded: it needs a database of its own),
 * with a city whose audit chain the old trigger wrote.
 */
async function openLegacyDatabase(): Promise<{ database: Database; tenantId: string }> {
  const database = await openDatabase({ dataDir: 'memory://', databaseUrl: undefined });
  await database.execScript('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());');
  for (const name of (await listMigrations()).filter((name) => name < SEALING)) {
    await database.execScript(`BEGIN; ${await readFile(MIGRATIONS_DIR + name, 'utf8')}; INSERT INTO schema_migrations (name) VALUES ('${name}'); COMMIT;`);
  }
  const tenantId = uuidv7();
  await sql`INSERT INTO tenants (id, slug, name, time_zone, default_language, currency)
    VALUES (${tenantId}, 'legacy', 'Legacy', 'Europe/Prague', 'cs', 'CZK')`.execute(database.db);
  for (const name of ['Anna', 'Béla', 'Cyril']) {
    await sql`INSERT INTO audit_log (tenant_id, action, resource_type, resource_id, actor_id, after)
      VALUES (${tenantId}, 'user.create', 'user', ${name}, NULL, ${JSON.stringify({ displayName: name })}::jsonb)`.execute(database.db);
  }
  return { database, tenantId };
}

let legacy: { database: Database; tenantId: string };
beforeAll(async () => {
  legacy = await openLegacyDatabase();
});
afterAll(() => legacy.database.close());

describe('the audit sealing migration', () => {
  it('refuses to carry over a broken chain, then carries an intact one over in its order, still verifiable', async () => {
    const { database, tenantId } = legacy;
    // A tampered legacy chain is not silently re-sealed as if it were good.
    await database.execScript(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE audit_log SET resource_id = 'Bořek' WHERE seq = 2; COMMIT;`);
    await expect(migrate(database)).rejects.toThrow(/broken at entry 2/);
    await database.execScript(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE audit_log SET resource_id = 'Béla' WHERE seq = 2; COMMIT;`);

    // The sealing migration first; later migrations follow it.
    expect((await migrate(database))[0]).toBe(SEALING);
    const { rows } = await sql<{ seq: string; resourceId: string; after: unknown }>`
      SELECT s.seq::text AS seq, a.resource_id, a.after FROM audit_seals s JOIN audit_log a ON a.tenant_id = s.tenant_id AND a.id = s.entry_id
       WHERE s.tenant_id = ${tenantId} ORDER BY s.seq`.execute(database.db);
    expect(rows).toEqual([
      { seq: '1', resourceId: 'Anna', after: { displayName: 'Anna' } },
      { seq: '2', resourceId: 'Béla', after: { displayName: 'Béla' } },
      { seq: '3', resourceId: 'Cyril', after: { displayName: 'Cyril' } },
    ]);
    expect(await withTenant(database.db, tenantId, (tx) => verifyAuditChain(tx))).toEqual({ ok: true, checked: 3, firstBrokenSeq: null, redacted: 0, problem: null });
  });
});
