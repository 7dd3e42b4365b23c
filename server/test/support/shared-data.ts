import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file of the real sample data (`shared/data/`, next to the checkout: ../shared/data from the repository
 * root). Looked for in each folder above this one, so a checkout one level deeper (a git worktree in a
 * folder of worktrees) finds the same data.
 */
export function sharedDataPath(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'data', relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`shared/data/${relative} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const readSharedData = (relative: string): string => readFileSync(sharedDataPath(relative), 'utf8');
