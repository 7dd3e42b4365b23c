export { recordAudit, recordSystemAudit, type AuditEntry } from './audit.repository';
export { logAccess, listAccessFor } from './access-log.repository';
export { verifyAuditChain, type ChainVerdict } from './verify-audit-chain';
export { auditRoutes } from './audit.routes';
