import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import type { Change } from './changes';
import type { Transport } from './sync';

export type AssessmentView = Schemas['AssessmentView'];
export type AssessmentSummary = Schemas['AssessmentSummary'];
export type AssessmentStatus = NonNullable<AssessmentView['status']>;
export type Judgement = Schemas['Judgement'];

export const assessmentKey = (id: string) => ['assessment', id] as const;
export const prisonerAssessmentsKey = (prisonerId: string) => ['prisoner', prisonerId, 'assessments'] as const;

// The snapshot documents only the error answers of these operations (their success bodies are reactive types
// springdoc does not describe), so the success bodies are typed here from the component schemas.

export async function readAssessment(api: ApiClient, id: string, signal?: AbortSignal): Promise<AssessmentView> {
  return (await unwrap(
    api.GET('/api/assessments/{id}', { params: { path: { id } }, signal }),
  )) as unknown as AssessmentView;
}

export function useAssessment(id: string) {
  const api = useApi();
  // Read once per visit: from then on the page's AnswerSync holds the assessment, so a refetch never overwrites
  // what the assessor is typing.
  return useQuery({
    queryKey: assessmentKey(id),
    queryFn: ({ signal }) => readAssessment(api, id, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function usePrisonerAssessments(prisonerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: prisonerAssessmentsKey(prisonerId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners/{prisonerId}/assessments', { params: { path: { prisonerId } }, signal }),
      )) as unknown as AssessmentSummary[],
  });
}

export async function startAssessment(
  api: ApiClient,
  prisonerId: string,
  instrumentVersionId: string,
): Promise<AssessmentView> {
  return (await unwrap(
    api.POST('/api/assessments', { body: { prisonerId, instrumentVersionId } }),
  )) as unknown as AssessmentView;
}

export async function submitAssessment(
  api: ApiClient,
  id: string,
  version: number,
  idempotencyKey: string,
): Promise<AssessmentView> {
  return (await unwrap(
    api.POST('/api/assessments/{id}/submission', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { version },
    }),
  )) as unknown as AssessmentView;
}

/** The API calls AnswerSync makes. */
export function assessmentTransport(api: ApiClient): Transport {
  return {
    patch: async (id, { version, answers, judgement }: { version: number } & Change) =>
      (await unwrap(
        api.PATCH('/api/assessments/{id}', {
          params: { path: { id } },
          body: { version, answers, ...(judgement !== undefined ? { judgement } : {}) },
        }),
      )) as unknown as AssessmentView,
    read: (id) => readAssessment(api, id),
  };
}
