/**
 * A city for the field-work benchmarks: a fresh tenant with a coordinator, `assistants` assistants and
 * 20 localities tiling part of Prague, served by the real app (buildApp) on a real port. PostgreSQL
 * when DATABASE_URL is set (use a database of its own: `createdb -h 127.0.0.1 -U postgres saferhood_bench`),
 * else the embedded database in memory.
 */
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { withSystem, withTenant } from '../server/src/db/scope';
import type { Actor } from '../server/src/http/actor';
import { hashPassword } from '../server/src/modules/auth/index';
import { createLocality } from '../server/src/modules/territory/locality.service';

export const PASSWORD = 'bench password 1';
/** The box the localities tile (and records fall in, some outside every locality). */
export const BOX = { west: 14.3, south: 50.0, east: 14.5, north: 50.1 } as const;

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function openBenchCity(options: { assistants: number; poolSize: number; preparedStatements?: boolean }) {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), port: 0, throttle: { ...loadConfig({ NODE_ENV: 'test' }).throttle, maxPerIp: 1_000_000 } };
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: options.poolSize, preparedStatements: options.preparedStatements ?? true });
  await migrate(database);
  const tenantId = crypto.randomUUID();
  const slug = `bench-${Date.now().toString(36)}`;
  const passwordHash = await hashPassword(PASSWORD);
  const person = (role: string, index: number) => ({
    tenantId,
    id: crypto.randomUUID(),
    email: `${role}-${index}@bench.test`,
    displayName: `${role === 'assistant' ? 'Asistent' : 'Koordinátorka'} ${String(index).padStart(2, '0')}`,
    role,
    passwordHash,
  });
  const coordinator = person('coordinator', 0);
  const assistants = Array.from({ length: options.assistants }, (_, index) => person('assistant', index + 1));
  await withSystem(database.db, async (tx) => {
    await tx.insertInto('tenants').values({ id: tenantId, slug, name: 'Bench City', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' }).execute();
    await tx.insertInto('users').values([coordinator, ...assistants]).execute();
  });

  // 5 × 4 localities with gaps between them: some records fall outside every locality.
  const actor: Actor = { userId: coordinator.id, tenantId, role: 'coordinator', sessionId: 'bench' };
  const localityIds = await withTenant(database.db, tenantId, async (tx) => {
    const ids: string[] = [];
    const width = (BOX.east - BOX.west) / 5;
    const height = (BOX.north - BOX.south) / 4;
    for (let i = 0; i < 5; i += 1) {
      for (let j = 0; j < 4; j += 1) {
        const [x, y] = [BOX.west + i * width, BOX.south + j * height];
        const ring: [number, number][] = [[x, y], [x + width * 0.9, y], [x + width * 0.9, y + height * 0.9], [x, y + height * 0.9], [x, y]];
        const locality = await createLocality(tx, actor, { name: `Lokalita ${i}-${j}`, kind: 'at_risk', boundary: { type: 'Polygon', coordinates: [ring] } });
        ids.push(locality.id);
      }
    }
    return ids;
  });

  const app = await buildApp({ config, database });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const signIn = async (email: string): Promise<Session> => {
    const answer = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: slug, email, password: PASSWORD }),
    });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
    return { cookie: answer.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await answer.json()) as { csrfToken: string }).csrfToken };
  };

  return {
    database,
    app,
    address,
    tenantId,
    slug,
    coordinator,
    assistants,
    localityIds,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A small deterministic generator, so every run writes the same kind of data. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The internal categories of the default code list (signals need a signal body and no note). */
export const INTERNAL_CATEGORIES = [
  'school_supervision', 'joint_patrol', 'public_order', 'cleanliness_hazards', 'bar_checks', 'problem_contact', 'resident_contact',
  'extremism_prevention', 'referral', 'written_report', 'office_supervision', 'preventive_event', 'other',
];

/** A PUT body as the field app sends it: a category, the moment, a GPS point, sometimes a count, a note, urgency. */
export function recordBody(next: () => number, occurredAt: Date) {
  return {
    category: INTERNAL_CATEGORIES[Math.floor(next() * INTERNAL_CATEGORIES.length)]!,
    occurredAt: occurredAt.toISOString(),
    location: { type: 'Point', coordinates: [BOX.west + next() * (BOX.east - BOX.west), BOX.south + next() * (BOX.north - BOX.south)] },
    locationSource: 'gps',
    ...(next() < 0.5 ? { peopleCount: 1 + Math.floor(next() * 6) } : {}),
    ...(next() < 0.6 ? { note: 'Rušení nočního klidu u domu č. p. 12, domluveno se správcem.' } : {}),
    urgent: next() < 0.05,
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
