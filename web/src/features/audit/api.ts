import { auditListSchema, auditVerifySchema, type AuditVerify } from '@saferhood/contracts';
import { requestJson } from '../../lib/api-client';

export const AUDIT_QUERY_KEY = ['audit-events'] as const;
export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first; `beforeSeq` continues below the previous page. */
export function listAuditEvents(beforeSeq: number | undefined) {
  return requestJson('GET', '/audit-events', auditListSchema, { query: { beforeSeq, limit: AUDIT_PAGE_SIZE } });
}

export function verifyAuditChain(): Promise<AuditVerify> {
  return requestJson('POST', '/audit-events/verify', auditVerifySchema);
}
