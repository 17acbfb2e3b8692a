import { OWNER_KEY, claimStorageFor, clearUserStorage, type BrowserStores } from './userStorage';

/** Stand-ins for IndexedDB and Cache Storage that jsdom lacks; they record what was deleted. */
function fakeStores(
  databases: string[],
  cacheNames: string[],
): BrowserStores & { dbs: Set<string>; cacheSet: Set<string> } {
  const dbs = new Set(databases);
  const cacheSet = new Set(cacheNames);
  return {
    dbs,
    cacheSet,
    localStorage,
    sessionStorage,
    indexedDB: {
      databases: async () => [...dbs].map((name) => ({ name, version: 1 })),
      deleteDatabase: (name: string) => {
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() => {
          dbs.delete(name);
          request.onsuccess?.call(request, new Event('success'));
        });
        return request;
      },
    },
    caches: {
      keys: async () => [...cacheSet],
      delete: async (name: string) => cacheSet.delete(name),
    },
  };
}

const alice = { issuer: 'http://kc/realms/kz', subject: 'alice' };
const bob = { issuer: 'http://kc/realms/kz', subject: 'bob' };

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('clearUserStorage', () => {
  it("erases the app's keys, the OIDC state, the user's databases and caches; leaves others and the app shell", async () => {
    localStorage.setItem('custodia.owner', 'x');
    localStorage.setItem('custodia.drafts', '{}');
    localStorage.setItem('unrelated', 'kept');
    sessionStorage.setItem('custodia.realm', '{}');
    sessionStorage.setItem('oidc.1234', '{"code_verifier":"…"}');
    const stores = fakeStores(
      ['custodia-offline', 'custodia-answers', 'other-db'],
      ['custodia-data', 'custodia-shell-v1', 'x'],
    );

    await clearUserStorage(stores);

    expect(Object.keys(localStorage)).toEqual(['unrelated']);
    expect(sessionStorage.length).toBe(0);
    expect([...stores.dbs]).toEqual(['other-db']);
    expect([...stores.cacheSet].sort()).toEqual(['custodia-shell-v1', 'x']);
  });

  it('keeps the keys it is told to keep', async () => {
    sessionStorage.setItem('custodia.realm', '{"authority":"a","kind":"tenant"}');
    sessionStorage.setItem('custodia.other', '1');
    await clearUserStorage(fakeStores([], []), { keep: ['custodia.realm'] });
    expect(Object.keys(sessionStorage)).toEqual(['custodia.realm']);
  });

  it('works in a browser without IndexedDB or Cache Storage', async () => {
    localStorage.setItem('custodia.x', '1');
    await clearUserStorage({ localStorage, sessionStorage });
    expect(localStorage.length).toBe(0);
  });
});

describe('claimStorageFor', () => {
  it('erases what the previous user left when another user signs in', async () => {
    const stores = fakeStores(['custodia-offline'], ['custodia-data']);
    await claimStorageFor(alice, stores);
    localStorage.setItem('custodia.drafts', 'alice’s unsynced answers');

    const erased = await claimStorageFor(bob, stores);

    expect(erased).toBe(true);
    expect(localStorage.getItem('custodia.drafts')).toBeNull();
    expect(stores.dbs.size).toBe(0);
    expect(stores.cacheSet.size).toBe(0);
    expect(localStorage.getItem(OWNER_KEY)).toBe(`${bob.issuer} ${bob.subject}`);
  });

  it('keeps the data of the same user signing in again (offline work survives a new session)', async () => {
    const stores = fakeStores(['custodia-offline'], []);
    await claimStorageFor(alice, stores);
    localStorage.setItem('custodia.drafts', 'alice’s unsynced answers');

    expect(await claimStorageFor(alice, stores)).toBe(false);
    expect(localStorage.getItem('custodia.drafts')).not.toBeNull();
    expect(stores.dbs.has('custodia-offline')).toBe(true);
  });

  it('treats the same subject in another realm as another user', async () => {
    const stores = fakeStores(['custodia-offline'], []);
    await claimStorageFor(alice, stores);
    expect(await claimStorageFor({ ...alice, issuer: 'http://kc/realms/kg' }, stores)).toBe(true);
    expect(stores.dbs.size).toBe(0);
  });

  it('keeps the realm of the session being started', async () => {
    await claimStorageFor(alice, fakeStores([], []));
    sessionStorage.setItem('custodia.realm', '{}');
    await claimStorageFor(bob, fakeStores([], []), { keep: ['custodia.realm'] });
    expect(sessionStorage.getItem('custodia.realm')).toBe('{}');
  });
});
