import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withTenant } from '../../../src/db/scope';
import { listAccessFor, logAccess } from '../../../src/modules/audit/index';
import { buildTenant, buildUser } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('access log', () => {
  it('records who read which sensitive record and why, and keeps it append-only', async () => {
    const tenant = await buildTenant(ctx.database.db);
    const worker = await buildUser(ctx.database.db, tenant, { role: 'social_worker' });
    await withTenant(ctx.database.db, tenant.id, (tx) =>
      logAccess(tx, { userId: worker.id, resourceType: 'case', resourceId: 'case-1', purpose: 'case_work' }),
    );
    const entries = await withTenant(ctx.database.db, tenant.id, (tx) => listAccessFor(tx, 'case', 'case-1'));
    expect(entries).toEqual([expect.objectContaining({ userId: worker.id, purpose: 'case_work' })]);
    await expect(
      withTenant(ctx.database.db, tenant.id, (tx) => sql`DELETE FROM access_log WHERE tenant_id = ${tenant.id}`.execute(tx)),
    ).rejects.toThrow();
  });
});
