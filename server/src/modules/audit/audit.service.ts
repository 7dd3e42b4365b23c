import { AUDIT_ACTIONS, can, isAuditAction, type AuditEvent } from '@saferhood/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { logAccess } from './access-log.repository';
import { presentAuditEvent } from './audit.presenter';
import { findAuditEntry, listAuditEvents, recordAudit, redactPayload, sealPending } from './audit.repository';

/**
 * One page of the audit log, newest first, with the cursor for the next (older) page. A payload of
 * restricted data (the catalogue's `readableWith`) is shown only to a role that may read such data
 * outright, and each one shown is access-logged; to anyone else it is withheld (before and after null).
 */
export async function listAuditPage(
  tx: TenantTx,
  actor: Pick<Actor, 'userId' | 'role'>,
  page: { beforeSeq?: number | undefined; limit: number },
): Promise<{ items: AuditEvent[]; nextBeforeSeq: number | null }> {
  const rows = await listAuditEvents(tx, page);
  const items: AuditEvent[] = [];
  for (const row of rows) {
    // An action outside the catalogue (only possible for a forged row) is treated as restricted.
    const readableWith = isAuditAction(row.action) ? AUDIT_ACTIONS[row.action].readableWith : 'field_record:read_restricted';
    const hasPayload = row.before !== null || row.after !== null;
    const mayRead = readableWith === null || can(actor.role, readableWith);
    if (hasPayload && readableWith !== null && mayRead) {
      await logAccess(tx, { userId: actor.userId, resourceType: row.resourceType, resourceId: row.resourceId ?? `audit:${row.seq}`, purpose: 'audit_read' });
    }
    items.push(presentAuditEvent(row, { withheld: hasPayload && !mayRead }));
  }
  const last = rows.at(-1);
  return { items, nextBeforeSeq: rows.length === page.limit && last ? last.seq : null };
}

/** Why a payload is erased: a person's request (GDPR Art. 17) or the end of its retention period. */
export type RedactionReason = 'erasure_request' | 'retention_expired';

/**
 * Erases an audit entry's payload (before/after), or replaces it with its anonymised form, and audits
 * the erasure (without the erased data). The chain still verifies: it covers the payload's salted hash,
 * and the salt is erased with the payload, so the erased values cannot be confirmed by guessing.
 */
export async function redactAuditPayload(
  tx: TenantTx,
  actorId: string | null,
  entryId: number,
  { reason, anonymised = { before: null, after: null } }: { reason: RedactionReason; anonymised?: { before: unknown; after: unknown } },
): Promise<void> {
  const entry = await findAuditEntry(tx, entryId);
  if (!entry) throw new AppError('not_found');
  if (!(await redactPayload(tx, entryId, anonymised))) throw new AppError('not_found');
  await recordAudit(tx, {
    action: 'audit.redact',
    resourceType: 'audit_event',
    resourceId: String(entryId),
    actorId,
    after: { reason, action: entry.action, resourceType: entry.resourceType, resourceId: entry.resourceId, anonymised: anonymised.before !== null || anonymised.after !== null },
  });
}

/** Seals every committed entry (as the owner) so that a verification right after covers them. */
export async function sealCommitted(db: Kysely<DB>): Promise<void> {
  while ((await sealPending(db, 10_000)) === 10_000);
}
