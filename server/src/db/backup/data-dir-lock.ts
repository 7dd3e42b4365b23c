import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * PGlite has no lock of its own: two processes opening one data folder corrupt it, and a copy taken
 * while the server writes is not consistent. So whoever opens a data folder for long — the server, a
 * backup, a restore — first claims it with `<folder>.pid` beside it, holding its process id. A claim
 * by a process that is gone (killed, crashed) is stale and taken over.
 *
 * Returns the release function; throws when a live process holds the folder.
 */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  if (dataDir.startsWith('memory://')) return async () => undefined;
  const lockFile = `${dataDir}.pid`;
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The data folder ${dataDir} is in use by process ${holder} (a running server?): stop it first.`);
      }
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new Error(`Could not claim the data folder ${dataDir} (${lockFile}).`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
