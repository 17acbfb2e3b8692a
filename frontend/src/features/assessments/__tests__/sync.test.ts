import { ApiError, toProblem } from '../../../api/problem';
import type { AssessmentView } from '../api';
import { memoryPendingStore } from '../pendingStore';
import type { Change } from '../changes';
import { AnswerSync, applyChanges, type Transport } from '../sync';

function view(
  version: number,
  answers: Record<string, unknown> = {},
  more: Partial<AssessmentView> = {},
): AssessmentView {
  return { id: 'a1', status: 'DRAFT', version, answers, ...more };
}

function problem(status: number) {
  return new ApiError(toProblem({ status, errors: [] }, status));
}

/** A server that keeps one assessment, applies merge patches on the right version and answers 409 otherwise. */
function fakeServer(initial: AssessmentView) {
  let current = initial;
  const sent: ({ version: number } & Change)[] = [];
  let fail: ApiError | null = null;
  const transport: Transport = {
    async patch(_id, body) {
      sent.push(structuredClone(body));
      if (fail) throw fail;
      if (body.version !== current.version) throw problem(409);
      current = view((current.version ?? 0) + 1, applyChanges(current.answers, [body]), {
        judgement: body.judgement ?? current.judgement,
        scoring: { missingRequired: [] },
      });
      return current;
    },
    read: async () => current,
  };
  return {
    transport,
    sent,
    failWith: (error: ApiError | null) => (fail = error),
    /** Someone else saves meanwhile. */
    otherSave: (answers: Record<string, unknown>) =>
      (current = view((current.version ?? 0) + 1, { ...current.answers, ...answers })),
    current: () => current,
  };
}

