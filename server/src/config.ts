import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, checked once at start. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Seed the demo city on first start. Refused in production. */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(12 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(14),
  /** Mark cookies Secure (HTTPS only). Defaults to on in production. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Origins the map may load its base style, tiles, glyphs and sprites from (space-separated). */
  MAP_SOURCES: z.string().default(''),
  /** Failed sign-ins allowed in 15 minutes per account and per client address. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Where the audit sealer appends each city's chain head (decision 0007); default DATA_DIR/audit-anchors.jsonl. */
  AUDIT_ANCHOR_FILE: z.string().optional(),
  /** Bearer token for GET /metrics; when unset, /metrics answers only the loopback address. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Rows (table imports) or features (GeoJSON) one import may hold. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(50_000),
  /** Imports running at once in this process; more are refused with 503 so they never take the whole pool. */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /** statement_timeout of an import's transaction (its lock_timeout is a tenth of it, at least 1 s). */
  IMPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(120),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  seedDemo: boolean;
  session: { idleMinutes: number; maxDays: number; cookieSecure: boolean };
  logLevel: string;
  trustProxy: boolean;
  /** Origins allowed in the content security policy for the base map. */
  mapSources: string[];
  /** Sign-in throttling: failures allowed in the window, per account and per address. */
  throttle: { windowMinutes: number; maxPerAccount: number; maxPerIp: number };
  /** The audit chain heads' anchor file, outside the database; null when there is nowhere to keep it (in-memory data). */
  auditAnchorFile: string | null;
  /** /metrics: a bearer token, or (undefined) loopback only. */
  metricsToken: string | undefined;
  /** Limits of every file import (see docs/ARCHITECTURE.md, "Imports"). */
  imports: { maxRows: number; concurrency: number; timeoutSeconds: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  const isProduction = parsed.NODE_ENV === 'production';
  if (isProduction && parsed.SEED_DEMO === 'true') {
    throw new Error('SEED_DEMO=true is refused when NODE_ENV=production: the demo passwords are public.');
  }
  // npm runs workspace scripts in the workspace folder; a relative DATA_DIR means the folder npm was run from.
  const baseDir = env.INIT_CWD ?? process.cwd();
  const dataDir = isAbsolute(parsed.DATA_DIR) || parsed.DATA_DIR.startsWith('memory://') ? parsed.DATA_DIR : resolve(baseDir, parsed.DATA_DIR);
  return {
    env: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    seedDemo: parsed.SEED_DEMO ? parsed.SEED_DEMO === 'true' : !isProduction,
    session: {
      idleMinutes: parsed.SESSION_IDLE_MINUTES,
      maxDays: parsed.SESSION_MAX_DAYS,
      cookieSecure: parsed.COOKIE_SECURE ? parsed.COOKIE_SECURE === 'true' : isProduction,
    },
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parsed.TRUST_PROXY === 'true',
    mapSources: parsed.MAP_SOURCES.split(/[\s,]+/).filter((origin) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)),
    throttle: {
      windowMinutes: 15,
      maxPerAccount: parsed.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerIp: parsed.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    },
    auditAnchorFile: parsed.AUDIT_ANCHOR_FILE
      ? resolve(baseDir, parsed.AUDIT_ANCHOR_FILE)
      : dataDir.startsWith('memory://') ? null : resolve(dataDir, 'audit-anchors.jsonl'),
    metricsToken: parsed.METRICS_TOKEN,
    imports: { maxRows: parsed.IMPORT_MAX_ROWS, concurrency: parsed.IMPORT_CONCURRENCY, timeoutSeconds: parsed.IMPORT_TIMEOUT_SECONDS },
  };
}
