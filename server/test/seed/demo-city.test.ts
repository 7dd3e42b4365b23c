import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../src/db/scope';
import { verifyAuditChain } from '../../src/modules/audit/index';
import { DEMO_USERS, seedDemoCity } from '../../src/seed/demo-city';
import { createTestContext, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('demo city', () => {
  it('seeds a user per role, its territory and the police sample, audited, and only once', async () => {
    await seedDemoCity(ctx.database.db);
    const demo = await withSystem(ctx.database.db, (tx) => tx.selectFrom('tenants').selectAll().where('slug', '=', 'demo').executeTakeFirstOrThrow());
    const counts = await withTenant(ctx.database.db, demo.id, async (tx) => {
      const count = async (table: string) =>
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${demo.id}`.execute(tx)).rows[0]!.n;
      return {
        users: await count('users'),
        localities: await count('localities'),
        places: await count('places'),
        indicators: await count('indicators'),
        offences: await count('crime_offences'),
        teams: await count('field_teams'),
        shifts: await count('shifts'),
        records: await count('field_records'),
        unreviewed: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM field_records WHERE tenant_id = ${demo.id} AND status = 'submitted'`.execute(tx)).rows[0]!.n,
        signals: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM field_records WHERE tenant_id = ${demo.id} AND sensitivity = 'restricted'`.execute(tx)).rows[0]!.n,
        todaysShifts: (await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM shifts s JOIN shift_assignments a ON a.tenant_id = s.tenant_id AND a.shift_id = s.id
            JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.assistant_id
           WHERE s.tenant_id = ${demo.id} AND u.email = 'assistant@demo.test'
             AND s.local_date = (now() AT TIME ZONE 'Europe/Prague')::date`.execute(tx)).rows[0]!.n,
        offencesInLocalities: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM crime_offences WHERE tenant_id = ${demo.id} AND locality_id IS NOT NULL`.execute(tx)).rows[0]!.n,
      };
    });
    // The field-work seed adds a second assistant for the mentor's team.
    expect(counts).toMatchObject({ users: DEMO_USERS.length + 1, localities: 4, places: 6, indicators: 5, teams: 1 });
    // Field work: the demo assistant always has a shift today; records wait for review and some are signals.
    expect(counts.todaysShifts).toBeGreaterThanOrEqual(1);
    expect(counts.shifts).toBeGreaterThan(100);
    expect(counts.records).toBeGreaterThan(150);
    expect(counts.unreviewed).toBeGreaterThan(0);
    expect(counts.signals).toBeGreaterThan(0);
    // Prague 5's real boundary holds 64 of the 400 offences of the sample.
    expect(counts.offences).toBe(64);
    expect(counts.offencesInLocalities).toBeGreaterThan(0);
    expect((await withTenant(ctx.database.db, demo.id, (tx) => verifyAuditChain(tx))).ok).toBe(true);

    expect(await seedDemoCity(ctx.database.db)).toEqual([]);
    const localities = await withTenant(ctx.database.db, demo.id, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM localities WHERE tenant_id = ${demo.id}`.execute(tx),
    );
    expect(localities.rows[0]!.n).toBe(4);
  });
});
