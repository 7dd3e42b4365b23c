import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { SystemTx, TenantTx } from '../../db/scope';

export interface AuditEntry {
  /** `<resource>.<verb>`, e.g. `user.create`. */
  action: string;
  resourceType: string;
  resourceId: string | null;
  actorId: string | null;
  /** Whitelisted snapshots (never secrets such as password hashes); null when there is none. */
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the tenant's audit chain. The database assigns seq, time and hashes (migration
 * 20261121120000_foundation.sql), so no caller can forge them. Call it in the same transaction as the write.
 */
export async function recordAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, tx.tenantId, entry);
}

/** For the operator's cross-tenant writes (a new city's first entry is in that city's own chain). */
export async function recordSystemAudit(tx: SystemTx, tenantId: string, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, tenantId, entry);
}

async function appendAudit(tx: Transaction<DB>, tenantId: string, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      tenantId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      actorId: entry.actorId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function listAuditEvents(tx: TenantTx, page: { beforeSeq?: number | undefined; limit: number }) {
  let query = tx
    .selectFrom('auditLog')
    .leftJoin('users', (join) => join.onRef('users.tenantId', '=', 'auditLog.tenantId').onRef('users.id', '=', 'auditLog.actorId'))
    .select([
      sql<number>`audit_log.seq::int`.as('seq'),
      'auditLog.at',
      'auditLog.actorId',
      'users.email as actorEmail',
      'auditLog.action',
      'auditLog.resourceType',
      'auditLog.resourceId',
      'auditLog.before',
      'auditLog.after',
    ])
    .where('auditLog.tenantId', '=', tx.tenantId)
    .orderBy('auditLog.seq', 'desc')
    .limit(page.limit);
  if (page.beforeSeq !== undefined) query = query.where('auditLog.seq', '<', String(page.beforeSeq));
  return query.execute();
}

/** One chain row as the verifier needs it: the hashed fields, rendered as text by the database. */
export interface ChainRow {
  seq: string;
  prevHash: string;
  hash: string;
  input: string;
}

/**
 * The chain in order, with each row's fields rendered to the canonical text the hash covers. The text
 * is built from the stored columns by audit_hash_input(); the hashing itself happens in the verifier.
 */
export async function readAuditChain(tx: TenantTx, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const { rows } = await sql<ChainRow>`
    SELECT seq::text AS seq, prev_hash, hash,
           audit_hash_input(prev_hash, tenant_id, seq, at, actor_id, action, resource_type, resource_id, before, after) AS input
      FROM audit_log
     WHERE tenant_id = ${tx.tenantId} AND seq > ${afterSeq}
     ORDER BY audit_log.seq -- the column, not the text alias above (which would sort 10 before 2)
     LIMIT ${limit}`.execute(tx);
  return rows;
}

export async function readAuditChainHead(tx: TenantTx) {
  return tx.selectFrom('auditChainHeads').select(['seq', 'hash']).where('tenantId', '=', tx.tenantId).executeTakeFirst();
}
