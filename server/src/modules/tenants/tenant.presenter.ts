import type { Tenant } from '@saferhood/contracts';
import type { TenantRow } from '../../db/schema';

export function presentTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage,
    currency: row.currency,
    isPlatform: row.isPlatform,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

