import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey, type Problem } from '../../api/problem';
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/languages';
import { indexProblems, NO_PROBLEMS } from '../methodology/shared/fieldProblems';
import { useFormat, type Texts } from '../methodology/shared/format';
import { ProblemsContext, useFieldError } from '../methodology/shared/ProblemsContext';
import { TextsInput } from '../methodology/shared/TextsInput';
import {
  onboardTenant,
  phaseOf,
  platformTenantsKey,
  retryOnboarding,
  stepsInOrder,
  type OnboardingRequest,
  type OnboardingResult,
  type PlatformTenant,
} from './api';

interface Draft {
  code: string;
  country: string;
  displayName: Texts;
  defaultLanguage: string;
  timeZone: string;
  username: string;
  email: string;
  methodologyFrom: string;
}

const EMPTY: Draft = {
  code: '',
  country: '',
  displayName: {},
  defaultLanguage: 'en',
  timeZone: '',
  username: '',
  email: '',
  methodologyFrom: '',
};

function toRequest(draft: Draft): OnboardingRequest {
  return {
    code: draft.code.trim(),
    country: draft.country.trim(),
    displayName: Object.fromEntries(Object.entries(draft.displayName).filter(([, text]) => text.trim() !== '')),
    defaultLanguage: draft.defaultLanguage,
    timeZone: draft.timeZone.trim(),
    firstAdmin: { username: draft.username.trim(), email: draft.email.trim() },
    ...(draft.methodologyFrom ? { methodologyFrom: draft.methodologyFrom } : {}),
  };
}

/**
 * Onboards a country: the form, then each step's progress as the server reports it, the failed step with its error
 * code and a retry, and the first admin's temporary password, shown once (the server keeps no copy).
 */
