import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSignedIn } from '../../auth/SignedInContext';
import { allows } from '../../auth/roles';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useAssessmentInboxCount } from '../approvals/assessmentInboxApi';
import { useFormat } from '../methodology/shared/format';
import { useInboxCount } from '../prisoners/classificationApi';
import { useDueCounts } from '../reviews/api';

/**
 * What waits for the user today, as counts that name no one: the approval inboxes for a supervisor, the reviews
 * overdue and due for assessors and supervisors. Each count opens the list it counts.
 */
export function WaitingWork() {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const approves = allows(['SUPERVISOR'], roles);
  const reviews = allows(['ASSESSOR', 'SUPERVISOR'], roles);
  if (!approves && !reviews) return null;
  return (
    <section aria-labelledby="home-waiting">
      <Title order={2} size="h3" id="home-waiting" mb="sm">
        {t('home.waiting.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {approves && <ApprovalCounts />}
        {reviews && <ReviewCounts />}
      </SimpleGrid>
    </section>
  );
}

function ApprovalCounts() {
  const assessments = useAssessmentInboxCount();
  const classifications = useInboxCount();
  return (
    <>
      <CountCard
        query={assessments}
        count={assessments.data?.total}
        labelKey="home.waiting.assessments"
        to="/approvals"
        testId="waiting-assessments"
      />
      <CountCard
        query={classifications}
        count={classifications.data?.total}
        labelKey="home.waiting.classifications"
        to="/approvals"
        testId="waiting-classifications"
      />
    </>
  );
}

function ReviewCounts() {
  const due = useDueCounts();
  return (
    <>
      <CountCard
        query={due}
        count={due.data?.overdue}
        labelKey="home.waiting.overdue"
        to="/reviews"
        testId="waiting-overdue"
        urgent
      />
      <CountCard
        query={due}
        count={due.data?.due}
        labelKey="home.waiting.dueToday"
        to="/reviews"
        testId="waiting-due"
      />
    </>
  );
}

function CountCard({
  query,
  count,
  labelKey,
  to,
  testId,
  urgent = false,
}: {
  query: UseQueryResult;
  count: number | undefined;
  labelKey: string;
  to: string;
  testId: string;
  urgent?: boolean;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Card withBorder component={Link} to={to} padding="lg" radius="md" data-testid={testId} aria-busy={query.isPending}>
      <Text fz={32} fw={700} lh={1.1} c={urgent && (count ?? 0) > 0 ? 'red.8' : undefined} data-testid="count">
        {number(count)}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t(labelKey)}
      </Text>
      <ApiErrorAlert error={query.error} />
    </Card>
  );
}
