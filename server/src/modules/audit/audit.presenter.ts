import type { AuditEvent } from '@saferhood/contracts';
import type { listAuditEvents } from './audit.repository';

type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

export function presentAuditEvent(row: AuditEventRow, { withheld }: { withheld: boolean }): AuditEvent {
  return {
    seq: row.seq,
    chainSeq: row.chainSeq ?? null,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail ?? null,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    before: withheld ? null : (row.before ?? null),
    after: withheld ? null : (row.after ?? null),
    payload: withheld ? 'withheld' : row.redactedAt ? 'redacted' : 'shown',
  };
}
