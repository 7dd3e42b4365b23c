import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '@saferhood/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { SystemTx, TenantTx } from '../../db/scope';

export interface AuditEntry {
  /** `<resource>.<verb>` from the closed catalogue (contracts/src/audit.ts), e.g. `user.create`. */
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  actorId: string | null;
  /** Whitelisted snapshots (never secrets such as password hashes); null when there is none. */
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit entry in the caller's transaction: it commits or rolls back with the change it
 * records. The database numbers, times, salts and hashes it and queues it for the sealer (migration
 * 20261202100000_audit_sealing.sql); no shared row is locked, so a city's writers do not queue.
 */
export async function recordAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, tx.tenantId, entry);
}

/** For the operator's cross-tenant writes (a new city's first entry is in that city's own chain). */
export async function recordSystemAudit(tx: SystemTx, tenantId: string, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, tenantId, entry);
}

async function appendAudit(tx: Transaction<DB>, tenantId: string, entry: AuditEntry): Promise<void> {
  // The type already says so; this catches a cast or a computed action before it reaches the chain.
  if (!isAuditAction(entry.action)) throw new Error(`Audit action "${entry.action}" is not in the catalogue (contracts/src/audit.ts).`);
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
    .leftJoin('auditSeals', (join) => join.onRef('auditSeals.tenantId', '=', 'auditLog.tenantId').onRef('auditSeals.entryId', '=', 'auditLog.id'))
    .select([
      sql<number>`audit_log.id::int`.as('seq'),
      sql<number | null>`audit_seals.seq::int`.as('chainSeq'),
      'auditLog.at',
      'auditLog.actorId',
      'users.email as actorEmail',
      'auditLog.action',
      'auditLog.resourceType',
      'auditLog.resourceId',
      'auditLog.before',
      'auditLog.after',
      'auditLog.redactedAt',
    ])
    .where('auditLog.tenantId', '=', tx.tenantId)
    .orderBy('auditLog.id', 'desc')
    .limit(page.limit);
  if (page.beforeSeq !== undefined) query = query.where('auditLog.id', '<', String(page.beforeSeq));
  return query.execute();
}

/** One link of the chain with its entry, as the verifier needs them (entry fields null if the entry is gone). */
export interface ChainRow {
  seq: string;
  entryId: string;
  prevHash: string;
  hash: string;
  /** The entry's `at` as the hash covers it (rendering only; the hashing happens in the verifier). */
  at: string | null;
  actorId: string | null;
  action: string | null;
  resourceType: string | null;
  resourceId: string | null;
  payloadHash: string | null;
  salt: string | null;
  before: string | null;
  after: string | null;
  redacted: boolean | null;
  isPresent: boolean;
}

/** The chain of a tenant in order, from after `afterSeq`, each link joined to its entry. */
export async function readAuditChain(tx: TenantTx, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const { rows } = await sql<ChainRow>`
    SELECT s.seq::text AS seq, s.entry_id::text AS entry_id, s.prev_hash, s.hash,
           to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
           a.actor_id, a.action, a.resource_type, a.resource_id, a.payload_hash, a.salt,
           a.before::text AS before, a.after::text AS after, a.redacted_at IS NOT NULL AS redacted,
           a.id IS NOT NULL AS is_present
      FROM audit_seals s
      LEFT JOIN audit_log a ON a.tenant_id = s.tenant_id AND a.id = s.entry_id
     WHERE s.tenant_id = ${tx.tenantId} AND s.seq > ${afterSeq}
     ORDER BY s.seq
     LIMIT ${limit}`.execute(tx);
  return rows;
}

export async function readAuditChainHead(tx: TenantTx) {
  return tx.selectFrom('auditChainHeads').select(['seq', 'hash']).where('tenantId', '=', tx.tenantId).executeTakeFirst();
}

/** Entries that are neither sealed nor waiting to be: written around the trigger, i.e. forged. */
export async function countOrphanEntries(tx: TenantTx): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    SELECT count(*)::text AS count FROM audit_log a
     WHERE a.tenant_id = ${tx.tenantId}
       AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.tenant_id = a.tenant_id AND s.entry_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM audit_unsealed q WHERE q.tenant_id = a.tenant_id AND q.entry_id = a.id)`.execute(tx);
  return Number(rows[0]?.count ?? 0);
}

/** Of these redacted entries, those without the `audit.redact` entry that a real redaction writes with it. */
export async function findUnauditedRedactions(tx: TenantTx, entryIds: readonly string[]): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const audited = await tx
    .selectFrom('auditLog')
    .select('resourceId')
    .where('tenantId', '=', tx.tenantId)
    .where('resourceType', '=', 'audit_event')
    .where('action', '=', 'audit.redact')
    .where('resourceId', 'in', entryIds)
    .execute();
  const seen = new Set(audited.map((row) => row.resourceId));
  return entryIds.filter((id) => !seen.has(id));
}

/** Erases or replaces an entry's payload (and its salt) through the one function the database allows for it. */
export async function redactPayload(tx: TenantTx, entryId: number, replacement: { before: unknown; after: unknown }): Promise<boolean> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const { rows } = await sql<{ done: boolean }>`
    SELECT redact_audit_payload(${entryId}::bigint, ${json(replacement.before)}::jsonb, ${json(replacement.after)}::jsonb) AS done`.execute(tx);
  return rows[0]?.done === true;
}

export async function findAuditEntry(tx: TenantTx, entryId: number) {
  return tx
    .selectFrom('auditLog')
    .select(['id', 'action', 'resourceType', 'resourceId', 'redactedAt'])
    .where('tenantId', '=', tx.tenantId)
    .where('id', '=', String(entryId))
    .executeTakeFirst();
}

/** Seals up to `maxEntries` committed entries into their cities' chains (owner only: audit_seal()). */
export async function sealPending(db: Kysely<DB>, maxEntries: number): Promise<number> {
  const { rows } = await sql<{ sealed: number }>`SELECT audit_seal(${maxEntries}) AS sealed`.execute(db);
  return Number(rows[0]?.sealed ?? 0);
}

/** Every city's chain head, for the anchor. */
export async function readAllChainHeads(db: Kysely<DB>) {
  return db
    .selectFrom('auditChainHeads')
    .innerJoin('tenants', 'tenants.id', 'auditChainHeads.tenantId')
    .select(['auditChainHeads.tenantId', 'tenants.slug', 'auditChainHeads.seq', 'auditChainHeads.hash'])
    .where('auditChainHeads.seq', '>', '0')
    .execute();
}

export { AUDIT_ACTIONS };
