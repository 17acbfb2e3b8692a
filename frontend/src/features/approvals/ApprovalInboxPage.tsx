import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { ApiError, type Problem } from '../../api/problem';
import { useSignedIn } from '../../auth/SignedInContext';
import { useFormat } from '../methodology/shared/format';
import { prisonersKey } from '../prisoners/api';
import {
  approveClassification,
  INBOX_PAGE_SIZE,
  inboxKey,
  rejectClassification,
  useInbox,
  type InboxItem,
} from '../prisoners/classificationApi';
import { useNames } from '../prisoners/lookups';
import { toPrisoner } from '../prisoners/routes';
import { AssessmentInboxSection } from './AssessmentInboxSection';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { ListPages, useStayOnAnExistingPage } from '../../shell/ListPages';
import { ProblemNotice } from '../../shell/ProblemNotice';

/**
 * The supervisor's inbox: assessments and classifications waiting for a second person; one's own are shown with the
 * reason.
 */
export default function ApprovalInboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const inbox = useInbox(page);
  const { number } = useFormat();
  const total = inbox.data?.total ?? 0;
  useStayOnAnExistingPage(inbox, INBOX_PAGE_SIZE, page, setPage);
  return (
    <Stack gap="xl">
      <Title order={1}>{t('reviews.approvals.title')}</Title>
      <AssessmentInboxSection />
      <Stack gap="sm" component="section" aria-labelledby="classification-inbox-title">
        <Title order={2} size="h3" id="classification-inbox-title">
          {t('cycle.inbox.title')}
        </Title>
        <ApiErrorAlert error={inbox.error} />
        {inbox.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {inbox.data && (
          <Text size="sm" c="dimmed" role="status">
            {t('cycle.inbox.total', { total: number(total) })}
          </Text>
        )}
        {(inbox.data?.items ?? []).map((item) => (
          <InboxCard key={item.id} item={item} />
        ))}
        <ListPages total={total} pageSize={INBOX_PAGE_SIZE} page={page} onChange={setPage} />
      </Stack>
    </Stack>
  );
}

function InboxCard({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { me } = useSignedIn();
  const { date } = useFormat();
  const { categoryName } = useNames();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>();
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      approve
        ? approveClassification(api, item.id ?? '', item.version ?? 0, comment)
        : rejectClassification(api, item.id ?? '', item.version ?? 0, comment),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inboxKey });
      await queryClient.invalidateQueries({ queryKey: prisonersKey });
    },
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const overridden = item.category && item.category !== item.proposedCategory;
  return (
    <Card withBorder data-testid="inbox-item" data-number={item.prisonerNumber}>
      <Group justify="space-between" mb="xs">
        <div>
          <Link to={toPrisoner(item.prisonerId ?? '')}>
            <Text fw={700} component="span">
              {item.familyName}, {item.givenNames}
            </Text>
          </Link>{' '}
          <Text component="span" dir="ltr" c="dimmed">
            {item.prisonerNumber}
          </Text>
        </div>
        <Text size="xs" c="dimmed">
          {t('cycle.decision.proposedBy', { who: item.proposedBy?.username ?? '—', when: date(item.submittedAt) })}
        </Text>
      </Group>
      <Group gap="xs" mb="xs">
        <Text size="sm">{t('cycle.inbox.category', { category: categoryName(item.category) })}</Text>
        {overridden && (
          <Badge color="orange" variant="light">
            {t('cycle.inbox.overridden', {
              proposed: categoryName(item.proposedCategory),
              reason: t(`cycle.reason.${item.overrideReason ?? 'OTHER'}`),
            })}
          </Badge>
        )}
        {item.transferNeeded && (
          <Badge color="orange" variant="light">
            {t('cycle.prisoner.transferNeeded')}
          </Badge>
        )}
      </Group>
      {problem && <ProblemNotice problem={problem} shownFields={['comment']} mb="xs" />}
      {item.mayDecide ? (
        <Stack gap="xs">
          <Textarea
            label={t('cycle.inbox.comment')}
            description={t('cycle.inbox.commentHint')}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(undefined);
            }}
            error={commentError ?? problem?.errors.find((e) => e.field === 'comment')?.message}
            data-testid="inbox-comment"
          />
          <Group gap="sm">
            <Button
              size="xs"
              color="green"
              onClick={() => decide.mutate(true)}
              loading={decide.isPending}
              data-testid="inbox-approve"
            >
              {t('cycle.inbox.approve')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => {
                if (!comment.trim()) setCommentError(t('cycle.inbox.commentRequired'));
                else decide.mutate(false);
              }}
              data-testid="inbox-reject"
            >
              {t('cycle.inbox.reject')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" variant="light" data-testid="inbox-why-not">
          {item.proposedBy?.subject === me.subject
            ? t('cycle.inbox.ownProposal')
            : `${t('cycle.inbox.mayNotDecide')}${item.whyNot ? ` (${item.whyNot})` : ''}`}
        </Alert>
      )}
    </Card>
  );
}
