import { PLATFORM_TENANT_SLUG, type TenantRole } from '@saferhood/contracts';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { withSystem, withTenant } from '../db/scope';
import type { DB } from '../db/schema';
import { recordAudit, recordSystemAudit } from '../modules/audit/index';
import { DEMO_PASSWORD, hashPassword, insertUser, userAuditSnapshot } from '../modules/auth/index';
import { findTenantBySlug } from '../modules/tenants/index';
import { seedDemoFieldWork } from './demo-field-work';
import { seedDemoTerritory } from './demo-territory';


export const DEMO_TENANT_SLUG = 'demo';

/** One demo account per role (README lists them). */
export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: TenantRole | 'operator' }> = [
  { email: 'coordinator@demo.test', displayName: 'Jana Nováková', role: 'coordinator' },
  { email: 'supervisor@demo.test', displayName: 'Petr Dvořák', role: 'supervisor' },
  { email: 'assistant@demo.test', displayName: 'Tomáš Horváth', role: 'assistant' },
  { email: 'social@demo.test', displayName: 'Lucie Černá', role: 'social_worker' },
  { email: 'team@demo.test', displayName: 'Martin Svoboda', role: 'team_member' },
  { email: 'evaluator@demo.test', displayName: 'Eva Králová', role: 'evaluator' },
  { email: 'interviewer@demo.test', displayName: 'Kateřina Veselá', role: 'interviewer' },
  { email: 'admin@demo.test', displayName: 'Pavel Novotný', role: 'admin' },
];

export const DEMO_OPERATOR = { email: 'operator@platform.test', displayName: 'Platform Operator', role: 'operator' } as const;

/**
 * Seeds the platform tenant with its operator and "Demo City" with one user per role, each in one
 * transaction and audited. Does nothing for a tenant that already exists. Returns what it created.
 */
export async function seedDemoCity(db: Kysely<DB>): Promise<string[]> {
  const created: string[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenants = [
    {
      slug: PLATFORM_TENANT_SLUG,
      name: 'Saferhood platform',
      timeZone: 'Europe/Prague',
      defaultLanguage: 'en',
      currency: 'EUR',
      isPlatform: true,
      users: [DEMO_OPERATOR],
    },
    {
      slug: DEMO_TENANT_SLUG,
      name: 'Demo City',
      timeZone: 'Europe/Prague',
      defaultLanguage: 'cs',
      currency: 'CZK',
      isPlatform: false,
      users: DEMO_USERS,
    },
  ];
  for (const { users, ...tenant } of tenants) {
    const tenantId = await withSystem(db, async (tx) => {
      if (await findTenantBySlug(tx, tenant.slug)) return null;
      const row = await tx.insertInto('tenants').values({ id: uuidv7(), ...tenant }).returningAll().executeTakeFirstOrThrow();
      await recordSystemAudit(tx, row.id, { action: 'tenant.create', resourceType: 'tenant', resourceId: row.id, actorId: null, after: tenant });
      return row.id;
    });
    if (!tenantId) continue;
    await withTenant(db, tenantId, async (tx) => {
      for (const user of users) {
        const row = await insertUser(tx, { id: uuidv7(), ...user, language: null, passwordHash });
        await recordAudit(tx, { action: 'user.create', resourceType: 'user', resourceId: row.id, actorId: null, after: userAuditSnapshot(row) });
      }
    });
    created.push(tenant.slug);
  }
  await seedDemoCityTerritory(db, passwordHash);
  return created;
}

/** Demo City's territory and field work, also for a demo database made before those modules existed. */
async function seedDemoCityTerritory(db: Kysely<DB>, passwordHash: string): Promise<void> {
  const tenant = await withSystem(db, (tx) => findTenantBySlug(tx, DEMO_TENANT_SLUG));
  if (!tenant) return;
  const coordinator = await withTenant(db, tenant.id, (tx) =>
    tx.selectFrom('users').select('id').where('tenantId', '=', tenant.id).where('role', '=', 'coordinator').executeTakeFirst(),
  );
  if (!coordinator) return;
  await seedDemoTerritory(db, tenant.id, coordinator.id);
  await seedDemoFieldWork(db, tenant.id, passwordHash);
}
