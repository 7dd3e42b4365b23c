import { createHash } from 'node:crypto';
import type { TenantTx } from '../../db/scope';
import { readAuditChain, readAuditChainHead } from './audit.repository';

const GENESIS_HASH = '0'.repeat(64);

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

/**
 * Walks a tenant's audit chain and recomputes every hash. A row changed after the fact (its content or
 * its hash), removed, or inserted out of turn breaks the chain at that row.
 */
export async function verifyAuditChain(tx: TenantTx, { batchSize = 1000 } = {}): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await readAuditChain(tx, expectedSeq - 1, batchSize);
    for (const row of rows) {
      const seq = Number(row.seq);
      const recomputed = createHash('sha256').update(row.input, 'utf8').digest('hex');
      if (seq !== expectedSeq || row.prevHash !== expectedPrev || row.hash !== recomputed) {
        return { ok: false, checked, firstBrokenSeq: expectedSeq };
      }
      checked += 1;
      expectedSeq += 1;
      expectedPrev = row.hash;
    }
    if (rows.length < batchSize) break;
  }
  // A row deleted from the end leaves no gap to see above; the chain head still remembers it.
  const headSeq = Number((await readAuditChainHead(tx))?.seq ?? 0);
  return headSeq === checked ? { ok: true, checked, firstBrokenSeq: null } : { ok: false, checked, firstBrokenSeq: checked + 1 };
}
