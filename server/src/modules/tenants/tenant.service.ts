import type { TenantCreate, TenantUpdate } from '@saferhood/contracts';
import { PLATFORM_TENANT_SLUG } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import { enterTenant, type SystemTx } from '../../db/scope';
import type { TenantRow } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { isSupportedLanguage } from '../../http/i18n';
import { recordSystemAudit } from '../audit/index';
import { createUser } from '../auth/index';
import { findTenantById, insertTenant, listTenants, updateTenantAtVersion } from './tenant.repository';


function assertLanguage(language: string | undefined): void {
  if (language !== undefined && !isSupportedLanguage(language)) {
    throw new AppError('validation_failed', { fields: [{ field: 'defaultLanguage', code: 'not_supported' }] });
  }
}

/**
 * The operator opens a new city with its first admin, in one transaction. Audited in the new tenant's
 * own chain: its first entries are the city and its admin, by the operator.
 */
export async function createTenant(tx: SystemTx, actor: Actor, input: TenantCreate): Promise<TenantRow> {
  assertLanguage(input.defaultLanguage);
  if (input.slug === PLATFORM_TENANT_SLUG) throw new AppError('slug_taken');
  const { admin, ...settings } = input;
  const tenant = await insertTenant(tx, { id: uuidv7(), ...settings, createdBy: actor.userId });
  await recordSystemAudit(tx, tenant.id, {
    action: 'tenant.create',
    resourceType: 'tenant',
    resourceId: tenant.id,
    actorId: actor.userId,
    after: settings,
  });
  await createUser(await enterTenant(tx, tenant.id), actor, { ...admin, role: 'admin' });
  return tenant;
}

export async function updateTenant(
  tx: SystemTx,
  actor: Actor,
  id: string,
  input: TenantUpdate,
): Promise<TenantRow> {
  assertLanguage(input.defaultLanguage);
  const before = await findTenantById(tx, id);
  if (!before) throw new AppError('not_found');
  const { version, ...changes } = input;
  const after = await updateTenantAtVersion(tx, id, version, changes);
  if (!after) throw new AppError('version_conflict');
  await recordSystemAudit(tx, id, {
    action: 'tenant.update',
    resourceType: 'tenant',
    resourceId: id,
    actorId: actor.userId,
    before: pick(before, Object.keys(changes)),
    after: changes,
  });
  return after;
}

function pick(row: TenantRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof TenantRow]]));
}

export const listAllTenants = (tx: SystemTx) => listTenants(tx);
