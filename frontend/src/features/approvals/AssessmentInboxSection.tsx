import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { ApiError, type Problem } from '../../api/problem';
import { useSignedIn } from '../../auth/SignedInContext';
import { useInstruments } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { toPrisoner } from '../prisoners/routes';
import { assessmentsKey } from '../reviews/api';
import { toAssessment } from '../assessments/routes';
import { useCycleCalendar } from '../reviews/calendar';
import { ListPages, useStayOnAnExistingPage } from '../../shell/ListPages';
import { fieldMessage, ProblemNotice } from '../../shell/ProblemNotice';
import {
  ASSESSMENT_INBOX_PAGE_SIZE,
  approveAssessment,
  assessmentInboxKey,
  returnAssessment,
  useAssessmentInbox,
  type AssessmentInboxEntry,
} from './assessmentInboxApi';

/** Submitted assessments waiting for a supervisor who neither started nor submitted them, oldest first. */
export function AssessmentInboxSection() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const inbox = useAssessmentInbox(page);
  const { number } = useCycleCalendar();
  const total = inbox.data?.total ?? 0;
  useStayOnAnExistingPage(inbox, ASSESSMENT_INBOX_PAGE_SIZE, page, setPage);
  return (
    <Stack gap="sm" component="section" aria-labelledby="assessment-inbox-title" data-testid="assessment-inbox">
      <Title order={2} size="h3" id="assessment-inbox-title">
        {t('reviews.approvals.assessments')}
      </Title>
      {inbox.error instanceof ApiError && <ProblemNotice problem={inbox.error.problem} />}
      {inbox.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {inbox.data && (
        <Text size="sm" c="dimmed" role="status">
          {t('reviews.approvals.waiting', { total: number(total) })}
        </Text>
      )}
      {(inbox.data?.items ?? []).map((entry) => (
        <AssessmentCard key={entry.id} entry={entry} />
      ))}
      <ListPages total={total} pageSize={ASSESSMENT_INBOX_PAGE_SIZE} page={page} onChange={setPage} />
    </Stack>
  );
}

function AssessmentCard({ entry }: { entry: AssessmentInboxEntry }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { me } = useSignedIn();
  const { text } = useFormat();
  const { instant } = useCycleCalendar();
  const instrument = (useInstruments().data ?? []).find((i) => i.code === entry.instrumentCode);
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      approve ? approveAssessment(api, entry, comment) : returnAssessment(api, entry, comment),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assessmentInboxKey });
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(entry.prisonerId ?? '') });
    },
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const own = entry.startedBy?.subject === me.subject || entry.submittedBy?.subject === me.subject;
  return (
    <Card withBorder data-testid="assessment-inbox-item" data-number={entry.prisonerNumber}>
      <Group justify="space-between" mb="xs" align="flex-start">
        <div>
          <Anchor component={Link} to={toPrisoner(entry.prisonerId ?? '')} fw={700}>
            {entry.familyName}, {entry.givenNames}
          </Anchor>{' '}
          <Text component="span" dir="ltr" c="dimmed">
            {entry.prisonerNumber}
          </Text>
        </div>
        <Text size="xs" c="dimmed">
          {t('reviews.approvals.submittedBy', {
            who: entry.submittedBy?.username ?? '—',
            when: instant(entry.submittedAt),
          })}
        </Text>
      </Group>
      <Group gap="md" mb="xs">
        <Anchor component={Link} to={toAssessment(entry.id ?? '')} size="sm" data-testid="assessment-open">
          {instrument ? text(instrument.name, entry.instrumentCode).text : entry.instrumentCode}
        </Anchor>
        <Text size="sm">{t('reviews.approvals.level', { level: entry.overallLevel ?? '—' })}</Text>
      </Group>
      {problem && <ProblemNotice problem={problem} shownFields={['comment']} />}
      {entry.mayDecide ? (
        <Stack gap="xs">
          <Textarea
            label={t('reviews.approvals.comment')}
            description={t('reviews.approvals.commentHint')}
            autosize
            minRows={2}
            maxLength={10000}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentMissing(false);
            }}
            error={commentMissing ? t('reviews.approvals.commentRequired') : fieldMessage(problem, 'comment')}
            data-testid="assessment-comment"
          />
          <Group gap="sm">
            <Button
              size="xs"
              color="green"
              onClick={() => decide.mutate(true)}
              loading={decide.isPending && decide.variables}
              data-testid="assessment-approve"
            >
              {t('reviews.approvals.approve')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => {
                if (!comment.trim()) setCommentMissing(true);
                else decide.mutate(false);
              }}
              loading={decide.isPending && !decide.variables}
              data-testid="assessment-return"
            >
              {t('reviews.approvals.return')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" variant="light" data-testid="assessment-why-not">
          {own
            ? t('reviews.approvals.own')
            : `${t('reviews.approvals.mayNotDecide')}${entry.whyNot ? ` (${entry.whyNot})` : ''}`}
        </Alert>
      )}
    </Card>
  );
}
