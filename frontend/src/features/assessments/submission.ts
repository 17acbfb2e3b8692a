import type { Problem } from '../../api/problem';

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The Idempotency-Key of a submission: one per attempt, and the same one when that attempt is retried because its
 * answer never arrived (network failure, gateway or server error), so the server acts once. An answer from the
 * server (success or refusal) ends the attempt: the next submission is a new request with a new key.
 */
export class SubmissionAttempt {
  private current: string | null = null;

  constructor(private readonly generate: () => string = newKey) {}

  key(): string {
    this.current ??= this.generate();
    return this.current;
  }

  /** After a call: `null` for success, else the problem (status 0 when the network failed). */
  settle(problem: Problem | null): void {
    if (problem === null || (problem.status !== 0 && problem.status < 500)) this.current = null;
  }
}
