import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';

export type AssessmentInbox = Schemas['AssessmentInbox'];
export type AssessmentInboxEntry = Schemas['Entry'];
export type InboxCount = Schemas['InboxCount'];

export const assessmentInboxKey = ['assessments', 'inbox'] as const;

/** Assessments per page of the inbox (as the API's default page). */
export const ASSESSMENT_INBOX_PAGE_SIZE = 25;

// The snapshot documents only the errors of these operations, so their answers are typed here.

export function useAssessmentInbox(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...assessmentInboxKey, page],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/assessments/inbox', {
          params: { query: { page, size: ASSESSMENT_INBOX_PAGE_SIZE } },
          signal,
        }),
      )) as unknown as AssessmentInbox,
    placeholderData: keepPreviousData,
  });
}

/** How many assessments wait for a decision; names no one, so the home page reads it without an audit entry. */
export function useAssessmentInboxCount() {
  const api = useApi();
  return useQuery({
    queryKey: [...assessmentInboxKey, 'count'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/assessments/inbox/count', { signal }))) as unknown as InboxCount,
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
