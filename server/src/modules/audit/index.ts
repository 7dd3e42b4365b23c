export { recordAudit, recordSystemAudit, type AuditEntry } from './audit.repository';
export { logAccess, listAccessFor } from './access-log.repository';
export { verifyAuditChain, type Anchor, type ChainVerdict } from './verify-audit-chain';
export { redactAuditPayload, type RedactionReason } from './audit.service';
export { appendAnchors, readLatestAnchors, type AnchorLine } from './audit-anchor';
export { readAllChainHeads, sealPending } from './audit.repository';
export { auditRoutes } from './audit.routes';
