import type { AuditEvent } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import { presentAuditEvent } from './audit.presenter';
import { listAuditEvents } from './audit.repository';

/** One page of the audit log, newest first, with the cursor for the next (older) page. */
export async function listAuditPage(
  tx: TenantTx,
  page: { beforeSeq?: number | undefined; limit: number },
): Promise<{ items: AuditEvent[]; nextBeforeSeq: number | null }> {
  const rows = await listAuditEvents(tx, page);
  const last = rows.at(-1);
  return { items: rows.map(presentAuditEvent), nextBeforeSeq: rows.length === page.limit && last ? last.seq : null };
}
