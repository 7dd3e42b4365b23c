import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../../src/db/scope';
import { sealAuditTrail } from '../../../src/jobs/seal-audit';
import { readLatestAnchors, recordAudit, redactAuditPayload, verifyAuditChain, type Anchor } from '../../../src/modules/audit/index';
import { as, buildSignedIn } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
let anchorDir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  anchorDir = await mkdtemp(join(tmpdir(), 'saferhood-anchors-'));
});
afterAll(async () => {
  await ctx.close();
  await rm(anchorDir, { recursive: true, force: true });
});

/** A tenant whose admin created three users: a chain of sign-in + 3 creations, sealed. */
async function buildTenantWithHistory() {
  const signedIn = await buildSignedIn(ctx.app, ctx.database.db, 'admin');
  for (const [index, name] of ['Anna', 'Béla', 'Cyril'].entries()) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as(signedIn.session),
      payload: { email: `person-${index}@example.test`, displayName: name, role: 'assistant', password: 'long enough password' },
    });
    expect(response.statusCode).toBe(201);
  }
  await seal();
  return signedIn;
}

const seal = (anchorFile: string | null = null) => sealAuditTrail(ctx.database.db, { anchorFile });

/** Edits history as someone with database access would: triggers off for this transaction only. */
function tamper(statement: ReturnType<typeof sql>) {
  return withSystem(ctx.database.db, async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await statement.execute(tx);
  });
}

/** The id of the entry sealed at `seq` in a tenant's chain. */
const entryAt = (tenantId: string, seq: number) => sql`(SELECT entry_id FROM audit_seals WHERE tenant_id = ${tenantId} AND seq = ${seq})`;

const verify = (tenantId: string, options: { batchSize?: number; anchor?: Anchor } = {}) =>
  withTenant(ctx.database.db, tenantId, (tx) => verifyAuditChain(tx, options));

const intact = (checked: number, redacted = 0) => ({ ok: true, checked, firstBrokenSeq: null, redacted, problem: null });

