import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import type { TraceSentence } from '../methodology/scheme/trace';
import { describeTrace } from '../methodology/scheme/trace';

export type Decision = Schemas['DecisionView'];
export type DecisionStatus = NonNullable<Decision['status']>;
export type OverrideReason = NonNullable<Schemas['OverrideClassification']['reason']>;
export type InboxItem = Schemas['InboxItem'];
export type Inbox = Schemas['Inbox'];
export type InboxCount = Schemas['InboxCount'];

export const OVERRIDE_REASONS: readonly OverrideReason[] = [
  'SECURITY_INFORMATION',
  'BEHAVIOUR',
  'HEALTH',
  'PROTECTION',
  'PROGRAMME_NEEDS',
  'OTHER',
];

/** Decisions still in the author's or a supervisor's hands: no other may be proposed meanwhile. */
export const OPEN_STATUSES: readonly DecisionStatus[] = ['PROPOSED', 'SUBMITTED'];

export const decisionsKey = (prisonerId: string) => ['prisoners', 'one', prisonerId, 'classifications'] as const;
export const inboxKey = ['classifications', 'inbox'] as const;

// The snapshot documents only the errors of these operations, so their answers are typed here.

export function useDecisions(prisonerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: decisionsKey(prisonerId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners/{prisonerId}/classifications', { params: { path: { prisonerId } }, signal }),
      )) as unknown as Decision[],
  });
}

export async function proposeClassification(api: ApiClient, prisonerId: string) {
  return (await unwrap(
    api.POST('/api/prisoners/{prisonerId}/classifications', { params: { path: { prisonerId } } }),
  )) as Decision;
}

export async function acceptClassification(api: ApiClient, decision: Decision) {
  const id = decision.id ?? '';
  return (await unwrap(
    api.POST('/api/classifications/{id}/accept', {
      params: { path: { id } },
      body: { version: decision.version ?? 0 },
    }),
  )) as unknown as Decision;
}

export async function overrideClassification(
  api: ApiClient,
  decision: Decision,
  change: { category: string; reason: OverrideReason; narrative: string },
) {
  const id = decision.id ?? '';
  return (await unwrap(
    api.POST('/api/classifications/{id}/override', {
      params: { path: { id } },
      body: { ...change, version: decision.version ?? 0 },
    }),
  )) as unknown as Decision;
}

export async function withdrawClassification(api: ApiClient, decision: Decision) {
  const id = decision.id ?? '';
  return (await unwrap(
    api.POST('/api/classifications/{id}/withdraw', {
      params: { path: { id } },
      body: { version: decision.version ?? 0 },
    }),
  )) as unknown as Decision;
}

export async function approveClassification(api: ApiClient, id: string, version: number, comment: string) {
  return (await unwrap(
    api.POST('/api/classifications/{id}/approve', {
      params: { path: { id } },
      body: { version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  )) as unknown as Decision;
}

export async function rejectClassification(api: ApiClient, id: string, version: number, comment: string) {
  return (await unwrap(
    api.POST('/api/classifications/{id}/reject', {
      params: { path: { id } },
      body: { version, comment: comment.trim() },
    }),
  )) as unknown as Decision;
}

export const INBOX_PAGE_SIZE = 25;

export function useInbox(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...inboxKey, page],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/classifications/inbox', { params: { query: { page, size: INBOX_PAGE_SIZE } }, signal }),
      )) as unknown as Inbox,
    placeholderData: keepPreviousData,
  });
}

/** How many decisions wait for approval; names no one, so the home page reads it without an audit entry. */
export function useInboxCount() {
  const api = useApi();
  return useQuery({
    queryKey: [...inboxKey, 'count'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/classifications/inbox/count', { signal }))) as unknown as InboxCount,
  });
}

/**
 * A decision's rule trace in plain words, in the same sentences as the methodology rule tester: each rule tried in
 * order, the proposal, then (when the author chose another category) what the decision is for and why.
 */
export function describeDecision(
  decision: Decision,
  categoryName: (code: string) => string,
  text: (texts: Record<string, string> | undefined) => string,
  reasonName: (reason: OverrideReason) => string = (reason) => reason,
): TraceSentence[] {
  const sentences = describeTrace(
    { proposal: { category: decision.proposedCategory, trace: decision.trace ?? [] } },
    categoryName,
    text,
  );
  if (decision.override?.reason) {
    sentences.push({
      key: 'cycle.trace.overridden',
      values: {
        category: categoryName(decision.category ?? ''),
        reason: reasonName(decision.override.reason),
      },
      tone: 'summary',
    });
  }
  return sentences;
}
