import { tenantListSchema, tenantSchema, type Tenant, type TenantCreate, type TenantUpdate } from '@saferhood/contracts';
import { requestJson } from '../../lib/api-client';

export const TENANTS_QUERY_KEY = ['tenants'] as const;

export async function listTenants(): Promise<Tenant[]> {
  const { items } = await requestJson('GET', '/tenants', tenantListSchema);
  return items;
}

export function createTenant(tenant: TenantCreate): Promise<Tenant> {
  return requestJson('POST', '/tenants', tenantSchema, { body: tenant });
}

export function updateTenant(id: string, update: TenantUpdate): Promise<Tenant> {
  return requestJson('PATCH', `/tenants/${encodeURIComponent(id)}`, tenantSchema, { body: update });
}
