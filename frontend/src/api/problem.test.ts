import { ApiError, PROBLEM_TYPES, problemMessageKey, problemToForm, toFormPath, toProblem } from './problem';

describe('toProblem', () => {
  it('reads a Custodia problem document', () => {
    const problem = toProblem(
      {
        type: PROBLEM_TYPES.invalidRequest,
        title: 'Bad Request',
        status: 400,
        detail: 'The request has invalid fields.',
        requestId: 'r-1',
        errors: [{ field: 'language', message: 'must be one of en, ru, kk, ky, fr, ar' }],
      },
      400,
    );
    expect(problem).toEqual({
      type: PROBLEM_TYPES.invalidRequest,
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      requestId: 'r-1',
      errors: [{ field: 'language', message: 'must be one of en, ru, kk, ky, fr, ar' }],
    });
  });

  it('keeps the line and column of an expression problem', () => {
    const problem = toProblem(
      {
        status: 422,
        errors: [
          { field: 'definition.scales[2].formula', message: 'undeclared reference', line: 2, column: 7 },
          { field: 'definition.sections', message: 'cycle', line: 0, column: 0 },
        ],
      },
      422,
    );
    expect(problem.errors).toEqual([
      { field: 'definition.scales[2].formula', message: 'undeclared reference', line: 2, column: 7 },
      { field: 'definition.sections', message: 'cycle' },
    ]);
    expect(problem.errors[1]).not.toHaveProperty('line');
  });

  it('makes do with a body that is not a problem (a proxy page, nothing at all)', () => {
    expect(toProblem('<html>Bad gateway</html>', 502)).toEqual({ type: 'about:blank', status: 502, errors: [] });
    expect(toProblem(undefined, 404).status).toBe(404);
    expect(toProblem({ errors: [{ message: 'no field' }, 'junk', { field: 'a' }] }, 400).errors).toEqual([
      { field: 'a', message: '' },
    ]);
  });
});

describe('problemToForm', () => {
  const problem = toProblem(
    {
      type: PROBLEM_TYPES.invalidRequest,
      status: 400,
      detail: 'The request has invalid fields.',
      errors: [
        { field: 'answers[3].value', message: 'must be a number' },
        { field: 'sentence.start', message: 'must be a date' },
        { field: 'sentence.start', message: 'second message for the same field' },
        { field: 'offences[0].code', message: 'unknown offence' },
        { field: 'tenantId', message: 'unknown field' },
      ],
    },
    400,
  );

  it('puts each message at the field its path names, in the form’s dotted notation', () => {
    expect(toFormPath('answers[3].value')).toBe('answers.3.value');
    expect(toFormPath('[2].name')).toBe('2.name');
    const form = problemToForm(problem, ['answers.3.value', 'sentence.start', 'offences']);
    expect(form.fields).toEqual({
      'answers.3.value': 'must be a number',
      'sentence.start': 'must be a date',
      offences: 'unknown offence',
    });
  });

  it('never drops a message: those for no shown field become general ones', () => {
    expect(problemToForm(problem, ['sentence.start']).general).toEqual([
      'answers[3].value: must be a number',
      'offences[0].code: unknown offence',
      'tenantId: unknown field',
    ]);
  });

  it('shows the detail when there are no field errors', () => {
    const conflict = toProblem({ type: PROBLEM_TYPES.conflict, status: 409, detail: 'Someone else changed it.' }, 409);
    expect(problemToForm(conflict, ['language'])).toEqual({ fields: {}, general: ['Someone else changed it.'] });
  });
});

describe('problemMessageKey', () => {
  it('explains known types in the user’s language, others by status', () => {
    expect(problemMessageKey(toProblem({ type: PROBLEM_TYPES.conflict }, 409))).toBe('problem.conflict');
    expect(problemMessageKey(toProblem({ type: PROBLEM_TYPES.notFound }, 404))).toBe('problem.notFound');
    expect(problemMessageKey(toProblem(undefined, 0))).toBe('problem.network');
    expect(problemMessageKey(toProblem(undefined, 503))).toBe('problem.unavailable');
    expect(problemMessageKey(toProblem(undefined, 418))).toBe('problem.unexpected');
  });

  it('ApiError carries the problem and its status', () => {
    const error = new ApiError(toProblem({ detail: 'gone' }, 410));
    expect(error.status).toBe(410);
    expect(error.message).toBe('gone');
  });
});
