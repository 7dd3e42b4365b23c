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
        offencesInLocalities: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM crime_offences WHERE tenant_id = ${demo.id} AND locality_id IS NOT NULL`.execute(tx)).rows[0]!.n,
      };
    });
    expect(counts).toMatchObject({ users: DEMO_USERS.length, localities: 4, places: 6, indicators: 5 });
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
