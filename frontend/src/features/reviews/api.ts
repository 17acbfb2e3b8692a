import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';

export type DueReviewPage = Schemas['DueReviewPage'];
export type DueReview = Schemas['DueReview'];
export type DueCounts = Schemas['DueCounts'];
export type PreReleasePage = Schemas['PreReleasePage'];
export type ReviewTrigger = Schemas['ReviewTrigger'];
export type TriggerKind = NonNullable<ReviewTrigger['kind']>;
export type Referral = Schemas['Referral'];
export type ReferralStatus = NonNullable<Referral['status']>;
export type ProposalOutcome = Schemas['ProposalOutcome'];
export type AssessmentSummary = Schemas['AssessmentSummary'];
export type CycleSetting = Schemas['CycleSetting'];

export const TRIGGER_KINDS: readonly TriggerKind[] = [
  'INCIDENT',
  'NEW_OFFENCE',
  'SENTENCE_CHANGE',
  'PROGRAMME_COMPLETION',
  'REQUEST',
];

/**
 * The steps a referral may take from each status (the server's state machine, docs/architecture.md): the screen
 * offers only these, and the server still refuses any other with 409.
 */
export const REFERRAL_STEPS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  PROPOSED: ['REFERRED', 'DECLINED'],
  REFERRED: ['STARTED', 'DROPPED'],
  STARTED: ['COMPLETED', 'DROPPED'],
  DECLINED: [],
  COMPLETED: [],
  DROPPED: [],
};

/** Page size of the review lists. */
export const REVIEW_PAGE_SIZE = 25;

// The snapshot documents only the errors of these operations, so their answers are typed here from the schemas.

export const reviewsKey = ['reviews'] as const;
export const triggersKey = (prisonerId: string) => ['prisoners', 'one', prisonerId, 'review-triggers'] as const;
export const referralsKey = (prisonerId: string) => ['prisoners', 'one', prisonerId, 'referrals'] as const;
export const assessmentsKey = (prisonerId: string) => ['prisoners', 'one', prisonerId, 'assessments'] as const;
export const cycleSettingsKey = ['cycle-settings'] as const;

export interface ReviewListQuery {
  facilityId: string;
  page: number;
}

function listQuery({ facilityId, page }: ReviewListQuery) {
  return { ...(facilityId ? { facilityId } : {}), page, size: REVIEW_PAGE_SIZE };
}

export function useDueReviews(query: ReviewListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...reviewsKey, 'due', query],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/reviews/due', { params: { query: listQuery(query) }, signal }),
      )) as unknown as DueReviewPage,
    placeholderData: keepPreviousData,
  });
}

export function useDueCounts() {
  const api = useApi();
  return useQuery({
    queryKey: [...reviewsKey, 'counts'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/reviews/due/counts', { signal }))) as unknown as DueCounts,
  });
}

export function usePreRelease(query: ReviewListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...reviewsKey, 'pre-release', query],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/reviews/pre-release', { params: { query: listQuery(query) }, signal }),
      )) as unknown as PreReleasePage,
    placeholderData: keepPreviousData,
  });
}

export function useReviewTriggers(prisonerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: triggersKey(prisonerId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners/{prisonerId}/review-triggers', { params: { path: { prisonerId } }, signal }),
      )) as unknown as ReviewTrigger[],
  });
}

export async function recordTrigger(
  api: ApiClient,
  prisonerId: string,
  trigger: { kind: TriggerKind; note: string; occurredOn: string },
) {
  return unwrap(
    api.POST('/api/prisoners/{prisonerId}/review-triggers', {
      params: { path: { prisonerId } },
      body: {
        kind: trigger.kind,
        ...(trigger.note.trim() ? { note: trigger.note.trim() } : {}),
        ...(trigger.occurredOn ? { occurredOn: trigger.occurredOn } : {}),
      },
    }),
  );
}

export function useReferrals(prisonerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: referralsKey(prisonerId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners/{prisonerId}/referrals', { params: { path: { prisonerId } }, signal }),
      )) as unknown as Referral[],
  });
}

export async function proposeReferrals(api: ApiClient, prisonerId: string) {
  return (await unwrap(
    api.POST('/api/prisoners/{prisonerId}/referrals/proposals', { params: { path: { prisonerId } } }),
  )) as unknown as ProposalOutcome[];
}

export async function changeReferral(
  api: ApiClient,
  referral: Referral,
  change: { status: ReferralStatus; reason?: string; triggerReview?: boolean },
) {
  return (await unwrap(
    api.POST('/api/referrals/{id}/status', {
      params: { path: { id: referral.id ?? '' } },
      body: {
        status: change.status,
        version: referral.version ?? 0,
        ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}),
        ...(change.triggerReview ? { triggerReview: true } : {}),
      },
    }),
  )) as unknown as Referral;
}

export function usePrisonerAssessments(prisonerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentsKey(prisonerId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners/{prisonerId}/assessments', { params: { path: { prisonerId } }, signal }),
      )) as unknown as AssessmentSummary[],
  });
}

export async function fetchCycleSettings(api: ApiClient, signal?: AbortSignal) {
  return (await unwrap(api.GET('/api/cycle-settings', { signal }))) as unknown as CycleSetting;
}

export function useCycleSettings() {
  const api = useApi();
  return useQuery({ queryKey: cycleSettingsKey, queryFn: ({ signal }) => fetchCycleSettings(api, signal) });
}

export async function saveCycleSettings(api: ApiClient, preReleaseMonths: number, version: number) {
  return (await unwrap(
    api.PUT('/api/cycle-settings', { body: { preReleaseMonths, version } }),
  )) as unknown as CycleSetting;
}
