import { Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '../../api/problem';
import { useInstruments } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { usePrisonerAssessments, type AssessmentSummary } from './api';
import { toAssessment, toNewAssessment } from './assessmentLinks';
import { useCycleCalendar } from './calendar';
import { ProblemNotice } from './ProblemNotice';

const STATUS_COLORS: Record<NonNullable<AssessmentSummary['status']>, string> = {
  DRAFT: 'blue',
  SUBMITTED: 'yellow',
  RETURNED: 'orange',
  APPROVED: 'green',
};

/** The prisoner's assessments, newest first, each opening the assessment screen; and a way to start one. */
export function AssessmentsPanel({ prisonerId, released }: { prisonerId: string; released: boolean }) {
  const { t } = useTranslation();
  const assessments = usePrisonerAssessments(prisonerId);
  const { text } = useFormat();
  const instruments = useInstruments().data ?? [];
  const { instant } = useCycleCalendar();
  const instrumentName = (code: string | undefined) => {
    const instrument = instruments.find((i) => i.code === code);
    return instrument ? text(instrument.name, code).text : (code ?? '—');
  };
  return (
    <Card withBorder data-testid="assessments">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('reviews.assessments.title')}
        </Title>
        {!released && (
          <Button component={Link} to={toNewAssessment(prisonerId)} variant="light" data-testid="new-assessment">
            {t('reviews.assessments.new')}
          </Button>
        )}
      </Group>
      {assessments.error instanceof ApiError && <ProblemNotice problem={assessments.error.problem} />}
      {assessments.data?.length === 0 && <Text size="sm">{t('reviews.assessments.none')}</Text>}
      {(assessments.data ?? []).length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reviews.assessments.instrument')}</Table.Th>
                <Table.Th>{t('reviews.assessments.status')}</Table.Th>
                <Table.Th>{t('reviews.assessments.started')}</Table.Th>
                <Table.Th>{t('reviews.assessments.submitted')}</Table.Th>
                <Table.Th>{t('reviews.assessments.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(assessments.data ?? []).map((a) => (
                <Table.Tr key={a.id} data-testid="assessment-row" data-status={a.status}>
                  <Table.Td>
                    <Anchor component={Link} to={toAssessment(a.id ?? '')}>
                      {instrumentName(a.instrumentCode)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[a.status ?? 'DRAFT']} variant="light">
                      {t(`reviews.assessmentStatus.${a.status ?? 'DRAFT'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{instant(a.startedAt)}</Table.Td>
                  <Table.Td>{instant(a.submittedAt)}</Table.Td>
                  <Table.Td>{a.overallLevel ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
