import { createHash } from 'node:crypto';
import type { ChainProblem } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import { countOrphanEntries, findUnauditedRedactions, readAuditChain, readAuditChainHead, type ChainRow } from './audit.repository';

const GENESIS_HASH = '0'.repeat(64);

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first entry (chain seq) that is missing, changed, out of place or unanchored; null when ok. */
  firstBrokenSeq: number | null;
  /** Entries whose payload was redacted: their header and place in the chain were checked, their payload cannot be. */
  redacted: number;
  /** What is wrong there (a code; the CLI prints it for the operator). */
  problem: ChainProblem | null;
}

/** A chain head written outside the database (the anchor file): the chain must still contain it, unchanged. */
export interface Anchor {
  seq: number;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text a payload hash covers: the same as audit_payload_hash() in the database. */
export function payloadHashInput(salt: string, before: string | null, after: string | null): string {
  return [salt, before ?? 'null', after ?? 'null'].join('\n');
}

/** The text a seal's hash covers: the same as audit_seal_input() in the database. */
function sealInput(tenantId: string, row: ChainRow): string {
  return [
    row.prevHash,
    tenantId,
    row.seq,
    row.entryId,
    row.at,
    row.actorId ?? '',
    row.action,
    row.resourceType,
    row.resourceId ?? '',
    row.payloadHash,
  ].join('\n');
}

/** Why a link is bad, or null when it is good. */
function checkLink(tenantId: string, row: ChainRow, expectedSeq: number, expectedPrev: string): ChainProblem | null {
  if (Number(row.seq) !== expectedSeq) return 'link_missing';
  if (row.prevHash !== expectedPrev) return 'link_out_of_order';
  if (!row.isPresent) return 'entry_missing';
  if (row.hash !== sha256(sealInput(tenantId, row))) return 'entry_changed';
  if (!row.redacted && (row.salt === null || row.payloadHash !== sha256(payloadHashInput(row.salt, row.before, row.after)))) {
    return 'payload_changed';
  }
  return null;
}

/**
 * Walks a tenant's sealed chain and recomputes every hash: a changed, removed, reordered or inserted
 * entry breaks it there; a changed payload is caught by its payload hash unless it was redacted through
 * redact_audit_payload() (then it is counted as redacted, and its `audit.redact` entry must exist). The head must match the last link, every
 * entry must be sealed or waiting to be, and the chain must still hold the latest anchored head.
 * Entries not yet sealed (the last few seconds) are not covered: seal first (`npm run audit:verify` does).
 */
export async function verifyAuditChain(tx: TenantTx, { batchSize = 1000, anchor }: { batchSize?: number; anchor?: Anchor | undefined } = {}): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let redacted = 0;
  const redactedSeqs = new Map<string, number>();
  const broken = (problem: ChainProblem, seq = expectedSeq): ChainVerdict => ({ ok: false, checked: expectedSeq - 1, firstBrokenSeq: seq, redacted, problem });
  for (;;) {
    const rows = await readAuditChain(tx, expectedSeq - 1, batchSize);
    for (const row of rows) {
      const problem = checkLink(tx.tenantId, row, expectedSeq, expectedPrev);
      if (problem) return broken(problem);
      if (anchor && anchor.seq === expectedSeq && anchor.hash !== row.hash) return broken('anchor_mismatch');
      if (row.redacted) {
        redacted += 1;
        redactedSeqs.set(row.entryId, expectedSeq);
      }
      expectedSeq += 1;
      expectedPrev = row.hash;
    }
    if (rows.length < batchSize) break;
  }
  const checked = expectedSeq - 1;
  // Entries removed from the end leave no gap to see above; the head and the anchor still remember them.
  const head = await readAuditChainHead(tx);
  if (Number(head?.seq ?? 0) !== checked || (checked > 0 && head?.hash !== expectedPrev)) return broken('head_mismatch');
  if (anchor && anchor.seq > checked) return broken('anchor_missing', checked + 1);
  if ((await countOrphanEntries(tx)) > 0) return broken('entry_outside_chain', checked + 1);
  // A payload marked redacted without the audit entry every redaction writes was not redacted by us.
  const [unaudited] = await findUnauditedRedactions(tx, [...redactedSeqs.keys()]);
  if (unaudited !== undefined) return broken('redaction_unaudited', redactedSeqs.get(unaudited));
  return { ok: true, checked, firstBrokenSeq: null, redacted, problem: null };
}
