import { ApiError, toProblem } from '../../../api/problem';
import type { AssessmentView } from '../api';
import type { Change } from '../changes';
import { sendKeptChanges } from '../keptChanges';
import { keptChangesCount, memoryPendingStore, PENDING_DATABASE } from '../pendingStore';
import { applyChanges, type Transport } from '../sync';

function view(id: string, version: number, answers: Record<string, unknown> = {}): AssessmentView {
  return { id, status: 'DRAFT', version, answers };
}

/** A server keeping assessments by id: merge patches on the right version, 409 on a stale one. */
function fakeServer(...initial: AssessmentView[]) {
  const current = new Map(initial.map((v) => [v.id ?? '', v]));
  const sent: ({ id: string; version: number } & Change)[] = [];
  let unreachable = false;
  const held = (id: string) => current.get(id) ?? view(id, 0);
  const transport: Transport = {
    async patch(id, body) {
      sent.push({ id, ...structuredClone(body) });
      if (unreachable) throw new TypeError('Failed to fetch');
      const now = held(id);
      if (body.version !== now.version) throw new ApiError(toProblem({ status: 409, errors: [] }, 409));
      const next = view(id, (now.version ?? 0) + 1, applyChanges(now.answers, [body]));
      current.set(id, next);
      return next;
    },
    async read(id) {
      if (unreachable) throw new TypeError('Failed to fetch');
      return held(id);
    },
  };
  return { transport, sent, current, cutOff: () => (unreachable = true) };
}

describe('changes kept on this device across a reload', () => {
  it('are counted as the assessment screen counts them, without creating the database to count', async () => {
    const store = memoryPendingStore();
    await store.save('a1', {
      version: 2,
      changes: [{ answers: { x: 1 } }, { answers: { y: true } }, { answers: { x: 2 } }],
    });
    await store.save('a2', { version: 5, changes: [{ answers: {}, judgement: { level: 'HIGH' } }] });
    const factory = (names: string[]) => ({ databases: async () => names.map((name) => ({ name, version: 1 })) });

    expect(await keptChangesCount(factory([PENDING_DATABASE]), () => store)).toBe(3);
    const untouched = memoryPendingStore();
    expect(await keptChangesCount(factory(['custodia-other']), () => untouched)).toBe(0);
    expect(await keptChangesCount(undefined, () => store)).toBe(0);
  });

  it('are sent once signed in again: in order, merged, on the version they were made on; then forgotten', async () => {
    const server = fakeServer(view('a1', 2, { x: 0 }), view('a2', 7));
    const store = memoryPendingStore();
    await store.save('a1', { version: 2, changes: [{ answers: { x: 1, y: 'a' } }, { answers: { x: 2 } }] });
    await store.save('a2', { version: 7, changes: [{ answers: { z: true } }] });

    const outcome = await sendKeptChanges(store, server.transport);

    expect(outcome).toEqual({ sent: 3, conflicts: [], kept: 0 });
    expect(server.sent).toEqual([
      { id: 'a1', version: 2, answers: { x: 2, y: 'a' } },
      { id: 'a2', version: 7, answers: { z: true } },
    ]);
    expect(server.current.get('a1')?.answers).toEqual({ x: 2, y: 'a' });
    expect(await store.list()).toEqual([]);
  });

  it('meeting a newer server version become a conflict for the assessor: kept, never sent over it', async () => {
    const server = fakeServer(view('a1', 4, { x: 9 }));
    const store = memoryPendingStore();
    const record = { version: 3, changes: [{ answers: { x: 1 } }] };
    await store.save('a1', record);

    const outcome = await sendKeptChanges(store, server.transport);

    expect(outcome).toEqual({ sent: 0, conflicts: ['a1'], kept: 0 });
    expect(server.current.get('a1')?.answers).toEqual({ x: 9 });
    expect(await store.load('a1')).toEqual(record);
  });

  it('stay kept when the server cannot be reached, and are left to the screen that shows their assessment', async () => {
    const server = fakeServer(view('a1', 1), view('a2', 1));
    const store = memoryPendingStore();
    await store.save('a1', { version: 1, changes: [{ answers: { x: 1 } }] });
    await store.save('a2', { version: 1, changes: [{ answers: { y: 1 } }, { answers: { z: 1 } }] });

    const open = await sendKeptChanges(store, server.transport, (id) => id === 'a1');
    expect(open).toEqual({ sent: 2, conflicts: [], kept: 0 });
    expect((await store.list()).map((k) => k.assessmentId)).toEqual(['a1']);

    server.cutOff();
    expect(await sendKeptChanges(store, server.transport)).toEqual({ sent: 0, conflicts: [], kept: 1 });
    expect(await store.load('a1')).toEqual({ version: 1, changes: [{ answers: { x: 1 } }] });
  });
});
