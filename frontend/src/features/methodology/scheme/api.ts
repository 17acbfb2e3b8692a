import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../../api/client';
import { problemsOf } from '../instruments/api';
import type { SavedDocument } from '../shared/useSyncedDocument';

export type SchemeDefinition = Schemas['SchemeDefinition'];
export type Category = Schemas['Category'];
export type Rule = Schemas['Rule'];
export type Constraint = Schemas['Constraint'];
export type SchemeVersionView = Schemas['SchemeVersionView'];
export type Evaluation = Schemas['Evaluation'];
export type RuleOutcome = Schemas['RuleOutcome'];
export type Violation = Schemas['Violation'];
export type AssessmentResults = Schemas['AssessmentResults'];
/** The facts the rule tester sends: offences are {code, gravity} (the snapshot names the catalogue's Offence here). */
export interface ClassificationFacts {
  prisoner: { age: number; sex: 'M' | 'F' };
  sentence: { lengthMonths: number; remainingMonths: number; life?: boolean; courtRegime?: string };
  offences: { code: string; gravity: string }[];
  flags: string[];
  assessments: Record<string, AssessmentResults>;
}

export const schemeVersionsKey = ['methodology', 'scheme-versions'] as const;
export const schemeVersionKey = (id: string) => ['methodology', 'scheme-version', id] as const;

// The snapshot documents only these operations' errors, and names the scheme's request bodies after the
// instrument's (NewDraft, SaveDraft: same record names in two packages), so bodies and answers are typed here.
type Body = never;

export function useSchemeVersions() {
  const api = useApi();
  return useQuery({
    queryKey: schemeVersionsKey,
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/methodology/classification-scheme/versions', { signal }),
      )) as unknown as SchemeVersionView[],
  });
}

export async function fetchSchemeVersion(api: ApiClient, id: string, signal?: AbortSignal) {
  return (await unwrap(
    api.GET('/api/methodology/classification-scheme/versions/{id}', { params: { path: { id } }, signal }),
  )) as unknown as SchemeVersionView;
}

export function useSchemeVersion(id: string) {
  const api = useApi();
  return useQuery({ queryKey: schemeVersionKey(id), queryFn: ({ signal }) => fetchSchemeVersion(api, id, signal) });
}

export async function newSchemeDraft(api: ApiClient, copyFrom?: string): Promise<SchemeVersionView> {
  return (await unwrap(
    api.POST('/api/methodology/classification-scheme/versions', { body: (copyFrom ? { copyFrom } : {}) as Body }),
  )) as unknown as SchemeVersionView;
}

export async function saveSchemeDraft(api: ApiClient, id: string, definition: SchemeDefinition, version: number) {
  return (await unwrap(
    api.PUT('/api/methodology/classification-scheme/versions/{id}', {
      params: { path: { id } },
      body: { definition, version } as Body,
    }),
  )) as unknown as SchemeVersionView;
}

export async function publishScheme(api: ApiClient, id: string, version: number) {
  return (await unwrap(
    api.POST('/api/methodology/classification-scheme/versions/{id}/publish', {
      params: { path: { id } },
      body: { version },
    }),
  )) as unknown as SchemeVersionView;
}

export async function evaluateScheme(api: ApiClient, id: string, facts: ClassificationFacts, category?: string) {
  return (await unwrap(
    api.POST('/api/methodology/classification-scheme/versions/{id}/evaluate', {
      params: { path: { id } },
      body: { facts, ...(category ? { category } : {}) } as Body,
    }),
  )) as unknown as Evaluation;
}

export function asSavedScheme(view: SchemeVersionView): SavedDocument<SchemeDefinition> {
  return {
    document: view.definition ?? { categories: [], rules: [], constraints: [] },
    version: view.version ?? 0,
    problems: problemsOf(view.problems),
  };
}