export function OnboardingWizard({
  resume,
  sources,
  onClose,
}: {
  /** A tenant whose onboarding stopped: the wizard opens at its steps. */
  resume?: PlatformTenant;
  /** Active tenants whose published methodology may be copied. */
  sources: PlatformTenant[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [tenant, setTenant] = useState<PlatformTenant | undefined>(resume);
  const [password, setPassword] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const handlers = {
    onMutate: () => setProblem(null),
    onSuccess: async (result: OnboardingResult) => {
      setTenant(result.tenant);
      if (result.temporaryPassword) setPassword(result.temporaryPassword);
      await queryClient.invalidateQueries({ queryKey: platformTenantsKey });
    },
    onError: (error: Error) => {
      if (error instanceof ApiError) setProblem(error.problem);
    },
  };
  const start = useMutation({ mutationFn: () => onboardTenant(api, toRequest(draft)), ...handlers });
  const retry = useMutation({ mutationFn: (id: string) => retryOnboarding(api, id), ...handlers });
  const running = start.isPending || retry.isPending;
  const problems = problem?.errors.length ? indexProblems(problem.errors) : NO_PROBLEMS;
  const phase = phaseOf(tenant);

  return (
    <ProblemsContext value={problems}>
      <Card withBorder data-testid="onboarding-wizard">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {tenant ? t('tenantAdmin.wizard.progressTitle', { code: tenant.code }) : t('tenantAdmin.wizard.title')}
          </Title>
          {problem && (
            <Alert color="red" variant="light" role="alert" data-testid="onboarding-problem">
              {t(problemMessageKey(problem))}
            </Alert>
          )}
          {!tenant && !running && (
            <OnboardingForm draft={draft} setDraft={setDraft} sources={sources} onSubmit={() => start.mutate()} />
          )}
          {(tenant || running) && (
            <List spacing="xs" listStyleType="none" data-testid="onboarding-steps" aria-live="polite">
              {stepsInOrder(tenant).map((step) => (
                <List.Item key={step.step} data-testid={`onboarding-step-${step.step}`} data-status={step.status}>
                  <Group gap="xs">
                    <Badge color={step.status === 'DONE' ? 'green' : step.status === 'FAILED' ? 'red' : 'gray'}>
                      {t(`tenantAdmin.stepStatus.${step.status ?? 'PENDING'}`)}
                    </Badge>
                    <Text size="sm">{t(`tenantAdmin.steps.${step.step ?? 'REGISTRY'}`)}</Text>
                    {step.errorCode && (
                      <Code dir="ltr" data-testid="onboarding-error-code">
                        {step.errorCode}
                      </Code>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          {running && <Loader size="sm" aria-label={t('tenantAdmin.wizard.running')} />}
          {password && tenant && (
            <Alert color="yellow" title={t('tenantAdmin.password.title')} data-testid="onboarding-password">
              <Stack gap="xs">
                <Text size="sm">
                  {t('tenantAdmin.password.text', { username: tenant.firstAdminUsername, realm: tenant.realm })}
                </Text>
                <Code block dir="ltr" data-testid="onboarding-password-value">
                  {password}
                </Code>
                <Group>
                  <Button size="compact-sm" onClick={() => setPassword(null)} data-testid="onboarding-password-ack">
                    {t('tenantAdmin.password.acknowledge')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {tenant && !running && phase.kind === 'failed' && (
            <Alert
              color="red"
              variant="light"
              title={t('tenantAdmin.wizard.failedTitle')}
              data-testid="onboarding-failed"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('tenantAdmin.wizard.failedText', {
                    step: t(`tenantAdmin.steps.${phase.step.step ?? 'REGISTRY'}`),
                    code: phase.step.errorCode,
                  })}
                </Text>
                <Group>
                  <Button onClick={() => retry.mutate(tenant.id ?? '')} data-testid="onboarding-retry">
                    {t('tenantAdmin.wizard.retry')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {tenant && !running && phase.kind === 'complete' && (
            <Alert color="green" variant="light" data-testid="onboarding-complete">
              {t('tenantAdmin.wizard.complete', { name: text(tenant.displayName, tenant.code).text })}
            </Alert>
          )}
          {tenant && !running && phase.kind === 'incomplete' && (
            <Group>
              <Button onClick={() => retry.mutate(tenant.id ?? '')} data-testid="onboarding-retry">
                {t('tenantAdmin.wizard.resume')}
              </Button>
            </Group>
          )}
          <Group>
            <Button variant="default" onClick={onClose} disabled={running} data-testid="onboarding-close">
              {t(tenant ? 'tenantAdmin.wizard.close' : 'tenantAdmin.wizard.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </ProblemsContext>
  );
}

function OnboardingForm({
  draft,
  setDraft,
  sources,
  onSubmit,
}: {
  draft: Draft;
  setDraft: (update: (draft: Draft) => Draft) => void;
  sources: PlatformTenant[];
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const set = (field: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('tenantAdmin.form.code')}
          description={t('tenantAdmin.form.codeHint')}
          required
          dir="ltr"
          value={draft.code}
          onChange={(e) => {
            const code = e.currentTarget.value.toUpperCase();
            setDraft((d) => ({ ...d, code }));
          }}
          error={useFieldError('code')}
          data-testid="onboarding-code"
        />
        <TextInput
          label={t('tenantAdmin.form.country')}
          description={t('tenantAdmin.form.countryHint')}
          required
          dir="ltr"
          maxLength={2}
          value={draft.country}
          onChange={(e) => {
            const country = e.currentTarget.value.toUpperCase();
            setDraft((d) => ({ ...d, country }));
          }}
          error={useFieldError('country')}
          data-testid="onboarding-country"
        />
        <TextsInput
          path="displayName"
          label={t('tenantAdmin.form.displayName')}
          value={draft.displayName}
          onChange={(displayName) => setDraft((d) => ({ ...d, displayName }))}
        />
        <Select
          label={t('tenantAdmin.form.defaultLanguage')}
          required
          allowDeselect={false}
          data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={draft.defaultLanguage}
          onChange={(value) => setDraft((d) => ({ ...d, defaultLanguage: value ?? 'en' }))}
          error={useFieldError('defaultLanguage')}
          data-testid="onboarding-language"
        />
        <TextInput
          label={t('tenantAdmin.form.timeZone')}
          description={t('tenantAdmin.form.timeZoneHint')}
          required
          dir="ltr"
          value={draft.timeZone}
          onChange={set('timeZone')}
          error={useFieldError('timeZone')}
          data-testid="onboarding-time-zone"
        />
        <Select
          label={t('tenantAdmin.form.methodologyFrom')}
          allowDeselect={false}
          data={[
            { value: '', label: t('tenantAdmin.form.methodologyEmpty') },
            ...sources.map((s) => ({ value: s.code ?? '', label: text(s.displayName, s.code).text })),
          ]}
          value={draft.methodologyFrom}
          onChange={(value) => setDraft((d) => ({ ...d, methodologyFrom: value ?? '' }))}
          error={useFieldError('methodologyFrom')}
          data-testid="onboarding-methodology"
        />
        <TextInput
          label={t('tenantAdmin.form.adminUsername')}
          required
          dir="ltr"
          value={draft.username}
          onChange={set('username')}
          error={useFieldError('firstAdmin.username')}
          data-testid="onboarding-username"
        />
        <TextInput
          label={t('tenantAdmin.form.adminEmail')}
          type="email"
          required
          dir="ltr"
          value={draft.email}
          onChange={set('email')}
          error={useFieldError('firstAdmin.email')}
          data-testid="onboarding-email"
        />
      </SimpleGrid>
      <Group>
        <Button type="submit" data-testid="onboarding-submit">
          {t('tenantAdmin.form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
