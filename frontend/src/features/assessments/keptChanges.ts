import { countChanges, type PendingStore } from './changes';
import { AnswerSync, type Transport } from './sync';

/** What became of the changes kept on this device once the user was signed in again. */
export interface KeptOutcome {
  /** Changes the server accepted. */
  sent: number;
  /** Assessments whose changes meet a newer server version: kept until the assessor chooses on its screen. */
  conflicts: string[];
  /** Changes still kept: the server could not be reached, or refused them (they are shown on the assessment). */
  kept: number;
}

/**
 * Sends the changes a previous visit left on this device (typed offline, then the page was reloaded and the user
 * signed in again), assessment by assessment, each in order on the version it was made on: the same AnswerSync
 * the assessment screen uses, so a stale version is a conflict kept for the assessor, never an overwrite, and
 * nothing is dropped. `open` names the assessment the screen shows now: that screen sends its own.
 */
export async function sendKeptChanges(
  store: PendingStore,
  transport: Transport,
  open: (assessmentId: string) => boolean = () => false,
): Promise<KeptOutcome> {
  const outcome: KeptOutcome = { sent: 0, conflicts: [], kept: 0 };
  for (const { assessmentId, record } of await store.list()) {
    if (open(assessmentId)) continue;
    const count = countChanges(record.changes);
    let sync: AnswerSync;
    try {
      sync = new AnswerSync(assessmentId, await transport.read(assessmentId), store, transport, {
        isOnline: () => true,
      });
      await sync.restore();
      await sync.flush();
    } catch {
      outcome.kept += count;
      continue;
    }
    // Retries the sync schedules (the server is away) wait for the next visit of that assessment.
    sync.stop();
    await sync.persisted();
    const state = sync.getState();
    if (state.conflict) outcome.conflicts.push(assessmentId);
    else if (state.pending.length === 0) outcome.sent += count;
    else outcome.kept += sync.unsyncedCount();
  }
  return outcome;
}
