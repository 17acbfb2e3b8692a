import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';

import { ApiContext } from '../../../api/ApiContext';
import type { ApiClient } from '../../../api/client';
import type { OnboardingResult, PlatformTenant } from '../api';
import { OnboardingWizard } from '../OnboardingWizard';

// No messages loaded: t() answers with the key, which is what the assertions look for.
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: {} });

const STEPS = ['REGISTRY', 'REALM', 'FIRST_ADMIN', 'METHODOLOGY', 'ACTIVATION'] as const;

function tenant(status: PlatformTenant['status'], failed?: string): PlatformTenant {
  const failedAt = failed ? STEPS.indexOf(failed as (typeof STEPS)[number]) : STEPS.length;
  return {
    id: '01900000-0000-7000-8000-0000000000aa',
    code: 'UG',
    realm: 'ug',
    status,
    displayName: { en: 'Uganda' },
    firstAdminUsername: 'ug.admin',
    version: 0,
    steps: STEPS.map((step, i) => ({
      step,
      status: i < failedAt ? 'DONE' : i === failedAt ? 'FAILED' : 'PENDING',
      attempts: i <= failedAt ? 1 : 0,
      ...(i === failedAt ? { errorCode: 'KEYCLOAK_HTTP_503' } : {}),
    })),
  };
}

function json(body: unknown, status: number) {
  return Promise.resolve({
    data: status < 400 ? body : undefined,
    error: status < 400 ? undefined : body,
    response: new Response(null, { status }),
  });
}

function renderWizard(post: ReturnType<typeof vi.fn>, resume?: PlatformTenant) {
  const api = { POST: post, GET: vi.fn() } as unknown as ApiClient;
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <ApiContext value={api}>
            <OnboardingWizard resume={resume} sources={[]} onClose={() => undefined} />
          </ApiContext>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

function fillForm() {
  const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
  type('onboarding-code', 'ug');
  type('onboarding-country', 'ug');
  type('onboarding-time-zone', 'Africa/Kampala');
  type('onboarding-username', 'ug.admin');
  type('onboarding-email', 'admin@example.org');
}

// The whole form (Mantine selects, five typed fields) renders slowly in jsdom on a busy shared machine.
/** Submits as the button would, skipping the browser's own required-field check (the server's is under test). */
function submitForm() {
  const form = screen.getByTestId('onboarding-submit').closest('form');
  if (!form) throw new Error('the wizard has no form');
  fireEvent.submit(form);
}

describe('OnboardingWizard', { timeout: 30_000 }, () => {
  it('shows the failed step with its code, retries, then shows the temporary password once', async () => {
    const failed: OnboardingResult = { tenant: tenant('PROVISIONING', 'FIRST_ADMIN') };
    const done: OnboardingResult = { tenant: tenant('ACTIVE'), temporaryPassword: 'Tmp-password-123456' };
    const post = vi.fn().mockReturnValueOnce(json(failed, 201)).mockReturnValueOnce(json(done, 200));
    renderWizard(post);

    fillForm();
    submitForm();

    await screen.findByTestId('onboarding-failed');
    expect(post).toHaveBeenCalledWith(
      '/api/platform/tenants',
      expect.objectContaining({
        body: expect.objectContaining({
          code: 'UG',
          country: 'UG',
          firstAdmin: { username: 'ug.admin', email: 'admin@example.org' },
        }),
      }),
    );
    expect(screen.getByTestId('onboarding-step-REALM')).toHaveAttribute('data-status', 'DONE');
    expect(screen.getByTestId('onboarding-step-FIRST_ADMIN')).toHaveAttribute('data-status', 'FAILED');
    expect(screen.getByTestId('onboarding-error-code')).toHaveTextContent('KEYCLOAK_HTTP_503');
    expect(screen.queryByTestId('onboarding-password')).toBeNull();

    fireEvent.click(screen.getByTestId('onboarding-retry'));
    await screen.findByTestId('onboarding-complete');
    expect(post).toHaveBeenLastCalledWith('/api/platform/tenants/{id}/retry', {
      params: { path: { id: '01900000-0000-7000-8000-0000000000aa' } },
    });
    for (const step of STEPS) {
      expect(screen.getByTestId(`onboarding-step-${step}`)).toHaveAttribute('data-status', 'DONE');
    }
    expect(screen.getByTestId('onboarding-password-value')).toHaveTextContent('Tmp-password-123456');

    fireEvent.click(screen.getByTestId('onboarding-password-ack'));
    expect(screen.queryByTestId('onboarding-password')).toBeNull();
    expect(screen.queryByText('Tmp-password-123456')).toBeNull();
  });

  it('keeps the input and shows the server’s problem at the field it names', async () => {
    const problem = {
      type: 'urn:custodia:problem:business-rule',
      status: 422,
      errors: [{ field: 'timeZone', message: 'is not an IANA time zone such as Africa/Kampala' }],
    };
    renderWizard(vi.fn().mockReturnValue(json(problem, 422)));

    fillForm();
    submitForm();

    await screen.findByTestId('onboarding-problem');
    expect(screen.getByText('is not an IANA time zone such as Africa/Kampala')).toBeInTheDocument();
    expect(screen.getByTestId('onboarding-time-zone')).toHaveValue('Africa/Kampala');
    expect(screen.getByTestId('onboarding-code')).toHaveValue('UG');
  });

  it('opens a stopped onboarding at its steps and resumes it', async () => {
    const post = vi.fn().mockReturnValue(json({ tenant: tenant('ACTIVE') }, 200));
    renderWizard(post, tenant('PROVISIONING', 'METHODOLOGY'));

    expect(screen.queryByTestId('onboarding-submit')).toBeNull();
    expect(screen.getByTestId('onboarding-step-METHODOLOGY')).toHaveAttribute('data-status', 'FAILED');
    fireEvent.click(screen.getByTestId('onboarding-retry'));

    await waitFor(() =>
      expect(screen.getByTestId('onboarding-step-METHODOLOGY')).toHaveAttribute('data-status', 'DONE'),
    );
    expect(screen.getByTestId('onboarding-complete')).toBeInTheDocument();
    expect(screen.queryByTestId('onboarding-password')).toBeNull();
  });
});
