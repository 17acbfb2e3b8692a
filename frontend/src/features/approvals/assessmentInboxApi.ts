import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import { INBOX_SIZE } from '../prisoners/classificationApi';

export type AssessmentInbox = Schemas['AssessmentInbox'];
export type AssessmentInboxEntry = Schemas['Entry'];

export const assessmentInboxKey = ['assessments', 'inbox'] as const;

// The snapshot documents only the errors of these operations, so their answers are typed here.

export function useAssessmentInbox() {
  const api = useApi();
  return useQuery({
    queryKey: assessmentInboxKey,
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/assessments/inbox', { params: { query: { page: 0, size: INBOX_SIZE } }, signal }),
      )) as unknown as AssessmentInbox,
  });
}

export async function approveAssessment(api: ApiClient, entry: AssessmentInboxEntry, comment: string) {
  return unwrap(
    api.POST('/api/assessments/{id}/approval', {
      params: { path: { id: entry.id ?? '' } },
      body: { version: entry.version ?? 0, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  );
}

export async function returnAssessment(api: ApiClient, entry: AssessmentInboxEntry, comment: string) {
  return unwrap(
    api.POST('/api/assessments/{id}/return', {
      params: { path: { id: entry.id ?? '' } },
      body: { version: entry.version ?? 0, comment: comment.trim() },
    }),
  );
}
