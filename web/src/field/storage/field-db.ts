import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalRecord, OutboxOp, StoreChange, SyncStore } from '../sync/outbox-types';

/**
 * Everything the field app keeps on the phone, in one IndexedDB database:
 * - `ops`: the outbox (creates, edits, photos, check-ins) in the order they were made;
 * - `records`: the person's records as the phone knows them;
 * - `cache`: what the app needs to open without a network — the signed-in person, today's shifts and
 *   categories, the territory copy — each with the time it was fetched.
 * Signing out clears all three (it is refused while the outbox holds anything).
 */
interface FieldDbSchema extends DBSchema {
  ops: { key: string; value: OutboxOp };
  records: { key: string; value: LocalRecord };
  cache: { key: string; value: { key: string; value: unknown; savedAt: string } };
}

const DB_NAME = 'saferhood-field';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<FieldDbSchema>> | null = null;

export function openFieldDb(): Promise<IDBPDatabase<FieldDbSchema>> {
  opening ??= openDB<FieldDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('ops', { keyPath: 'id' });
      db.createObjectStore('records', { keyPath: 'id' });
      db.createObjectStore('cache', { keyPath: 'key' });
    },
  });
  return opening;
}

/** The outbox in IndexedDB; a commit is one transaction over both stores. */
export class IdbSyncStore implements SyncStore {
  async readOps(): Promise<OutboxOp[]> {
    // Keys are UUIDv7, so key order is the order the person made them.
    return (await openFieldDb()).getAll('ops');
  }

  async readRecords(): Promise<LocalRecord[]> {
    return (await openFieldDb()).getAll('records');
  }

  async readRecord(id: string): Promise<LocalRecord | undefined> {
    return (await openFieldDb()).get('records', id);
  }

  async commit(change: StoreChange): Promise<void> {
    const db = await openFieldDb();
    const tx = db.transaction(['ops', 'records'], 'readwrite');
    const ops = tx.objectStore('ops');
    const records = tx.objectStore('records');
    await Promise.all([
      ...(change.putRecords ?? []).map((record) => records.put(record)),
      ...(change.putOps ?? []).map((op) => ops.put(op)),
      ...(change.deleteOps ?? []).map((id) => ops.delete(id)),
      tx.done,
    ]);
  }
}

export interface Cached<T> {
  value: T;
  savedAt: string;
}

export async function readCache<T>(key: string): Promise<Cached<T> | null> {
  const entry = await (await openFieldDb()).get('cache', key);
  return entry ? { value: entry.value as T, savedAt: entry.savedAt } : null;
}

export async function writeCache(key: string, value: unknown): Promise<void> {
  await (await openFieldDb()).put('cache', { key, value, savedAt: new Date().toISOString() });
}

/** Forgets everything of the person who signs out. */
export async function clearFieldDb(): Promise<void> {
  const db = await openFieldDb();
  const tx = db.transaction(['ops', 'records', 'cache'], 'readwrite');
  await Promise.all([tx.objectStore('ops').clear(), tx.objectStore('records').clear(), tx.objectStore('cache').clear(), tx.done]);
}

/** Asks the browser not to evict our data under storage pressure (the outbox must survive). */
export async function requestPersistentStorage(): Promise<void> {
  try {
    if (navigator.storage?.persisted && !(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Not offered: IndexedDB is still kept unless the phone runs out of space.
  }
}
