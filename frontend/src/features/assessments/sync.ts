import { ApiError, type Problem } from '../../api/problem';
import type { Answers } from './conditions';
import type { AssessmentView, Judgement } from './api';
import { changedKeys, countChanges, mergeChanges, type Change, type PendingRecord, type PendingStore } from './changes';

export interface Transport {
  patch(assessmentId: string, body: { version: number } & Change): Promise<AssessmentView>;
  read(assessmentId: string): Promise<AssessmentView>;
}

/** The server changed the assessment meanwhile: the assessor's unsynced changes and the server's current state. */
export interface Conflict {
  theirs: AssessmentView;
  mine: Change;
  /** The keys that differ: `answers.<code>` or `judgement`. */
  keys: string[];
}

export interface SyncState {
  /** The assessment as the server last confirmed it. */
  server: AssessmentView;
  /** The version the pending changes were made on (sent with them, so a stale one is a 409, never an overwrite). */
  baseVersion: number;
  pending: Change[];
  saving: boolean;
  /** The last attempt could not reach the server: the changes wait for the connection. */
  offline: boolean;
  conflict: Conflict | null;
  /** The server refused the changes (e.g. 400 naming answers.<code>): shown at the field; the input is kept. */
  problem: Problem | null;
}

export type Choice = 'mine' | 'theirs';

/** The answers as the assessor sees them: the server's with the unsynced changes applied. */
export function applyChanges(answers: Answers | undefined, changes: readonly Change[]): Answers {
  const merged = { ...(answers ?? {}), ...mergeChanges(changes).answers };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null && value !== undefined));
}

