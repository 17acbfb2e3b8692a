import { useCallback, useEffect, useReducer, useRef } from 'react';

import { ApiError, toProblem, type FieldProblem, type Problem } from '../../../api/problem';
import { initialSync, syncReducer, type SyncState } from './draftSync';

/** What the server answers to a save or a read: the row version and, for drafts, what stops publishing. */
export interface SavedDocument<D> {
  document: D;
  version: number;
  problems: FieldProblem[];
}

export interface SyncedDocumentOptions<D> {
  initial: SavedDocument<D>;
  save: (document: D, version: number) => Promise<SavedDocument<D>>;
  /** Reads the server's current document again (after a 409). */
  reload: () => Promise<SavedDocument<D>>;
  /** Saves this many milliseconds after the last edit; absent: only saveNow() saves. */
  autosaveMs?: number;
  readOnly?: boolean;
}

export function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : toProblem(undefined, 0);
}

/**
 * A document edited here and saved under optimistic locking: autosaved (debounced) or saved on demand, a 409 kept
 * open until the user chooses to load the other version or to save theirs over it. See draftSync.ts.
 */
export function useSyncedDocument<D>({
  initial,
  save,
  reload,
  autosaveMs,
  readOnly = false,
}: SyncedDocumentOptions<D>) {
  const [state, dispatch] = useReducer(syncReducer<D>, initial, (first): SyncState<D> =>
    initialSync(first.document, first.version, first.problems),
  );
  const latest = useRef(state);
  const saving = useRef<Promise<number | null> | null>(null);
  const mounted = useRef(true);
  const calls = useRef({ save, reload });
  useEffect(() => {
    latest.current = state;
    calls.current = { save, reload };
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const safeDispatch = useCallback((event: Parameters<typeof dispatch>[0]) => {
    if (mounted.current) dispatch(event);
  }, []);

  /** Saves what the user has now; resolves to the version on the server afterwards, or null when it failed. */
  const saveNow = useCallback(async (): Promise<number | null> => {
    if (saving.current) await saving.current;
    const current = latest.current;
    if (current.status === 'saved') return current.version;
    if (current.status === 'conflict') return null;
    const run = (async () => {
      safeDispatch({ type: 'saveStarted' });
      try {
        const saved = await calls.current.save(current.local, current.version);
        latest.current = { ...latest.current, version: saved.version };
        safeDispatch({ type: 'saved', version: saved.version, problems: saved.problems });
        return saved.version;
      } catch (error) {
        safeDispatch({ type: 'saveFailed', problem: problemOf(error) });
        return null;
      }
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      saving.current = null;
    }
  }, [safeDispatch]);

  useEffect(() => {
    if (autosaveMs === undefined || readOnly || state.status !== 'dirty') return;
    const timer = window.setTimeout(() => void saveNow(), autosaveMs);
    return () => window.clearTimeout(timer);
  }, [autosaveMs, readOnly, state.status, state.edits, saveNow]);

  const edit = useCallback((update: (local: D) => D) => dispatch({ type: 'edited', update }), []);

  /** After a 409: load the other version (keepMine false) or save this one over it (keepMine true). */
  const resolveConflict = useCallback(
    async (keepMine: boolean) => {
      try {
        const server = await calls.current.reload();
        safeDispatch({ type: 'reloaded', server: server.document, ...server, keepMine });
        if (keepMine) {
          // Save the user's document at once on the version just read (the state catches up on the next render).
          latest.current = { ...latest.current, version: server.version, status: 'dirty' };
          await saveNow();
        }
      } catch (error) {
        safeDispatch({ type: 'failed', problem: problemOf(error) });
      }
    },
    [safeDispatch, saveNow],
  );

  /**
   * A transition of the saved document (publish, retire): saves first when asked, then calls with the version on the
   * server. A 409 opens the conflict choice, a refusal naming fields shows them at the fields, anything else fails.
   */
  const act = useCallback(
    async (call: (version: number) => Promise<unknown>, saveFirst: boolean): Promise<boolean> => {
      dispatch({ type: 'failed', problem: null });
      const version = saveFirst ? await saveNow() : latest.current.version;
      if (version === null) return false;
      try {
        await call(version);
        return true;
      } catch (error) {
        const problem = problemOf(error);
        if (problem.status === 409) safeDispatch({ type: 'saveFailed', problem });
        else if (problem.errors.length > 0) safeDispatch({ type: 'problems', problems: problem.errors });
        else safeDispatch({ type: 'failed', problem });
        return false;
      }
    },
    [saveNow, safeDispatch],
  );

  return { state, edit, saveNow, resolveConflict, act };
}
