import type { ClassificationFacts } from './api';

/** The rule tester's form: a sample prisoner as typed, before it becomes the API's facts. */
export interface FactsForm {
  age: number | '';
  sex: 'M' | 'F';
  lengthMonths: number | '';
  remainingMonths: number | '';
  life: boolean;
  courtRegime: string | null;
  /** Codes from the country's offence list. */
  offences: string[];
  flags: string[];
  assessments: AssessmentForm[];
  /** A category to check against the constraints, as a decision for it would be. */
  category: string | null;
}

export interface AssessmentForm {
  instrument: string;
  overall: string;
  scales: { code: string; level: string; score: number | '' }[];
}

export const EMPTY_FACTS: FactsForm = {
  age: 30,
  sex: 'M',
  lengthMonths: 60,
  remainingMonths: 36,
  life: false,
  courtRegime: null,
  offences: [],
  flags: [],
  assessments: [],
  category: null,
};

export type FactsResult = { facts: ClassificationFacts; missing: [] } | { facts: null; missing: string[] };

/**
 * The facts the rules see, from the form: offences with their gravity from the offence list, assessments keyed by
 * instrument code with only the scales given. The required numbers must be there (their form paths in `missing`).
 */
export function toFacts(form: FactsForm, gravityOf: (offence: string) => string | undefined): FactsResult {
  const missing = (['age', 'lengthMonths', 'remainingMonths'] as const).filter((key) => form[key] === '');
  if (missing.length > 0 || form.age === '' || form.lengthMonths === '' || form.remainingMonths === '') {
    return { facts: null, missing: [...missing] };
  }
  const assessments: ClassificationFacts['assessments'] = {};
  for (const assessment of form.assessments) {
    const code = assessment.instrument.trim();
    if (!code) continue;
    const scales = assessment.scales.filter((s) => s.code.trim());
    assessments[code] = {
      ...(assessment.overall ? { overall: assessment.overall } : {}),
      levels: Object.fromEntries(scales.filter((s) => s.level).map((s) => [s.code.trim(), s.level])),
      scales: Object.fromEntries(
        scales.filter((s) => typeof s.score === 'number').map((s) => [s.code.trim(), s.score as number]),
      ),
    };
  }
  return {
    missing: [],
    facts: {
      prisoner: { age: form.age, sex: form.sex },
      sentence: {
        lengthMonths: form.lengthMonths,
        remainingMonths: form.remainingMonths,
        life: form.life,
        ...(form.courtRegime ? { courtRegime: form.courtRegime } : {}),
      },
      offences: form.offences.map((code) => ({ code, gravity: gravityOf(code) ?? '' })),
      flags: [...new Set(form.flags.map((flag) => flag.trim().toUpperCase()).filter(Boolean))],
      assessments,
    },
  };
}
