import type { Evaluation, SchemeDefinition } from '../scheme/api';
import { EMPTY_FACTS, toFacts } from '../scheme/facts';
import { schemeReducer } from '../scheme/scheme';
import { describeTrace } from '../scheme/trace';

const scheme: SchemeDefinition = {
  categories: [
    { code: 'minimum', name: { en: 'Minimum security' }, severityRank: 2 },
    { code: 'maximum', name: { en: 'Maximum security' }, severityRank: 4 },
  ],
  rules: [
    { code: 'r_ve', when: "'VEO' in flags", category: 'maximum' },
    { code: 'r_default', when: 'true', category: 'minimum' },
  ],
  constraints: [],
};

describe('schemeReducer', () => {
  it('renaming a category renames it in the rules that propose it', () => {
    const next = schemeReducer(scheme, { type: 'updateCategory', index: 1, patch: { code: 'maximum_security' } });
    expect(next.rules?.map((r) => r.category)).toEqual(['maximum_security', 'minimum']);
  });

  it('rules keep their order as meaning: moving one changes which is tried first', () => {
    expect(schemeReducer(scheme, { type: 'move', list: 'rules', index: 1, by: -1 }).rules?.map((r) => r.code)).toEqual([
      'r_default',
      'r_ve',
    ]);
  });

  it('adds a category ranked above the others, and a rule proposing the first category', () => {
    const withCategory = schemeReducer(scheme, { type: 'add', list: 'categories' });
    expect(withCategory.categories?.[2]).toMatchObject({ code: 'category_1', severityRank: 5 });
    expect(schemeReducer(scheme, { type: 'add', list: 'rules' }).rules?.[2]).toEqual({
      code: 'r_1',
      when: '',
      category: 'minimum',
      reason: {},
    });
    expect(schemeReducer(scheme, { type: 'add', list: 'constraints' }).constraints).toEqual([
      { code: 'c_1', expression: '', message: {} },
    ]);
  });
});

describe('toFacts', () => {
  it('builds the facts the rules see: offences with their gravity, flags in capitals, assessments by instrument', () => {
    const gravity = (code: string) => ({ TERRORIST_ACT: 'ESPECIALLY_GRAVE' })[code];
    const { facts } = toFacts(
      {
        ...EMPTY_FACTS,
        courtRegime: 'medium',
        offences: ['TERRORIST_ACT'],
        flags: ['veo', ' VEO', ''],
        assessments: [
          {
            instrument: 've_guide',
            overall: 'HIGH',
            scales: [
              { code: 'intent', level: 'HIGH', score: 7 },
              { code: 'capability', level: '', score: '' },
            ],
          },
          { instrument: '', overall: 'LOW', scales: [] },
        ],
      },
      gravity,
    );
    expect(facts).toEqual({
      prisoner: { age: 30, sex: 'M' },
      sentence: { lengthMonths: 60, remainingMonths: 36, life: false, courtRegime: 'medium' },
      offences: [{ code: 'TERRORIST_ACT', gravity: 'ESPECIALLY_GRAVE' }],
      flags: ['VEO'],
      assessments: { ve_guide: { overall: 'HIGH', levels: { intent: 'HIGH' }, scales: { intent: 7 } } },
    });
  });

  it('names the required numbers that are missing instead of sending them', () => {
    expect(toFacts({ ...EMPTY_FACTS, age: '', remainingMonths: '' }, () => undefined)).toEqual({
      facts: null,
      missing: ['age', 'remainingMonths'],
    });
  });
});

describe('describeTrace', () => {
  const names = (code: string) => ({ maximum: 'Maximum security', minimum: 'Minimum security' })[code] ?? code;
  const text = (texts: Record<string, string> | undefined) => texts?.en ?? '';

  it('explains each rule tried in order, the one that decided, then the proposal', () => {
    const evaluation: Evaluation = {
      proposal: {
        category: 'maximum',
        trace: [
          { rule: 'r_life', category: 'prison', matched: false },
          { rule: 'r_age', category: 'minimum', matched: false, error: "no such key: 'age'" },
          { rule: 'r_ve', category: 'maximum', matched: true, reason: { en: 'Assessed high risk.' } },
        ],
      },
    };
    expect(describeTrace(evaluation, names, text)).toEqual([
      {
        key: 'methodology.trace.skipped',
        tone: 'skipped',
        values: { n: 1, rule: 'r_life', category: 'prison', reason: '' },
      },
      {
        key: 'methodology.trace.error',
        tone: 'error',
        values: { n: 2, rule: 'r_age', category: 'Minimum security', reason: '', error: "no such key: 'age'" },
      },
      {
        key: 'methodology.trace.matched',
        tone: 'matched',
        values: { n: 3, rule: 'r_ve', category: 'Maximum security', reason: 'Assessed high risk.' },
      },
      { key: 'methodology.trace.proposal', tone: 'summary', values: { category: 'Maximum security' } },
    ]);
  });

  it('says when nothing is proposed, and what the constraints say about the category checked', () => {
    const refused = describeTrace(
      {
        proposal: { trace: [] },
        category: 'minimum',
        violations: [
          { constraint: 'c_court', message: { en: 'Not below the court’s regime.' } },
          { constraint: 'c_broken', message: { en: 'Broken.' }, error: 'division by zero' },
        ],
      },
      names,
      text,
    );
    expect(refused.map((s) => s.key)).toEqual([
      'methodology.trace.noProposal',
      'methodology.trace.refused',
      'methodology.trace.refusedError',
    ]);
    expect(refused[1]?.values).toMatchObject({ category: 'Minimum security', constraint: 'c_court' });
    const allowed = describeTrace(
      { proposal: { category: 'minimum', trace: [] }, category: 'minimum', violations: [] },
      names,
      text,
    );
    expect(allowed.at(-1)).toEqual({
      key: 'methodology.trace.allowed',
      tone: 'allowed',
      values: { category: 'Minimum security' },
    });
  });
});
