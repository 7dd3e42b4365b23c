import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { withSystem } from '../src/db/scope';
import { syncCrimeTypes } from '../src/modules/territory/index';

/**
 * With DATABASE_URL (CI's PostgreSQL run) the shared database is migrated once here; test files then
 * isolate themselves with fresh tenants. Without it every test file opens its own in-memory PGlite.
 */
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  try {
    await migrate(database);
    await withSystem(database.db, (tx) => syncCrimeTypes(tx));
  } finally {
    await database.close();
  }
}
