/**
 * Everything the app keeps in the browser for a signed-in user, and how it is erased. Tokens are never among it
 * (they live in memory), but later features keep offline work (IndexedDB) and cached answers (Cache Storage) that
 * belong to one user. On sign-out, and when a different user signs in on the same browser, all of it goes.
 *
 * What counts as ours: localStorage/sessionStorage keys starting with "custodia." or "oidc." (oidc-client-ts'
 * transient sign-in state), every IndexedDB database and every Cache Storage cache whose name starts with
 * "custodia", except the app shell cache ("custodia-shell…"), which holds only the public application files.
 */

export const OWNER_KEY = 'custodia.owner';
const KEY_PREFIXES = ['custodia.', 'oidc.'];
const DATA_PREFIX = 'custodia';
const SHELL_CACHE_PREFIX = 'custodia-shell';

export interface BrowserStores {
  localStorage?: Storage;
  sessionStorage?: Storage;
  indexedDB?: Pick<IDBFactory, 'databases' | 'deleteDatabase'>;
  caches?: Pick<CacheStorage, 'keys' | 'delete'>;
}

function defaultStores(): BrowserStores {
  return {
    localStorage: typeof localStorage === 'undefined' ? undefined : localStorage,
    sessionStorage: typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
    indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
    caches: typeof caches === 'undefined' ? undefined : caches,
  };
}

function removeKeys(storage: Storage | undefined, keep: ReadonlySet<string>) {
  if (!storage) return;
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && !keep.has(key) && KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) doomed.push(key);
  }
  doomed.forEach((key) => storage.removeItem(key));
}

function deleteDatabase(factory: Pick<IDBFactory, 'deleteDatabase'>, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete IndexedDB ${name}`));
    // Another tab still holds it open: it is deleted once that tab lets go; do not wait for that here.
    request.onblocked = () => resolve();
  });
}

export interface ClearOptions {
  /** Keys to keep (e.g. the realm of the session that is starting). */
  keep?: readonly string[];
}

/** Erases everything stored for the user (see the module comment). Never throws for a store the browser lacks. */
export async function clearUserStorage(stores: BrowserStores = defaultStores(), options: ClearOptions = {}) {
  const keep = new Set(options.keep ?? []);
  removeKeys(stores.localStorage, keep);
  removeKeys(stores.sessionStorage, keep);
  const work: Promise<unknown>[] = [];
  if (stores.indexedDB && typeof stores.indexedDB.databases === 'function') {
    const factory = stores.indexedDB;
    const databases = await factory.databases();
    for (const { name } of databases) {
      if (name?.startsWith(DATA_PREFIX)) work.push(deleteDatabase(factory, name));
    }
  }
  if (stores.caches) {
    const cacheStorage = stores.caches;
    for (const name of await cacheStorage.keys()) {
      if (name.startsWith(DATA_PREFIX) && !name.startsWith(SHELL_CACHE_PREFIX)) work.push(cacheStorage.delete(name));
    }
  }
  await Promise.all(work);
}

/**
 * Called once a user is signed in: when the browser's stored data belongs to someone else (another subject, or
 * the same name in another realm), it is erased first. Then the data is marked as this user's.
 * Returns true when something was erased.
 */
export async function claimStorageFor(
  owner: { issuer: string; subject: string },
  stores: BrowserStores = defaultStores(),
  options: ClearOptions = {},
): Promise<boolean> {
  const id = `${owner.issuer} ${owner.subject}`;
  const previous = stores.localStorage?.getItem(OWNER_KEY) ?? null;
  let erased = false;
  if (previous !== null && previous !== id) {
    await clearUserStorage(stores, options);
    erased = true;
  }
  stores.localStorage?.setItem(OWNER_KEY, id);
  return erased;
}
