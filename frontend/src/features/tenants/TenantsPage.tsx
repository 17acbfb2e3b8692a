import { Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../api/problem';
import { ConfirmButton } from '../methodology/shared/ConfirmButton';
import { useFormat } from '../methodology/shared/format';
import { changeTenantStatus, phaseOf, platformTenantsKey, usePlatformTenants, type PlatformTenant } from './api';
import { OnboardingWizard } from './OnboardingWizard';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

const STATUS_COLOR = { ACTIVE: 'green', PROVISIONING: 'yellow', SUSPENDED: 'red' } as const;

/** Platform admins' tenants: the registry with each tenant's status, onboarding, suspension and reactivation. */
export default function TenantsPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const tenants = usePlatformTenants();
  const [wizard, setWizard] = useState<PlatformTenant | 'new' | null>(null);
  const active = (tenants.data ?? []).filter((tenant) => tenant.status === 'ACTIVE');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('tenantAdmin.title')}</Title>
          <Text c="dimmed">{t('tenantAdmin.description')}</Text>
        </div>
        <Button onClick={() => setWizard('new')} disabled={wizard !== null} data-testid="tenant-onboard">
          {t('tenantAdmin.onboard')}
        </Button>
      </Group>
      {wizard && (
        <OnboardingWizard
          key={wizard === 'new' ? 'new' : wizard.id}
          resume={wizard === 'new' ? undefined : wizard}
          sources={active}
          onClose={() => setWizard(null)}
        />
      )}
      <ApiErrorAlert error={tenants.error} />
      {tenants.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="tenants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tenantAdmin.list.code')}</Table.Th>
                <Table.Th>{t('tenantAdmin.list.name')}</Table.Th>
                <Table.Th>{t('tenantAdmin.list.country')}</Table.Th>
                <Table.Th>{t('tenantAdmin.list.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('tenantAdmin.list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tenants.data ?? []).map((tenant) => {
                const name = text(tenant.displayName, tenant.code);
                const phase = phaseOf(tenant);
                return (
                  <Table.Tr key={tenant.id} data-testid="tenant-row" data-code={tenant.code}>
                    <Table.Td dir="ltr">{tenant.code}</Table.Td>
                    <Table.Td lang={name.lang}>{name.text}</Table.Td>
                    <Table.Td dir="ltr">{tenant.country ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Badge color={STATUS_COLOR[tenant.status ?? 'PROVISIONING']} data-testid="tenant-status">
                          {t(`tenantAdmin.status.${tenant.status ?? 'PROVISIONING'}`)}
                        </Badge>
                        {phase.kind === 'failed' && (
                          <Text size="sm" c="red">
                            {t('tenantAdmin.list.failedAt', {
                              step: t(`tenantAdmin.steps.${phase.step.step ?? 'REGISTRY'}`),
                            })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {tenant.status === 'PROVISIONING' ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setWizard(tenant)}
                          data-testid="tenant-resume"
                        >
                          {t('tenantAdmin.list.openOnboarding')}
                        </Button>
                      ) : (
                        <StatusButton tenant={tenant} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Suspend (ACTIVE) or reactivate (SUSPENDED), asked once more; a stale version reloads the list. */
function StatusButton({ tenant }: { tenant: PlatformTenant }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const suspending = tenant.status === 'ACTIVE';
  const change = useMutation({
    mutationFn: () => changeTenantStatus(api, tenant, reason.trim() || undefined),
    onMutate: () => setError(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: platformTenantsKey }),
    onError: (e) => setError(e instanceof ApiError ? t(problemMessageKey(e.problem)) : String(e)),
  });
  const action = suspending ? 'suspend' : 'reactivate';
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {suspending && (
          <TextInput
            size="xs"
            aria-label={t('tenantAdmin.list.reason')}
            placeholder={t('tenantAdmin.list.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <ConfirmButton
          size="compact-sm"
          color={suspending ? 'red' : 'green'}
          variant="light"
          loading={change.isPending}
          title={t(`tenantAdmin.${action}.title`, { code: tenant.code })}
          text={t(`tenantAdmin.${action}.text`)}
          onConfirm={() => change.mutate()}
          testId={`tenant-${action}`}
        >
          {t(`tenantAdmin.${action}.button`)}
        </ConfirmButton>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
