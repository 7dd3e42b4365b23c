import type { AuditEvent } from '@saferhood/contracts';
import type { listAuditEvents } from './audit.repository';

type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail ?? null,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