export function judgementOf(server: AssessmentView, changes: readonly Change[]): Judgement {
  return mergeChanges(changes).judgement ?? server.judgement ?? {};
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function sameJudgement(a: Judgement | undefined, b: Judgement | undefined): boolean {
  return (a?.level ?? null) === (b?.level ?? null) && (a?.rationale ?? null) === (b?.rationale ?? null);
}

function editable(view: AssessmentView): boolean {
  return view.status === 'DRAFT' || view.status === 'RETURNED';
}

export interface SyncOptions {
  debounceMs?: number;
  retryMs?: number;
  isOnline?: () => boolean;
}

/**
 * Saves an assessment's answers as they are given: edits are kept (and persisted) in order, then sent as one merge
 * patch with the version they were made on, after a short pause in typing, and whenever the connection returns.
 * Nothing is dropped: a 409 becomes a conflict the assessor resolves item by item; a refusal keeps the input and
 * names the field; a lost connection keeps the changes until it returns.
 */
export class AnswerSync {
  private state: SyncState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private persisting: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly isOnline: () => boolean;
  private stopped = false;
  private restored = false;
  /** How many of the pending changes the save under way carries. */
  private sending = 0;

  constructor(
    readonly assessmentId: string,
    server: AssessmentView,
    private readonly store: PendingStore,
    private readonly transport: Transport,
    options: SyncOptions = {},
  ) {
    this.state = {
      server,
      baseVersion: server.version ?? 0,
      pending: [],
      saving: false,
      offline: false,
      conflict: null,
      problem: null,
    };
    this.debounceMs = options.debounceMs ?? 700;
    this.retryMs = options.retryMs ?? 5000;
    this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
  }

  getState = (): SyncState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SyncState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  /** Number of answers (and the judgement) changed but not yet confirmed by the server. */
  unsyncedCount(): number {
    return countChanges(this.state.pending);
  }

  /** Picks up the changes a previous visit left unsynced (e.g. typed offline), and sends them. */
  async restore(): Promise<void> {
    if (this.restored) return;
    this.restored = true;
    const record = await this.store.load(this.assessmentId);
    if (!record || record.changes.length === 0) return;
    this.set({ pending: [...record.changes, ...this.state.pending], baseVersion: record.version });
    this.schedule(0);
  }

  edit(change: Change): void {
    const pending = this.state.pending;
    const last = pending.at(-1);
    // Typing into one field makes many edits: while not yet being sent, the newest replaces the previous one.
    const replacesLast =
      last !== undefined && pending.length > this.sending && changedKeys(last).join() === changedKeys(change).join();
    this.set({ pending: [...(replacesLast ? pending.slice(0, -1) : pending), change], problem: null });
    this.persist();
    this.schedule(this.debounceMs);
  }

  /** Called when the browser is back online. */
  reconnected(): void {
    this.schedule(0);
  }

  /** While stopped (the page is gone), nothing is sent; what is pending stays stored. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  start(): void {
    this.stopped = false;
    void this.restore();
    if (this.state.pending.length > 0) this.schedule(0);
  }

  /** Resolves once what is pending now is stored locally. */
  persisted(): Promise<void> {
    return this.persisting;
  }

  private persist() {
    const record: PendingRecord | undefined =
      this.state.pending.length > 0 ? { version: this.state.baseVersion, changes: this.state.pending } : undefined;
    this.persisting = this.persisting.then(() => this.store.save(this.assessmentId, record)).catch(() => undefined);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Sends what is pending, if anything, unless a save is under way, a conflict waits or the browser is offline. */
  async flush(): Promise<void> {
    const { pending, saving, conflict } = this.state;
    if (saving || conflict || pending.length === 0 || this.stopped) return;
    if (!this.isOnline()) {
      this.set({ offline: true });
      return;
    }
    const sent = pending.length;
    this.sending = sent;
    this.set({ saving: true });
    try {
      const view = await this.transport.patch(this.assessmentId, {
        version: this.state.baseVersion,
        ...mergeChanges(pending),
      });
      // Edits made while this save was under way stay pending, now on the new version.
      this.sending = 0;
      this.set({
        server: view,
        baseVersion: view.version ?? 0,
        pending: this.state.pending.slice(sent),
        saving: false,
        offline: false,
        problem: null,
      });
      this.persist();
      if (this.state.pending.length > 0) this.schedule(0);
    } catch (error) {
      this.sending = 0;
      const problem = error instanceof ApiError ? error.problem : null;
      if (problem?.status === 409) {
        await this.conflicted();
      } else if (!problem || problem.status === 0 || problem.status >= 500 || problem.status === 401) {
        // The network (or the server) is away: keep everything and try again.
        this.set({ saving: false, offline: !problem || problem.status === 0 });
        this.schedule(this.retryMs);
      } else {
        this.set({ saving: false, problem });
      }
    }
  }

  private async conflicted() {
    let theirs: AssessmentView;
    try {
      theirs = await this.transport.read(this.assessmentId);
    } catch {
      this.set({ saving: false });
      this.schedule(this.retryMs);
      return;
    }
    const mine = mergeChanges(this.state.pending);
    const keys = changedKeys(mine).filter((key) =>
      key === 'judgement'
        ? !sameJudgement(mine.judgement, theirs.judgement)
        : !sameValue(mine.answers[key.slice('answers.'.length)], theirs.answers?.[key.slice('answers.'.length)]),
    );
    if (keys.length === 0 && editable(theirs)) {
      // The server already holds exactly these answers: nothing to choose.
      this.set({ saving: false, server: theirs, baseVersion: theirs.version ?? 0, pending: [] });
      this.persist();
      return;
    }
    this.set({ saving: false, conflict: { theirs, mine, keys } });
  }

  /**
   * The assessor's choice for each differing key: keep theirs (the server's) or send mine again on the server's
   * version. Keys not named keep mine.
   */
  resolve(choices: Record<string, Choice>): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    const kept: Change = { answers: {} };
    for (const key of conflict.keys) {
      if (choices[key] === 'theirs') continue;
      if (key === 'judgement') kept.judgement = conflict.mine.judgement;
      else {
        const code = key.slice('answers.'.length);
        kept.answers[code] = conflict.mine.answers[code] ?? null;
      }
    }
    const hasChanges = changedKeys(kept).length > 0;
    this.set({
      server: conflict.theirs,
      baseVersion: conflict.theirs.version ?? 0,
      pending: hasChanges ? [kept] : [],
      conflict: null,
      problem: null,
    });
    this.persist();
    if (hasChanges) this.schedule(0);
  }

  /** The server's view after something other than a save (e.g. a submission). */
  replaceServer(view: AssessmentView): void {
    this.set({ server: view, baseVersion: view.version ?? 0 });
  }
}
