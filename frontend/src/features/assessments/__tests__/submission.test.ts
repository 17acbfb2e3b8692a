import { toProblem } from '../../../api/problem';
import { SubmissionAttempt } from '../submission';

describe('SubmissionAttempt', () => {
  let n = 0;
  const attempt = () => new SubmissionAttempt(() => `key-${++n}`);

  it('reuses the key when the attempt is retried after its answer was lost', () => {
    const a = attempt();
    const first = a.key();
    a.settle(toProblem({}, 0));
    expect(a.key()).toBe(first);
    a.settle(toProblem({}, 503));
    expect(a.key()).toBe(first);
  });

  it('takes a new key once the server answered, accepted or refused', () => {
    const a = attempt();
    const first = a.key();
    a.settle(toProblem({ errors: [{ field: 'answers.age', message: 'required' }] }, 422));
    const second = a.key();
    expect(second).not.toBe(first);
    a.settle(null);
    expect(a.key()).not.toBe(second);
  });
});
