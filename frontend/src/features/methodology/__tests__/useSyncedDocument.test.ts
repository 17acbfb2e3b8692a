import { act, renderHook, waitFor } from '@testing-library/react';

import { ApiError, toProblem } from '../../../api/problem';
import { useSyncedDocument, type SavedDocument } from '../shared/useSyncedDocument';

type Doc = { text: string };

/** A fake server: a document with a row version, refusing a stale version with 409 as the API does. */
function fakeServer(text: string, version: number) {
  const server = { document: { text }, version, saves: [] as { text: string; version: number }[] };
  const save = vi.fn(async (document: Doc, expected: number): Promise<SavedDocument<Doc>> => {
    server.saves.push({ text: document.text, version: expected });
    if (expected !== server.version)
      throw new ApiError(toProblem({ status: 409, type: 'urn:custodia:problem:conflict' }, 409));
    server.document = document;
    server.version += 1;
    return { document, version: server.version, problems: [] };
  });
  const reload = vi.fn(async () => ({ document: server.document, version: server.version, problems: [] }));
  return { server, save, reload };
}

describe('useSyncedDocument', () => {
  it('autosaves once after the user stops typing, with the version last read', async () => {
    const { server, save, reload } = fakeServer('', 1);
    const { result } = renderHook(() =>
      useSyncedDocument<Doc>({
        initial: { document: { text: '' }, version: 1, problems: [] },
        save,
        reload,
        autosaveMs: 20,
      }),
    );
    act(() => {
      result.current.edit((d) => ({ text: `${d.text}a` }));
      result.current.edit((d) => ({ text: `${d.text}b` }));
    });
    await waitFor(() => expect(result.current.state.status).toBe('saved'));
    expect(server.saves).toEqual([{ text: 'ab', version: 1 }]);
    expect(result.current.state.version).toBe(2);
  });

  it('after a save elsewhere: a 409 keeps the user’s text; "keep mine" saves it on the version read again', async () => {
    const { server, save, reload } = fakeServer('', 1);
    const { result } = renderHook(() =>
      useSyncedDocument<Doc>({ initial: { document: { text: '' }, version: 1, problems: [] }, save, reload }),
    );
    server.document = { text: 'theirs' };
    server.version = 2;
    act(() => result.current.edit(() => ({ text: 'mine' })));
    await act(async () => {
      expect(await result.current.saveNow()).toBeNull();
    });
    expect(result.current.state).toMatchObject({ status: 'conflict', local: { text: 'mine' } });

    await act(async () => {
      await result.current.resolveConflict(true);
    });
    expect(result.current.state).toMatchObject({ status: 'saved', version: 3, local: { text: 'mine' } });
    expect(server.saves).toEqual([
      { text: 'mine', version: 1 },
      { text: 'mine', version: 2 },
    ]);
  });

  it('"load theirs" replaces the user’s text with the server’s', async () => {
    const { server, save, reload } = fakeServer('', 1);
    const { result } = renderHook(() =>
      useSyncedDocument<Doc>({ initial: { document: { text: '' }, version: 1, problems: [] }, save, reload }),
    );
    server.document = { text: 'theirs' };
    server.version = 5;
    act(() => result.current.edit(() => ({ text: 'mine' })));
    await act(async () => {
      await result.current.saveNow();
      await result.current.resolveConflict(false);
    });
    expect(result.current.state).toMatchObject({ status: 'saved', version: 5, local: { text: 'theirs' } });
  });

  it('a transition refused with named fields puts them at the fields; one that passes saves first', async () => {
    const { save, reload } = fakeServer('', 1);
    const { result } = renderHook(() =>
      useSyncedDocument<Doc>({ initial: { document: { text: '' }, version: 1, problems: [] }, save, reload }),
    );
    act(() => result.current.edit(() => ({ text: 'x' })));
    const errors = [{ field: 'definition.overall.formula', message: 'bad', line: 1, column: 2 }];
    const publish = vi.fn(async (version: number) => {
      expect(version).toBe(2);
      throw new ApiError(toProblem({ status: 422, errors }, 422));
    });
    await act(async () => {
      expect(await result.current.act(publish, true)).toBe(false);
    });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(result.current.state.problems).toEqual(errors);
    expect(result.current.state.status).toBe('saved');
  });
});
