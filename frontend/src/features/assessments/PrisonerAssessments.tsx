import { Badge, Button, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useFormat } from '../methodology/shared/format';
import { usePrisonerAssessments } from './api';
import { toAssessment, toNewAssessment } from './routes';

/** The case file's list of assessments, newest first, each a link to it, and the way to start a new one. */
export function PrisonerAssessments({ prisonerId }: { prisonerId: string }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const query = usePrisonerAssessments(prisonerId);
  const list = query.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="assessments-title" data-testid="prisoner-assessments">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="assessments-title">
          {t('entry.list.title')}
        </Title>
        <Button component={Link} to={toNewAssessment(prisonerId)} size="xs" data-testid="new-assessment-link">
          {t('entry.list.new')}
        </Button>
      </Group>
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.length === 0 ? (
        <Text size="sm">{t('entry.list.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entry.list.instrument')}</Table.Th>
              <Table.Th>{t('entry.list.status')}</Table.Th>
              <Table.Th>{t('entry.list.level')}</Table.Th>
              <Table.Th>{t('entry.list.started')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id} data-testid="assessment-row" data-status={a.status}>
                <Table.Td>
                  <Link to={toAssessment(a.id ?? '')}>{a.instrumentCode}</Link>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`entry.status.${a.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{a.overallLevel ?? '—'}</Table.Td>
                <Table.Td>{date(a.startedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