describe('AnswerSync', () => {
  let online = true;
  const options = { debounceMs: 10_000, retryMs: 10_000, isOnline: () => online };
  beforeEach(() => {
    online = true;
  });

  it('sends the changes merged oldest to newest with the version read, and shows them meanwhile', async () => {
    const server = fakeServer(view(3, { a: 1 }));
    const sync = new AnswerSync('a1', server.current(), memoryPendingStore(), server.transport, options);
    sync.edit({ answers: { b: 'x' } });
    sync.edit({ answers: { a: 2 } });
    sync.edit({ answers: { b: null } });
    expect(sync.unsyncedCount()).toBe(2);
    expect(applyChanges(sync.getState().server.answers, sync.getState().pending)).toEqual({ a: 2 });
    await sync.flush();
    expect(server.sent).toEqual([{ version: 3, answers: { b: null, a: 2 } }]);
    expect(sync.getState()).toMatchObject({ pending: [], baseVersion: 4, saving: false });
    expect(sync.getState().server.scoring).toBeDefined();
    expect(sync.unsyncedCount()).toBe(0);
  });

  it('typing into one field replaces the previous edit instead of queueing every keystroke', () => {
    const server = fakeServer(view(1));
    const sync = new AnswerSync('a1', server.current(), memoryPendingStore(), server.transport, options);
    sync.edit({ answers: { notes: 'a' } });
    sync.edit({ answers: { notes: 'ab' } });
    sync.edit({ answers: { other: true } });
    expect(sync.getState().pending).toEqual([{ answers: { notes: 'ab' } }, { answers: { other: true } }]);
  });

  it('an edit made while a save is under way goes in the next save, on the new version', async () => {
    const server = fakeServer(view(1));
    const sync = new AnswerSync('a1', server.current(), memoryPendingStore(), server.transport, options);
    sync.edit({ answers: { a: true } });
    const first = sync.flush();
    sync.edit({ answers: { a: false } });
    await first;
    expect(sync.getState().pending).toEqual([{ answers: { a: false } }]);
    await sync.flush();
    expect(server.sent.map((s) => [s.version, s.answers])).toEqual([
      [1, { a: true }],
      [2, { a: false }],
    ]);
    expect(server.current().answers).toEqual({ a: false });
  });

  it('offline: keeps the changes in the store, in order, and sends them when the connection returns', async () => {
    const server = fakeServer(view(5));
    const store = memoryPendingStore();
    const sync = new AnswerSync('a1', server.current(), store, server.transport, options);
    online = false;
    sync.edit({ answers: { a: 1 } });
    sync.edit({ answers: { b: 2 } });
    sync.edit({ answers: { a: 3 } });
    await sync.flush();
    await sync.persisted();
    expect(server.sent).toEqual([]);
    expect(sync.getState().offline).toBe(true);
    expect(store.records.get('a1')).toEqual({
      version: 5,
      changes: [{ answers: { a: 1 } }, { answers: { b: 2 } }, { answers: { a: 3 } }],
    });
    online = true;
    await sync.flush();
    await sync.persisted();
    expect(server.sent).toEqual([{ version: 5, answers: { a: 3, b: 2 } }]);
    expect(server.current().answers).toEqual({ a: 3, b: 2 });
    expect(store.records.has('a1')).toBe(false);
    expect(sync.getState().offline).toBe(false);
  });

  it('a lost connection during a save keeps everything and marks the page offline', async () => {
    const server = fakeServer(view(1));
    const sync = new AnswerSync('a1', server.current(), memoryPendingStore(), server.transport, options);
    server.failWith(problem(0));
    sync.edit({ answers: { a: 1 } });
    await sync.flush();
    expect(sync.getState()).toMatchObject({ offline: true, pending: [{ answers: { a: 1 } }], conflict: null });
    server.failWith(null);
    await sync.flush();
    expect(server.current().answers).toEqual({ a: 1 });
  });

  it('changes left from an earlier visit are sent on the version they were made on: a stale one is a conflict', async () => {
    const server = fakeServer(view(2, { a: 'old' }));
    const store = memoryPendingStore();
    await store.save('a1', { version: 2, changes: [{ answers: { a: 'offline' } }] });
    server.otherSave({ a: 'colleague' });
    const sync = new AnswerSync('a1', server.current(), store, server.transport, options);
    await sync.restore();
    await sync.flush();
    expect(server.sent[0]?.version).toBe(2);
    const conflict = sync.getState().conflict;
    expect(conflict?.keys).toEqual(['answers.a']);
    expect(conflict?.mine.answers).toEqual({ a: 'offline' });
    expect(conflict?.theirs.answers).toEqual({ a: 'colleague' });
    // Never dropped while the conflict waits.
    expect(sync.unsyncedCount()).toBe(1);
  });

  it('409: the assessor chooses per item; their choices are sent on the server’s version', async () => {
    const server = fakeServer(view(1, { a: 1, b: 1 }));
    const store = memoryPendingStore();
    const sync = new AnswerSync('a1', server.current(), store, server.transport, options);
    server.otherSave({ a: 9, b: 9, c: 9 });
    sync.edit({ answers: { a: 2, b: 2, c: 9 } });
    await sync.flush();
    const conflict = sync.getState().conflict;
    // c is the same on both sides: nothing to choose there.
    expect(conflict?.keys).toEqual(['answers.a', 'answers.b']);
    sync.resolve({ 'answers.a': 'mine', 'answers.b': 'theirs' });
    expect(sync.getState().conflict).toBeNull();
    await sync.flush();
    expect(server.sent.at(-1)).toEqual({ version: 2, answers: { a: 2 } });
    expect(server.current().answers).toEqual({ a: 2, b: 9, c: 9 });
    await sync.persisted();
    expect(store.records.has('a1')).toBe(false);
  });

  it('a refusal (400) keeps the input and names the problem, without retrying on its own', async () => {
    const server = fakeServer(view(1));
    const sync = new AnswerSync('a1', server.current(), memoryPendingStore(), server.transport, options);
    server.failWith(
      new ApiError(toProblem({ status: 400, errors: [{ field: 'answers.age', message: 'must be a number' }] }, 400)),
    );
    sync.edit({ answers: { age: 'x' } });
    await sync.flush();
    expect(sync.getState().problem?.errors).toEqual([{ field: 'answers.age', message: 'must be a number' }]);
    expect(sync.getState().pending).toEqual([{ answers: { age: 'x' } }]);
    // A new answer clears the message and is sent with the kept ones.
    server.failWith(null);
    sync.edit({ answers: { age: 30 } });
    expect(sync.getState().problem).toBeNull();
    await sync.flush();
    expect(server.current().answers).toEqual({ age: 30 });
  });
});
