export { tenantRoutes } from './tenant.routes';
export { findTenantBySlug, findOwnTenant } from './tenant.repository';
export { presentTenant } from './tenant.presenter';
export { createTenant } from './tenant.service';
