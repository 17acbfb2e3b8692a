import { clearUserStorage } from '../../../auth/userStorage';
import { PENDING_DATABASE } from '../pendingStore';

describe('unsynced answers in IndexedDB', () => {
  it('belong to the user: sign-out and a change of user erase them', async () => {
    const deleted: string[] = [];
    const indexedDB = {
      databases: async () => [{ name: PENDING_DATABASE, version: 1 }],
      deleteDatabase: (name: string) => {
        deleted.push(name);
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() => request.onsuccess?.(new Event('success')));
        return request;
      },
    };
    await clearUserStorage({ indexedDB });
    expect(deleted).toEqual([PENDING_DATABASE]);
  });
});
