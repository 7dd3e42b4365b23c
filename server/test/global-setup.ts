import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { withSystem } from '../src/db/scope';
import { syncCrimeTypes } from '../src/modules/territory/index';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a dump (tar) of a migrated PGlite data directory; each test file opens its own copy. */
    pgliteTemplate: string | null;
  }
}

/**
 * Migrates once per run. With DATABASE_URL (CI's PostgreSQL pass) the shared database is migrated and
 * test files isolate themselves with fresh tenants. Without it one PGlite data directory is migrated
 * here and dumped to a file; every test file loads that dump into its own in-memory PGlite (~3 s of CPU
 * instead of ~15 s to create, install PostGIS and migrate), so adding test files or migrations costs
 * the run one migration, not one per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
    try {
      await migrate(database);
      await withSystem(database.db, (tx) => syncCrimeTypes(tx));
    } finally {
      await database.close();
    }
    project.provide('pgliteTemplate', null);
    return async () => undefined;
  }

  const workDir = await mkdtemp(join(tmpdir(), 'saferhood-test-template-'));
  const dataDir = join(workDir, 'data');
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
    await withSystem(database.db, (tx) => syncCrimeTypes(tx));
  } finally {
    await database.close();
  }
  // Uncompressed: loading it is as fast as copying a data directory on disk and opening that, and
  // ~0.5 s of CPU cheaper than gzip (measured in decision 0010).
  const client = await PGlite.create({ dataDir, extensions: { postgis } });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const templateFile = join(workDir, 'template.tar');
  await writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templateFile);
  return async () => {
    await rm(workDir, { recursive: true, force: true });
  };
}
