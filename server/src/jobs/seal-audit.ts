import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { appendAnchors, readAllChainHeads, sealPending, type AnchorLine } from '../modules/audit/index';

const BATCH = 10_000;

export interface SealOutcome {
  sealed: number;
  /** The heads that moved, as anchored (and logged by the caller). */
  anchored: AnchorLine[];
}

/**
 * Seals every committed audit entry into its city's chain, then anchors each head that moved: appended
 * to the anchor file (when there is one) and returned for the server log. Run every few seconds by the
 * server and before `npm run audit:verify`. `lastAnchored` (tenant → seq) remembers what is anchored.
 */
export async function sealAuditTrail(
  db: Kysely<DB>,
  { anchorFile, lastAnchored = new Map<string, number>() }: { anchorFile: string | null; lastAnchored?: Map<string, number> },
): Promise<SealOutcome> {
  let sealed = 0;
  for (;;) {
    const count = await sealPending(db, BATCH);
    sealed += count;
    if (count < BATCH) break;
  }
  const at = new Date().toISOString();
  const anchored = (await readAllChainHeads(db))
    .filter((head) => lastAnchored.get(head.tenantId) !== Number(head.seq))
    .map((head) => ({ at, tenantId: head.tenantId, slug: head.slug, seq: Number(head.seq), hash: head.hash }));
  if (anchorFile) await appendAnchors(anchorFile, anchored);
  for (const line of anchored) lastAnchored.set(line.tenantId, line.seq);
  return { sealed, anchored };
}
