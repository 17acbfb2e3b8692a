import type { Evaluation } from './api';

/** One sentence of the explanation: an i18n key and its values, so the words are the user's language's. */
export interface TraceSentence {
  key: string;
  values: Record<string, string | number>;
  tone: 'matched' | 'skipped' | 'error' | 'summary' | 'allowed' | 'refused';
}

/**
 * The rule tester's answer in plain words: each rule tried in order, whether it applied and why that matters (the
 * first that applies decides), then the proposal, then what the constraints say about the category checked.
 */
export function describeTrace(
  evaluation: Evaluation,
  categoryName: (code: string) => string,
  text: (texts: Record<string, string> | undefined) => string,
): TraceSentence[] {
  const sentences: TraceSentence[] = [];
  const trace = evaluation.proposal?.trace ?? [];
  trace.forEach((outcome, i) => {
    const values = {
      n: i + 1,
      rule: outcome.rule ?? '',
      category: categoryName(outcome.category ?? ''),
      reason: text(outcome.reason),
    };
    if (outcome.error) {
      sentences.push({ key: 'methodology.trace.error', values: { ...values, error: outcome.error }, tone: 'error' });
    } else if (outcome.matched) {
      sentences.push({ key: 'methodology.trace.matched', values, tone: 'matched' });
    } else {
      sentences.push({ key: 'methodology.trace.skipped', values, tone: 'skipped' });
    }
  });
  const proposed = evaluation.proposal?.category;
  sentences.push(
    proposed
      ? { key: 'methodology.trace.proposal', values: { category: categoryName(proposed) }, tone: 'summary' }
      : { key: 'methodology.trace.noProposal', values: {}, tone: 'summary' },
  );
  if (evaluation.category) {
    const category = categoryName(evaluation.category);
    const violations = evaluation.violations ?? [];
    if (violations.length === 0) {
      sentences.push({ key: 'methodology.trace.allowed', values: { category }, tone: 'allowed' });
    }
    for (const violation of violations) {
      sentences.push({
        key: violation.error ? 'methodology.trace.refusedError' : 'methodology.trace.refused',
        values: {
          category,
          constraint: violation.constraint ?? '',
          message: text(violation.message),
          error: violation.error ?? '',
        },
        tone: 'refused',
      });
    }
  }
  return sentences;
}
