import { countChanges, type PendingRecord, type PendingStore } from './changes';

/**
 * Unsynced assessment changes in IndexedDB. The database's name starts with "custodia", so auth/userStorage.ts erases
 * it on sign-out and when another user signs in on this browser: one user's answers never reach another.
 */
export const PENDING_DATABASE = 'custodia-assessment-entry';
const STORE = 'pending';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function open(factory: IDBFactory, closed: () => void): Promise<IDBDatabase> {
  const req = factory.open(PENDING_DATABASE, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  const database = await request(req);
  // Sign-out deletes the database (userStorage.ts): let go at once so the deletion is not blocked.
  database.onversionchange = () => {
    database.close();
    closed();
  };
  return database;
}

/** Falls back to memory where the browser has no IndexedDB (changes then last as long as the page). */
export function indexedDbPendingStore(factory: IDBFactory | undefined = globalThis.indexedDB): PendingStore {
  if (!factory) return memoryPendingStore();
  let db: Promise<IDBDatabase> | undefined;
  const store = async (mode: IDBTransactionMode) => {
    db ??= open(factory, () => (db = undefined));
    const database = await db;
    return database.transaction(STORE, mode).objectStore(STORE);
  };
  return {
    async load(id) {
      return (await request((await store('readonly')).get(id))) as PendingRecord | undefined;
    },
    async save(id, record) {
      const objects = await store('readwrite');
      if (record) await request(objects.put(record, id));
      else await request(objects.delete(id));
    },
    async list() {
      const objects = await store('readonly');
      const [keys, records] = await Promise.all([request(objects.getAllKeys()), request(objects.getAll())]);
      return keys.map((key, i) => ({ assessmentId: String(key), record: records[i] as PendingRecord }));
    },
  };
}

/**
 * How many changes wait on this device to be sent (see countChanges), for the screens shown before the user is
 * signed in again (offline, tokens gone with the reload). Never creates the database just to count.
 */
export async function keptChangesCount(
  factory: Pick<IDBFactory, 'databases'> | undefined = globalThis.indexedDB,
  store: () => PendingStore = () => indexedDbPendingStore(),
): Promise<number> {
  if (!factory || typeof factory.databases !== 'function') return 0;
  const databases = await factory.databases();
  if (!databases.some((d) => d.name === PENDING_DATABASE)) return 0;
  const kept = await store().list();
  return kept.reduce((sum, { record }) => sum + countChanges(record.changes), 0);
}

export function memoryPendingStore(): PendingStore & { records: Map<string, PendingRecord> } {
  const records = new Map<string, PendingRecord>();
  return {
    records,
    load: async (id) => records.get(id),
    save: async (id, record) => {
      if (record) records.set(id, structuredClone(record));
      else records.delete(id);
    },
    list: async () => [...records].map(([assessmentId, record]) => ({ assessmentId, record: structuredClone(record) })),
  };
}
