import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
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
  /** Embedded only: the PGlite client, for what only it can do (dumping the data folder for a backup). */
  embedded?: { client: PGlite };
}

export interface DatabaseOptions {
  /** postgres://… for server mode; absent for the embedded database. */
  databaseUrl?: string | undefined;
  /** Embedded data directory, or 'memory://' for a throwaway database (tests). */
  dataDir: string;
  /** Embedded only: start from this dump of a data directory (PGlite `dumpDataDir`) instead of an empty one (tests clone a migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** PostgreSQL: prepare each distinct statement once per connection (default true; decision 0009). */
  preparedStatements?: boolean;
}

const plugins = [new CamelCasePlugin()];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.preparedStatements ?? true)
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
    embedded: { client },
  };
}

async function openPostgres(connectionString: string, max: number, prepared: boolean): Promise<Database> {
  // Return timestamptz as Date and bigint (counts, sequence numbers) as string, as PGlite does.
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: prepared ? preparingPool(pool) : pool }), plugins });
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

/**
 * At most this many distinct statements are prepared (per connection, named alike on all of them);
 * the application has a few hundred. Statements past the bound, e.g. SQL built with a varying number
 * of placeholders, run unnamed as before, so a connection's prepared plans stay bounded.
 */
const MAX_PREPARED_STATEMENTS = 500;

/**
 * The pool as Kysely sees it, with every query given a statement name derived from its SQL text, so
 * node-postgres parses and plans it once per connection and afterwards only binds and executes it
 * (PostgreSQL re-plans by itself when a table it reads changes, and per role, so row-level security
 * holds). Measured in docs/benchmarks.md.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
      name = `saferhood_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = ((textOrCursor: unknown, values?: readonly unknown[]) => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as pg.Submittable);
      const name = nameOf(textOrCursor);
      return client.query(name ? { name, text: textOrCursor, values: values as unknown[] } : { text: textOrCursor, values: values as unknown[] });
    }) as unknown as PostgresPoolClient['query'];
    return { query, release: () => client.release() };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let facade = wrapped.get(client);
      if (!facade) {
        facade = wrap(client);
        wrapped.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}

/** Is the database answering? Used by /readyz. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
