import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type DatabaseKind = 'embedded' | 'postgres';

/** An open database: Kysely for queries, plus what only the raw client can do (multi-statement scripts). */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations); a failure rolls back an open transaction. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for server mode; absent for the embedded database. */
  databaseUrl?: string | undefined;
  /** Embedded data directory, or 'memory://' for a throwaway database (tests). */
  dataDir: string;
  /** Embedded only: start from this dump of a data directory (PGlite `dumpDataDir`) instead of an empty one (tests clone a migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openEmbedded(options.dataDir, options.loadDataDir);
}

async function openEmbedded(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { postgis }, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins });
  return {
    kind: 'embedded',
    db,
    // Goes through Kysely's connection lock so a script never interleaves with a transaction.
    execScript: async (script) => {
      await db.connection().execute(async () => {
        await client.exec(script).catch(async (error: unknown) => {
          await client.exec('ROLLBACK').catch(() => undefined);
          throw error;
        });
      });
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  // Return timestamptz as Date and bigint (counts, sequence numbers) as string, as PGlite does.
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
  return {
    kind: 'postgres',
    db,
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // A failed script leaves its transaction open on this connection; end it before handing it back.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/** Is the database answering? Used by /readyz. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
