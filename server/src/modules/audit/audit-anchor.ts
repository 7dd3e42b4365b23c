import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Anchor } from './verify-audit-chain';

/**
 * The anchor file: one JSON line per city and sealing run, `{ at, tenantId, slug, seq, hash }`, only
 * ever appended. It lives with the server (DATA_DIR or AUDIT_ANCHOR_FILE), where the database cannot
 * write: rewriting a chain's tail together with its head, or moving the head back, no longer matches
 * the last anchor. Copy it off the machine (log shipping, backups) to keep it out of an intruder's reach.
 */
export interface AnchorLine extends Anchor {
  at: string;
  tenantId: string;
  slug: string;
}

export async function appendAnchors(file: string, lines: readonly AnchorLine[]): Promise<void> {
  if (lines.length === 0) return;
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, lines.map((line) => JSON.stringify(line) + '\n').join(''), { encoding: 'utf8', mode: 0o600 });
}

/** The latest anchor of each city (by tenant id); a missing file has none. Unreadable lines are refused. */
export async function readLatestAnchors(file: string): Promise<Map<string, Anchor>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const latest = new Map<string, Anchor>();
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const line = JSON.parse(raw) as Partial<AnchorLine>;
    if (typeof line.tenantId !== 'string' || typeof line.seq !== 'number' || typeof line.hash !== 'string') {
      throw new Error(`${file}:${index + 1}: not an audit anchor line`);
    }
    const known = latest.get(line.tenantId);
    if (!known || line.seq >= known.seq) latest.set(line.tenantId, { seq: line.seq, hash: line.hash });
  }
  return latest;
}
