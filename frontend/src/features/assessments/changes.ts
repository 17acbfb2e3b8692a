import type { Judgement } from './api';

/**
 * One edit by the assessor: answers given or changed (`null` clears one, as in the API's merge patch) and, when
 * touched, the whole judgement (`{}` clears it).
 */
export interface Change {
  answers: Record<string, unknown>;
  judgement?: Judgement;
}

/** The changes not yet confirmed by the server, oldest first, and the assessment version they were made on. */
export interface PendingRecord {
  version: number;
  changes: Change[];
}

/** Where unsynced changes survive a reload or a lost connection (IndexedDB in the browser, see pendingStore.ts). */
export interface PendingStore {
  load(assessmentId: string): Promise<PendingRecord | undefined>;
  save(assessmentId: string, record: PendingRecord | undefined): Promise<void>;
  /** Every assessment with unsynced changes on this device. */
  list(): Promise<{ assessmentId: string; record: PendingRecord }[]>;
}

/** The changes merged oldest to newest: the newest answer to an item wins. */
export function mergeChanges(changes: readonly Change[]): Change {
  const merged: Change = { answers: {} };
  for (const change of changes) {
    Object.assign(merged.answers, change.answers);
    if (change.judgement !== undefined) merged.judgement = change.judgement;
  }
  return merged;
}

/** The keys a change touches: `answers.<code>` and `judgement`. */
export function changedKeys(change: Change): string[] {
  return [
    ...Object.keys(change.answers).map((code) => `answers.${code}`),
    ...(change.judgement !== undefined ? ['judgement'] : []),
  ];
}

/** How many answers (and the judgement) the changes touch: what the assessor counts as "changes not yet synced". */
export function countChanges(changes: readonly Change[]): number {
  return changedKeys(mergeChanges(changes)).length;
}
