import { toProblem } from '../../../api/problem';
import { describeDecision, type Decision } from '../classificationApi';

const names: Record<string, string> = { MAX: 'Maximum security', MED: 'Medium security' };
const categoryName = (code: string) => names[code] ?? code;
const text = (texts: Record<string, string> | undefined) => texts?.en ?? '';

describe('a decision in plain words', () => {
  const decision: Decision = {
    id: 'd1',
    status: 'SUBMITTED',
    proposedCategory: 'MAX',
    category: 'MAX',
    trace: [
      { rule: 'life', category: 'MAX', matched: false, reason: { en: 'Life sentence.' } },
      { rule: 'veo', category: 'MAX', matched: true, reason: { en: 'Violent extremist offender.' } },
    ],
  };

  it('tells each rule tried, then the proposal, in the rule tester’s sentences', () => {
    expect(describeDecision(decision, categoryName, text)).toEqual([
      {
        key: 'methodology.trace.skipped',
        values: { n: 1, rule: 'life', category: 'Maximum security', reason: 'Life sentence.' },
        tone: 'skipped',
      },
      {
        key: 'methodology.trace.matched',
        values: { n: 2, rule: 'veo', category: 'Maximum security', reason: 'Violent extremist offender.' },
        tone: 'matched',
      },
      { key: 'methodology.trace.proposal', values: { category: 'Maximum security' }, tone: 'summary' },
    ]);
  });

  it('adds what the author chose instead, and why, when they overrode the proposal', () => {
    const sentences = describeDecision(
      { ...decision, category: 'MED', override: { reason: 'BEHAVIOUR', narrative: 'Calm for a year.' } },
      categoryName,
      text,
      (reason) => `reason:${reason}`,
    );
    expect(sentences.at(-1)).toEqual({
      key: 'cycle.trace.overridden',
      values: { category: 'Medium security', reason: 'reason:BEHAVIOUR' },
      tone: 'summary',
    });
  });

  it('keeps a constraint refusal’s messages in every language, for the UI to pick its own', () => {
    const problem = toProblem(
      {
        type: 'urn:custodia:problem:business-rule',
        status: 422,
        errors: [{ field: 'category', message: 'court: Court-ordered regime' }],
        violations: [{ constraint: 'court', message: { en: 'Court-ordered regime', ru: 'Режим по решению суда' } }, 7],
      },
      422,
    );
    expect(problem.violations).toEqual([
      { constraint: 'court', message: { en: 'Court-ordered regime', ru: 'Режим по решению суда' } },
    ]);
    expect(toProblem({ status: 400 }, 400).violations).toBeUndefined();
  });
});
