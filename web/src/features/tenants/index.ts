export { TenantListPage } from './TenantListPage';