describe('audit log', () => {
  it('records who did what with before and after, never the password hash', async () => {
    const { session, user } = await buildTenantWithHistory();
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) });
    expect(response.statusCode).toBe(200);
    const events = response.json().items;
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'user.create',
      'user.create',
      'user.create',
      'session.sign_in',
    ]);
    expect(events.map((event: { chainSeq: number }) => event.chainSeq)).toEqual([4, 3, 2, 1]);
    expect(events[0]).toMatchObject({ actorId: user.id, actorEmail: user.email, resourceType: 'user', before: null, payload: 'shown' });
    expect(events[0].after).toMatchObject({ displayName: 'Cyril', role: 'assistant' });
    expect(JSON.stringify(events)).not.toMatch(/argon2|passwordHash|long enough password/);
  });

  it('keeps the before state of a change', async () => {
    const { session } = await buildTenantWithHistory();
    const users = (await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: as(session) })).json().items;
    const anna = users.find((u: { displayName: string }) => u.displayName === 'Anna');
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${anna.id}`,
      headers: as(session),
      payload: { role: 'supervisor', version: anna.version },
    });
    const [latest] = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=1', headers: as(session) })).json().items;
    // Written in the same transaction as the change; sealed a few seconds later.
    expect(latest).toMatchObject({ action: 'user.update', before: { role: 'assistant' }, after: { role: 'supervisor', version: 2 }, chainSeq: null });
  });

  it('pages newest first with a cursor', async () => {
    const { session } = await buildTenantWithHistory();
    const first = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events?limit=3', headers: as(session) })).json();
    expect(first.items.map((e: { chainSeq: number }) => e.chainSeq)).toEqual([4, 3, 2]);
    expect(first.nextBeforeSeq).toBe(first.items[2].seq);
    const second = (await ctx.app.inject({ method: 'GET', url: `/api/v1/audit-events?limit=3&beforeSeq=${first.nextBeforeSeq}`, headers: as(session) })).json();
    expect(second.items.map((e: { chainSeq: number }) => e.chainSeq)).toEqual([1]);
    expect(second.nextBeforeSeq).toBeNull();
  });

  it('verifies an intact chain, through the API too (which seals what is committed first)', async () => {
    const { tenant, session } = await buildTenantWithHistory();
    expect(await verify(tenant.id)).toEqual(intact(4));
    await withTenant(ctx.database.db, tenant.id, (tx) => recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: null, actorId: null }));
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/audit-events/verify', headers: as(session) });
    expect(response.json()).toEqual(intact(5));
  });

  it('verifies a chain longer than one read batch, in numeric order past entry 9', async () => {
    const { tenant } = await buildTenantWithHistory();
    await withTenant(ctx.database.db, tenant.id, async (tx) => {
      for (let i = 0; i < 8; i += 1) await recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: String(i), actorId: null });
    });
    await seal();
    expect(await verify(tenant.id, { batchSize: 5 })).toEqual(intact(12));
    await tamper(sql`UPDATE audit_log SET resource_id = 'changed' WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 11)}`);
    expect(await verify(tenant.id, { batchSize: 5 })).toMatchObject({ ok: false, checked: 10, firstBrokenSeq: 11, problem: 'entry_changed' });
  });

  it('detects an edited payload', async () => {
    const { tenant } = await buildTenantWithHistory();
    await tamper(sql`UPDATE audit_log SET after = '{"displayName": "Someone else"}' WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 3)}`);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3, problem: 'payload_changed' });
  });

  it('detects an edited payload even with its payload hash recomputed', async () => {
    const { tenant } = await buildTenantWithHistory();
    await tamper(sql`UPDATE audit_log SET after = '{"displayName": "Someone else"}',
      payload_hash = audit_payload_hash(salt, before, '{"displayName": "Someone else"}')
      WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 3)}`);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'entry_changed' });
  });

  it('detects an entry whose content and seal were both rewritten', async () => {
    const { tenant } = await buildTenantWithHistory();
    await tamper(sql`UPDATE audit_log SET action = 'user.disable' WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 2)}`);
    await tamper(sql`
      UPDATE audit_seals s SET hash = encode(sha256(convert_to(audit_seal_input(s.prev_hash, s.tenant_id, s.seq, s.entry_id, a.at,
          a.actor_id, a.action, a.resource_type, a.resource_id, a.payload_hash), 'UTF8')), 'hex')
        FROM audit_log a WHERE a.tenant_id = s.tenant_id AND a.id = s.entry_id AND s.tenant_id = ${tenant.id} AND s.seq = 2`);
    // Link 2 now hashes correctly, but link 3 still points at link 2's old hash.
    expect(await verify(tenant.id)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3, problem: 'link_out_of_order' });
  });

  it('detects a deleted entry, in the middle and at the end', async () => {
    const middle = await buildTenantWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${middle.tenant.id} AND id = ${entryAt(middle.tenant.id, 2)}`);
    expect(await verify(middle.tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 2, problem: 'entry_missing' });

    const link = await buildTenantWithHistory();
    await tamper(sql`DELETE FROM audit_seals WHERE tenant_id = ${link.tenant.id} AND seq = 2`);
    expect(await verify(link.tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 2 });

    const end = await buildTenantWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${end.tenant.id} AND id = ${entryAt(end.tenant.id, 4)}`);
    await tamper(sql`DELETE FROM audit_seals WHERE tenant_id = ${end.tenant.id} AND seq = 4`);
    expect(await verify(end.tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 4, problem: 'head_mismatch' });
  });

  it('detects reordered entries', async () => {
    const { tenant } = await buildTenantWithHistory();
    // Links 2 and 3 swap places (one statement per step: the keys are checked row by row).
    await tamper(sql`UPDATE audit_seals SET seq = -2 WHERE tenant_id = ${tenant.id} AND seq = 2`);
    await tamper(sql`UPDATE audit_seals SET seq = 2 WHERE tenant_id = ${tenant.id} AND seq = 3`);
    await tamper(sql`UPDATE audit_seals SET seq = 3 WHERE tenant_id = ${tenant.id} AND seq = -2`);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
  });

  it('detects an inserted entry: written around the trigger, or slipped into the chain', async () => {
    const around = await buildTenantWithHistory();
    await tamper(sql`INSERT INTO audit_log (tenant_id, id, at, action, resource_type, payload_hash)
      VALUES (${around.tenant.id}, nextval('audit_log_id_seq'), now(), 'user.disable', 'user', 'x')`);
    await seal();
    expect(await verify(around.tenant.id)).toMatchObject({ ok: false, checked: 4, firstBrokenSeq: 5, problem: 'entry_outside_chain' });

    const slipped = await buildTenantWithHistory();
    await tamper(sql`UPDATE audit_seals SET seq = seq + 1000 WHERE tenant_id = ${slipped.tenant.id} AND seq >= 3`);
    await tamper(sql`UPDATE audit_seals SET seq = seq - 999 WHERE tenant_id = ${slipped.tenant.id} AND seq >= 1000`);
    await tamper(sql`INSERT INTO audit_seals (tenant_id, seq, entry_id, prev_hash, hash)
      SELECT tenant_id, 3, -1, hash, hash FROM audit_seals WHERE tenant_id = ${slipped.tenant.id} AND seq = 2`);
    expect(await verify(slipped.tenant.id)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3 });
  });

  it('detects a rewritten tail with its head, and a head moved back, by the anchor kept outside the database', async () => {
    const anchorFile = join(anchorDir, 'tail.jsonl');
    const rewritten = await buildTenantWithHistory();
    const movedBack = await buildTenantWithHistory();
    const outcome = await seal(anchorFile);
    expect(outcome.anchored).toEqual(expect.arrayContaining([expect.objectContaining({ tenantId: movedBack.tenant.id, seq: 4 })]));
    expect(await readFile(anchorFile, 'utf8')).toContain(movedBack.tenant.id);
    const anchors = await readLatestAnchors(anchorFile);

    // Entries 3 and 4 removed and the head moved back to entry 2: the chain itself is consistent…
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${movedBack.tenant.id} AND id IN (${entryAt(movedBack.tenant.id, 3)}, ${entryAt(movedBack.tenant.id, 4)})`);
    await tamper(sql`DELETE FROM audit_seals WHERE tenant_id = ${movedBack.tenant.id} AND seq >= 3`);
    await tamper(sql`UPDATE audit_chain_heads SET seq = 2, hash = (SELECT hash FROM audit_seals WHERE tenant_id = ${movedBack.tenant.id} AND seq = 2)
      WHERE tenant_id = ${movedBack.tenant.id}`);
    expect(await verify(movedBack.tenant.id)).toEqual(intact(2));
    // …but not with the anchor.
    expect(await verify(movedBack.tenant.id, { anchor: anchors.get(movedBack.tenant.id)! })).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'anchor_missing' });

    // Entry 4 rewritten and resealed with its head: consistent, but not the anchored entry 4.
    await tamper(sql`UPDATE audit_log SET action = 'user.disable' WHERE tenant_id = ${rewritten.tenant.id} AND id = ${entryAt(rewritten.tenant.id, 4)}`);
    await tamper(sql`
      UPDATE audit_seals s SET hash = encode(sha256(convert_to(audit_seal_input(s.prev_hash, s.tenant_id, s.seq, s.entry_id, a.at,
          a.actor_id, a.action, a.resource_type, a.resource_id, a.payload_hash), 'UTF8')), 'hex')
        FROM audit_log a WHERE a.tenant_id = s.tenant_id AND a.id = s.entry_id AND s.tenant_id = ${rewritten.tenant.id} AND s.seq = 4`);
    await tamper(sql`UPDATE audit_chain_heads SET hash = (SELECT hash FROM audit_seals WHERE tenant_id = ${rewritten.tenant.id} AND seq = 4)
      WHERE tenant_id = ${rewritten.tenant.id}`);
    expect(await verify(rewritten.tenant.id)).toEqual(intact(4));
    expect(await verify(rewritten.tenant.id, { anchor: anchors.get(rewritten.tenant.id)! })).toMatchObject({ ok: false, firstBrokenSeq: 4, problem: 'anchor_mismatch' });
  });

  it('erases a payload with its salt, audits the erasure, and still verifies (the payload reported as redacted)', async () => {
    const { tenant, session, user } = await buildTenantWithHistory();
    const events = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) })).json().items;
    const anna = events.find((event: { after: { displayName?: string } | null }) => event.after?.displayName === 'Anna');
    const cyril = events.find((event: { after: { displayName?: string } | null }) => event.after?.displayName === 'Cyril');
    await withTenant(ctx.database.db, tenant.id, async (tx) => {
      await redactAuditPayload(tx, user.id, anna.seq, { reason: 'erasure_request' });
      await redactAuditPayload(tx, user.id, cyril.seq, { reason: 'retention_expired', anonymised: { before: null, after: { role: 'assistant' } } });
    });
    await seal();
    expect(await verify(tenant.id)).toEqual(intact(6, 2));

    const after = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) })).json().items;
    expect(after.find((event: { seq: number }) => event.seq === anna.seq)).toMatchObject({ action: 'user.create', before: null, after: null, payload: 'redacted' });
    expect(after.find((event: { seq: number }) => event.seq === cyril.seq)).toMatchObject({ after: { role: 'assistant' }, payload: 'redacted' });
    expect(after[0]).toMatchObject({ action: 'audit.redact', resourceType: 'audit_event', resourceId: String(cyril.seq), after: { reason: 'retention_expired', anonymised: true } });
    expect(JSON.stringify(after)).not.toMatch(/Anna|Cyril/);
    const { rows } = await sql<{ salt: string | null }>`SELECT salt FROM audit_log WHERE tenant_id = ${tenant.id} AND id = ${anna.seq}`.execute(ctx.database.db);
    expect(rows).toEqual([{ salt: null }]);

    // A payload "redacted" behind the application's back (no audit.redact entry) is reported.
    await tamper(sql`UPDATE audit_log SET after = '{"displayName": "Someone else"}', salt = NULL, redacted_at = now()
      WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 3)}`);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'redaction_unaudited' });

    // The application role can erase only through the function: no plain UPDATE, not even of the payload.
    await expect(
      withTenant(ctx.database.db, tenant.id, (tx) => sql`UPDATE audit_log SET after = NULL WHERE tenant_id = ${tenant.id}`.execute(tx)),
    ).rejects.toThrow();
  });

  it('leaves no entry for a rolled-back write', async () => {
    const { tenant } = await buildTenantWithHistory();
    await expect(
      withTenant(ctx.database.db, tenant.id, async (tx) => {
        await recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: 'rolled-back', actorId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await seal();
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = ${tenant.id} AND resource_id = 'rolled-back'`.execute(ctx.database.db);
    expect(rows[0]!.n).toBe(0);
    expect(await verify(tenant.id)).toEqual(intact(4));
  });

  it('refuses updates, deletes and truncation even to the owning role', async () => {
    const { tenant } = await buildTenantWithHistory();
    for (const statement of [
      sql`UPDATE audit_log SET action = 'x.y' WHERE tenant_id = ${tenant.id}`,
      sql`DELETE FROM audit_log WHERE tenant_id = ${tenant.id}`,
      sql`UPDATE audit_seals SET hash = 'x' WHERE tenant_id = ${tenant.id}`,
      sql`DELETE FROM audit_seals WHERE tenant_id = ${tenant.id}`,
      sql`TRUNCATE audit_seals`,
      sql`TRUNCATE audit_log`,
    ]) {
      await expect(withSystem(ctx.database.db, (tx) => statement.execute(tx))).rejects.toThrow(/append-only/);
    }
    expect((await verify(tenant.id)).ok).toBe(true);
  });

  it('lets only the admin read and verify the log', async () => {
    const { session } = await buildSignedIn(ctx.app, ctx.database.db, 'coordinator');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: as(session) })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/audit-events/verify', headers: as(session) })).statusCode).toBe(403);
  });

  it.skipIf(!process.env.DATABASE_URL)('lets two writers of one city commit without waiting on each other (PostgreSQL)', async () => {
    const { tenant } = await buildTenantWithHistory();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = withTenant(ctx.database.db, tenant.id, async (tx) => {
      await recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: 'first', actorId: null });
      firstWrote();
      await firstMayCommit;
    });
    await firstHasWritten;
    // The first is still open after its audit entry. The second must not wait for it: a lock wait
    // would fail it (lock_timeout) instead of hanging the test.
    await withTenant(ctx.database.db, tenant.id, async (tx) => {
      await sql`SET LOCAL lock_timeout = '2s'`.execute(tx);
      await recordAudit(tx, { action: 'session.sign_in', resourceType: 'user', resourceId: 'second', actorId: null });
    });
    // The sealer seals what is committed and leaves the open one for later.
    await seal();
    const sealed = await sql<{ resourceId: string }>`SELECT a.resource_id FROM audit_seals s JOIN audit_log a ON a.tenant_id = s.tenant_id AND a.id = s.entry_id
      WHERE s.tenant_id = ${tenant.id} AND s.seq > 4 ORDER BY s.seq`.execute(ctx.database.db);
    expect(sealed.rows.map((row) => row.resourceId)).toEqual(['second']);
    releaseFirst();
    await first;
    await seal();
    expect(await verify(tenant.id)).toEqual(intact(6));
  });

  it.skipIf(!process.env.DATABASE_URL)('npm run audit:verify exits 0 on a good chain and non-zero naming the first bad entry (PostgreSQL)', async () => {
    const { tenant } = await buildTenantWithHistory();
    const anchorFile = join(anchorDir, 'cli.jsonl');
    const run = () =>
      spawnSync('npx', ['tsx', 'src/cli/audit-verify.ts', tenant.slug], {
        cwd: fileURLToPath(new URL('../../../', import.meta.url)),
        env: { ...process.env, AUDIT_ANCHOR_FILE: anchorFile },
        encoding: 'utf8',
      });
    const good = run();
    expect(good.stdout).toContain(`${tenant.slug}: ok, 4 entries`);
    expect(good.status).toBe(0);
    // Its run anchored the head; entry 4 removed with the head moved back is caught by that anchor.
    await tamper(sql`DELETE FROM audit_seals WHERE tenant_id = ${tenant.id} AND seq = 4`);
    await tamper(sql`UPDATE audit_chain_heads SET seq = 3, hash = (SELECT hash FROM audit_seals WHERE tenant_id = ${tenant.id} AND seq = 3) WHERE tenant_id = ${tenant.id}`);
    await tamper(sql`UPDATE audit_log SET after = '{"displayName": "Someone else"}' WHERE tenant_id = ${tenant.id} AND id = ${entryAt(tenant.id, 2)}`);
    const bad = run();
    expect(bad.stdout).toContain(`BROKEN at entry 2 (tenant ${tenant.slug} ${tenant.id}, seq 2): payload_changed`);
    expect(bad.status).toBe(1);
  });
});
