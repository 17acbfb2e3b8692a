import { toProblem } from '../../../api/problem';
import { hasUnsavedChanges, initialSync, syncReducer, type SyncEvent, type SyncState } from '../shared/draftSync';

type Doc = { text: string };
const run = (state: SyncState<Doc>, ...events: SyncEvent<Doc>[]) => events.reduce(syncReducer<Doc>, state);
const type = (text: string): SyncEvent<Doc> => ({
  type: 'edited',
  update: (doc) => ({ ...doc, text: doc.text + text }),
});
const start = initialSync<Doc>({ text: '' }, 3);

describe('syncReducer', () => {
  it('an edit makes the document dirty; a save that lands makes it saved on the new version', () => {
    const dirty = run(start, type('a'));
    expect(dirty.status).toBe('dirty');
    expect(hasUnsavedChanges(dirty)).toBe(true);
    const saved = run(dirty, { type: 'saveStarted' }, { type: 'saved', version: 4, problems: [] });
    expect(saved).toMatchObject({ status: 'saved', version: 4, local: { text: 'a' } });
    expect(hasUnsavedChanges(saved)).toBe(false);
  });

  it('applies every edit of one tick (updaters), and keeps typing that happened during a save for the next one', () => {
    const during = run(start, type('a'), { type: 'saveStarted' }, type('b'), type('c'));
    expect(during).toMatchObject({ status: 'saving', local: { text: 'abc' } });
    const after = run(during, { type: 'saved', version: 4, problems: [] });
    expect(after).toMatchObject({ status: 'dirty', version: 4, local: { text: 'abc' } });
  });

  it('keeps the server’s problems of the saved draft for the fields', () => {
    const problems = [{ field: 'definition.overall.formula', message: 'bad', line: 1, column: 3 }];
    expect(run(start, type('a'), { type: 'saveStarted' }, { type: 'saved', version: 4, problems }).problems).toEqual(
      problems,
    );
  });

  it('a 409 opens the conflict and keeps the user’s document; further edits save nothing until they choose', () => {
    const conflict = toProblem({ type: 'urn:custodia:problem:conflict', status: 409 }, 409);
    const state = run(
      start,
      type('mine'),
      { type: 'saveStarted' },
      { type: 'saveFailed', problem: conflict },
      type('!'),
    );
    expect(state).toMatchObject({ status: 'conflict', local: { text: 'mine!' }, version: 3, failure: null });
  });

  it('"keep mine" takes the server’s version number and saves the user’s document on it', () => {
    const conflicted = run(
      start,
      type('mine'),
      { type: 'saveStarted' },
      {
        type: 'saveFailed',
        problem: toProblem(undefined, 409),
      },
    );
    const kept = run(conflicted, {
      type: 'reloaded',
      server: { text: 'theirs' },
      version: 9,
      problems: [],
      keepMine: true,
    });
    expect(kept).toMatchObject({ status: 'dirty', version: 9, local: { text: 'mine' } });
  });

  it('"load theirs" replaces the document with the server’s, saved', () => {
    const conflicted = run(
      start,
      type('mine'),
      { type: 'saveStarted' },
      {
        type: 'saveFailed',
        problem: toProblem(undefined, 409),
      },
    );
    const problems = [{ field: 'definition.sections', message: 'must contain at least one section' }];
    const theirs = run(conflicted, {
      type: 'reloaded',
      server: { text: 'theirs' },
      version: 9,
      problems,
      keepMine: false,
    });
    expect(theirs).toMatchObject({ status: 'saved', version: 9, local: { text: 'theirs' }, problems });
  });

  it('a refused save shows the named fields and keeps the document; the next edit tries again', () => {
    const refused = toProblem(
      { status: 422, errors: [{ field: 'levels[1].commonLevel', message: 'cannot go down' }] },
      422,
    );
    const failed = run(start, type('a'), { type: 'saveStarted' }, { type: 'saveFailed', problem: refused });
    expect(failed).toMatchObject({ status: 'failed', local: { text: 'a' }, failure: refused });
    expect(failed.problems).toEqual(refused.errors);
    expect(run(failed, type('b')).status).toBe('dirty');
  });
});
