import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { useFormat } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { toSchemeVersion } from '../routes';
import { newSchemeDraft, schemeVersionsKey, useSchemeVersions } from './api';

/** The versions of the classification scheme; the one in force is the newest published. */
export default function SchemePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { date, number } = useFormat();
  const versions = useSchemeVersions();
  const start = useMutation({
    mutationFn: (copyFrom?: string) => newSchemeDraft(api, copyFrom),
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: schemeVersionsKey });
      void navigate(toSchemeVersion(draft.id ?? ''));
    },
  });
  if (versions.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (versions.isError) {
    return (
      <Alert color="red" variant="light">
        {t(versions.error instanceof ApiError ? problemMessageKey(versions.error.problem) : 'problem.unexpected')}
      </Alert>
    );
  }
  const list = [...versions.data].reverse();
  const hasDraft = list.some((v) => v.status === 'DRAFT');
  const inForce = list.find((v) => v.status === 'PUBLISHED');
  return (
    <Stack gap="md">
      <Title order={1}>{t('methodology.screen.scheme.title')}</Title>
      <Text c="dimmed">{t('methodology.screen.scheme.description')}</Text>
      {start.error && (
        <Alert color="red" variant="light" role="alert">
          {start.error instanceof ApiError && start.error.status === 409
            ? t('methodology.instrument.draftExists')
            : t(start.error instanceof ApiError ? problemMessageKey(start.error.problem) : 'problem.unexpected')}
        </Alert>
      )}
      {!hasDraft && (
        <Group gap="sm">
          {inForce && (
            <Button onClick={() => start.mutate(inForce.id)} loading={start.isPending}>
              {t('methodology.scheme.newDraftFromInForce')}
            </Button>
          )}
          <Button variant="default" onClick={() => start.mutate(undefined)} loading={start.isPending}>
            {t('methodology.instrument.newEmptyDraft')}
          </Button>
        </Group>
      )}
      <Table striped withTableBorder data-testid="scheme-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('methodology.instrument.version')}</Table.Th>
            <Table.Th>{t('methodology.instrument.publishedAt')}</Table.Th>
            <Table.Th>{t('methodology.scheme.contents')}</Table.Th>
            <Table.Th>{t('methodology.actions.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((version) => (
            <Table.Tr key={version.id} data-status={version.status} data-number={version.number}>
              <Table.Td>
                <StatusBadge status={version.status} number={version.number} />
              </Table.Td>
              <Table.Td>{date(version.publishedAt)}</Table.Td>
              <Table.Td>
                {t('methodology.scheme.counts', {
                  categories: number(version.definition?.categories?.length ?? 0),
                  rules: number(version.definition?.rules?.length ?? 0),
                  constraints: number(version.definition?.constraints?.length ?? 0),
                })}
              </Table.Td>
              <Table.Td>
                <Button
                  component={Link}
                  to={toSchemeVersion(version.id ?? '')}
                  size="xs"
                  variant={version.status === 'DRAFT' ? 'filled' : 'light'}
                >
                  {version.status === 'DRAFT' ? t('methodology.instrument.edit') : t('methodology.instrument.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
