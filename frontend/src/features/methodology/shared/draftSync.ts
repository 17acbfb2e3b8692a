import type { FieldProblem, Problem } from '../../../api/problem';

/**
 * The state of a document edited in the browser and saved under optimistic locking (an instrument draft, a scheme
 * draft, a whole list such as the risk levels). `local` is what the user sees and never loses: a failed or refused
 * save leaves it as it was, and only the user's own choice ("load theirs") replaces it.
 */
export interface SyncState<D> {
  local: D;
  /** The server's row version this browser last read or wrote; every save carries it. */
  version: number;
  status: 'saved' | 'dirty' | 'saving' | 'conflict' | 'failed';
  /** Counts the user's edits, so a save that finished while the user kept typing leaves the state dirty. */
  edits: number;
  /** The edit count the running save was started with. */
  savingEdits: number;
  /** What the server says stops the document from being published or saved (its field paths, lines, columns). */
  problems: FieldProblem[];
  /** Why the last save or action failed (not a 409, which is `status: 'conflict'`). */
  failure: Problem | null;
}

export type SyncEvent<D> =
  /** The user changed the document (an updater, so several edits in one tick all apply). */
  | { type: 'edited'; update: (local: D) => D }
  | { type: 'saveStarted' }
  | { type: 'saved'; version: number; problems: FieldProblem[] }
  | { type: 'saveFailed'; problem: Problem }
  /** The server's current document, read again: `keepMine` saves the user's version over it next. */
  | { type: 'reloaded'; server: D; version: number; problems: FieldProblem[]; keepMine: boolean }
  /** Problems found by another call (publish, dry run: a 422 lists every one). */
  | { type: 'problems'; problems: FieldProblem[] }
  | { type: 'failed'; problem: Problem | null };

export function initialSync<D>(document: D, version: number, problems: FieldProblem[] = []): SyncState<D> {
  return { local: document, version, status: 'saved', edits: 0, savingEdits: 0, problems, failure: null };
}

export function syncReducer<D>(state: SyncState<D>, event: SyncEvent<D>): SyncState<D> {
  switch (event.type) {
    case 'edited':
      return {
        ...state,
        local: event.update(state.local),
        edits: state.edits + 1,
        // While a conflict is open, edits go on but nothing is saved until the user chooses.
        status: state.status === 'conflict' || state.status === 'saving' ? state.status : 'dirty',
      };
    case 'saveStarted':
      return { ...state, status: 'saving', savingEdits: state.edits, failure: null };
    case 'saved':
      return {
        ...state,
        version: event.version,
        problems: event.problems,
        status: state.edits === state.savingEdits ? 'saved' : 'dirty',
        failure: null,
      };
    case 'saveFailed':
      return event.problem.status === 409
        ? { ...state, status: 'conflict', failure: null }
        : {
            ...state,
            status: 'failed',
            failure: event.problem,
            // A refused document names its fields: show them where they are.
            problems: event.problem.errors.length > 0 ? event.problem.errors : state.problems,
          };
    case 'reloaded':
      return event.keepMine
        ? { ...state, version: event.version, status: 'dirty', failure: null }
        : {
            ...state,
            local: event.server,
            version: event.version,
            problems: event.problems,
            status: 'saved',
            edits: state.edits + 1,
            savingEdits: state.edits + 1,
            failure: null,
          };
    case 'problems':
      return { ...state, problems: event.problems };
    case 'failed':
      return { ...state, failure: event.problem };
  }
}

/** True when the browser holds changes the server does not have yet. */
export function hasUnsavedChanges(state: SyncState<unknown>): boolean {
  return state.status !== 'saved';
}
