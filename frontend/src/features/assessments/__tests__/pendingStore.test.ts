import { claimStorageFor, clearUserStorage, OWNER_KEY } from '../../../auth/userStorage';
import { PENDING_DATABASE } from '../pendingStore';

function fakeIndexedDb() {
  const deleted: string[] = [];
  return {
    deleted,
    indexedDB: {
      databases: async () => [{ name: PENDING_DATABASE, version: 1 }],
      deleteDatabase: (name: string) => {
        deleted.push(name);
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() => request.onsuccess?.(new Event('success')));
        return request;
      },
    },
  };
}

describe('unsynced answers in IndexedDB', () => {
  it('belong to the user: sign-out and a change of user erase them', async () => {
    const { deleted, indexedDB } = fakeIndexedDb();
    await clearUserStorage({ indexedDB });
    expect(deleted).toEqual([PENDING_DATABASE]);
  });

  it('survive a reload for the same user only: the owner is remembered in localStorage, not in the page', async () => {
    const issuer = 'http://kc/realms/kz';
    // What the page before the reload left: its owner, in storage that outlives the page.
    localStorage.setItem(OWNER_KEY, `${issuer} assessor`);

    const same = fakeIndexedDb();
    expect(await claimStorageFor({ issuer, subject: 'assessor' }, { localStorage, indexedDB: same.indexedDB })).toBe(
      false,
    );
    expect(same.deleted).toEqual([]);

    const other = fakeIndexedDb();
    expect(await claimStorageFor({ issuer, subject: 'supervisor' }, { localStorage, indexedDB: other.indexedDB })).toBe(
      true,
    );
    expect(other.deleted).toEqual([PENDING_DATABASE]);
    expect(localStorage.getItem(OWNER_KEY)).toBe(`${issuer} supervisor`);
    localStorage.removeItem(OWNER_KEY);
  });
});
