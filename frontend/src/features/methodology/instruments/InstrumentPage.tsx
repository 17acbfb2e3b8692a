import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { useFormat } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { toInstrumentVersion, toInstruments, type InstrumentParams } from '../routes';
import { instrumentKey, instrumentsKey, newDraft, useInstrument } from './api';
import { ExportButton } from './ExportButton';

/** One instrument: its versions (open, export), and a new draft, empty or copied from a version. */
export default function InstrumentPage() {
  const { t } = useTranslation();
  const { instrumentId = '' } = useParams<InstrumentParams>();
  const { text, date } = useFormat();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const instrument = useInstrument(instrumentId);
  const start = useMutation({
    mutationFn: (copyFrom?: string) => newDraft(api, instrumentId, copyFrom),
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: instrumentKey(instrumentId) });
      await queryClient.invalidateQueries({ queryKey: instrumentsKey });
      void navigate(toInstrumentVersion(draft.id ?? ''));
    },
  });

  if (instrument.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (instrument.isError) {
    return (
      <Alert color="red" variant="light">
        {t(instrument.error instanceof ApiError ? problemMessageKey(instrument.error.problem) : 'problem.unexpected')}
      </Alert>
    );
  }
  const data = instrument.data;
  const name = text(data.name, data.code);
  const versions = [...(data.versions ?? [])].reverse();
  const hasDraft = versions.some((v) => v.status === 'DRAFT');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={toInstruments()} size="sm">
        {t('methodology.instrument.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1} lang={name.lang}>
          {name.text}
        </Title>
        <Badge variant="light">{t(`methodology.kind.${data.kind ?? 'ACTUARIAL'}`)}</Badge>
      </Group>
      <Text c="dimmed" dir="ltr" w="fit-content">
        {data.code}
      </Text>
      {data.description && Object.keys(data.description).length > 0 && (
        <Text lang={text(data.description).lang}>{text(data.description).text}</Text>
      )}
      {start.error && (
        <Alert color="red" variant="light" role="alert">
          {start.error instanceof ApiError && start.error.status === 409
            ? t('methodology.instrument.draftExists')
            : t(start.error instanceof ApiError ? problemMessageKey(start.error.problem) : 'problem.unexpected')}
        </Alert>
      )}
      {!hasDraft && (
        <Button w="fit-content" variant="light" onClick={() => start.mutate(undefined)} loading={start.isPending}>
          {t('methodology.instrument.newEmptyDraft')}
        </Button>
      )}
      <Table striped withTableBorder data-testid="versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('methodology.instrument.version')}</Table.Th>
            <Table.Th>{t('methodology.instrument.publishedAt')}</Table.Th>
            <Table.Th>{t('methodology.actions.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id} data-testid="version-row" data-status={version.status}>
              <Table.Td>
                <StatusBadge status={version.status} number={version.number} />
              </Table.Td>
              <Table.Td>{date(version.publishedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    component={Link}
                    to={toInstrumentVersion(version.id ?? '')}
                    size="xs"
                    variant={version.status === 'DRAFT' ? 'filled' : 'light'}
                    data-testid="open-version"
                  >
                    {version.status === 'DRAFT' ? t('methodology.instrument.edit') : t('methodology.instrument.open')}
                  </Button>
                  <ExportButton versionId={version.id ?? ''} fileName={`${data.code}-v${version.number}.json`} />
                  {!hasDraft && (
                    <Button size="xs" variant="subtle" onClick={() => start.mutate(version.id)}>
                      {t('methodology.instrument.copyToDraft')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
