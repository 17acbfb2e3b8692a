import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';

export type PlatformTenant = Schemas['PlatformTenantView'];
export type OnboardingStepView = Schemas['StepView'];
export type OnboardingResult = Schemas['OnboardingResult'];
export type OnboardingRequest = Schemas['TenantOnboardingRequest'];
export type TenantStatus = NonNullable<PlatformTenant['status']>;

/** The steps of onboarding in the order the server runs them (backend onboarding/OnboardingStep). */
export const ONBOARDING_STEPS = ['REGISTRY', 'REALM', 'FIRST_ADMIN', 'METHODOLOGY', 'ACTIVATION'] as const;

export const platformTenantsKey = ['platform', 'tenants'] as const;

export async function fetchPlatformTenants(api: ApiClient, signal?: AbortSignal) {
  return (await unwrap(api.GET('/api/platform/tenants', { signal }))) as PlatformTenant[];
}

export function usePlatformTenants() {
  const api = useApi();
  return useQuery({ queryKey: platformTenantsKey, queryFn: ({ signal }) => fetchPlatformTenants(api, signal) });
}

export async function onboardTenant(api: ApiClient, request: OnboardingRequest) {
  return (await unwrap(api.POST('/api/platform/tenants', { body: request }))) as OnboardingResult;
}

export async function retryOnboarding(api: ApiClient, id: string) {
  return (await unwrap(api.POST('/api/platform/tenants/{id}/retry', { params: { path: { id } } }))) as OnboardingResult;
}

/** Suspends an ACTIVE tenant or reactivates a SUSPENDED one, with the version last read. */
export async function changeTenantStatus(api: ApiClient, tenant: PlatformTenant, reason?: string) {
  const id = tenant.id ?? '';
  const body = { version: tenant.version ?? 0, ...(reason ? { reason } : {}) };
  const call =
    tenant.status === 'SUSPENDED'
      ? api.POST('/api/platform/tenants/{id}/reactivation', { params: { path: { id } }, body })
      : api.POST('/api/platform/tenants/{id}/suspension', { params: { path: { id } }, body });
  return (await unwrap(call)) as PlatformTenant;
}

/** Where an onboarding stands, for the wizard: still running, stopped at a failed step, or complete. */
export type OnboardingPhase =
  { kind: 'complete' } | { kind: 'failed'; step: OnboardingStepView } | { kind: 'incomplete' };

export function phaseOf(tenant: PlatformTenant | undefined): OnboardingPhase {
  const failed = (tenant?.steps ?? []).find((s) => s.status === 'FAILED');
  if (failed) return { kind: 'failed', step: failed };
  return tenant?.status === 'PROVISIONING' ? { kind: 'incomplete' } : { kind: 'complete' };
}

/** Each step's status in server order; steps the server has not reported yet are PENDING. */
export function stepsInOrder(tenant: PlatformTenant | undefined): OnboardingStepView[] {
  return ONBOARDING_STEPS.map(
    (step) => (tenant?.steps ?? []).find((s) => s.step === step) ?? { step, status: 'PENDING', attempts: 0 },
  );
}
