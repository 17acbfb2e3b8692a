import { Alert, Badge, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey, problemToForm, type Problem } from '../../api/problem';
import { fetchVersion, versionKey, type Definition } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { useOnline } from '../../shell/useOnline';
import { toPrisoner } from '../prisoners/routes';
import {
  assessmentTransport,
  prisonerAssessmentsKey,
  submitAssessment,
  useAssessment,
  type AssessmentView,
  type Judgement,
} from './api';
import { AssessmentForm } from './AssessmentForm';
import { ConflictPanel } from './ConflictPanel';
import { indexedDbPendingStore } from './pendingStore';
import type { AssessmentParams } from './routes';
import { ScorePanel } from './ScorePanel';
import { SubmissionAttempt } from './submission';
import { AnswerSync, applyChanges, judgementOf, type SyncState } from './sync';

/** The assessment screen: fill it in (saved as it is given, also offline), see the score, submit; or read it. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams<AssessmentParams>();
  const api = useApi();
  const assessment = useAssessment(assessmentId);
  const versionId = assessment.data?.instrumentVersionId ?? '';
  const version = useQuery({
    enabled: versionId !== '',
    queryKey: versionKey(versionId),
    queryFn: ({ signal }) => fetchVersion(api, versionId, signal),
    // A published version never changes: keep it for the whole visit (and beyond, for a flaky connection).
    staleTime: Infinity,
  });
  const error = assessment.error ?? version.error;
  if (error)
    return (
      <Alert color="red" role="alert" data-testid="assessment-error">
        {error instanceof ApiError ? t(problemMessageKey(error.problem)) : error.message}
      </Alert>
    );
  if (!assessment.data || !version.data?.definition) return <Loader size="sm" aria-label={t('common.loading')} />;
  return <AssessmentEntry key={assessmentId} initial={assessment.data} definition={version.data.definition} />;
}

function AssessmentEntry({ initial, definition }: { initial: AssessmentView; definition: Definition }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useFormat();
  const [sync] = useState(
    () => new AnswerSync(initial.id ?? '', initial, indexedDbPendingStore(), assessmentTransport(api)),
  );
  const state: SyncState = useSyncExternalStore(sync.subscribe, sync.getState);
  const online = useOnline();
  useEffect(() => {
    sync.start();
    const reconnected = () => sync.reconnected();
    window.addEventListener('online', reconnected);
    return () => {
      window.removeEventListener('online', reconnected);
      sync.stop();
    };
  }, [sync]);

  const server = state.server;
  const readOnly = !(server.status === 'DRAFT' || server.status === 'RETURNED');
  const answers = useMemo(() => applyChanges(server.answers, state.pending), [server.answers, state.pending]);
  const judgement = useMemo(() => judgementOf(server, state.pending), [server, state.pending]);
  const unsynced = sync.unsyncedCount();

  const [attempt] = useState(() => new SubmissionAttempt());
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<Problem | null>(null);

  const problem = submitProblem ?? state.problem;
  const fieldPaths = useMemo(
    () => [
      ...(definition.sections ?? []).flatMap((s) => (s.items ?? []).map((i) => `answers.${i.code}`)),
      'judgement.level',
      'judgement.rationale',
    ],
    [definition],
  );
  const shown = problem ? problemToForm(problem, fieldPaths) : { fields: {}, general: [] };

  async function submit() {
    if (unsynced > 0 || state.conflict) return;
    setSubmitting(true);
    setSubmitProblem(null);
    try {
      const view = await submitAssessment(api, server.id ?? '', server.version ?? 0, attempt.key());
      attempt.settle(null);
      sync.replaceServer(view);
      void queryClient.invalidateQueries({ queryKey: prisonerAssessmentsKey(server.prisonerId ?? '') });
    } catch (error) {
      const p = error instanceof ApiError ? error.problem : null;
      const problem = p ?? { type: 'about:blank', status: 0, errors: [] };
      attempt.settle(problem);
      setSubmitProblem(problem);
    } finally {
      setSubmitting(false);
    }
  }

  const edit = (change: Parameters<typeof sync.edit>[0]) => {
    setSubmitProblem(null);
    sync.edit(change);
  };

  return (
    <Stack gap="md" data-testid="assessment-page" data-status={server.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm">
            <Link to={toPrisoner(server.prisonerId ?? '')}>{t('entry.backToCaseFile')}</Link>
          </Text>
          <Title order={1}>{t('entry.title', { instrument: server.instrumentCode })}</Title>
          <Group gap="xs">
            <Badge variant="light" data-testid="assessment-status">
              {t(`entry.status.${server.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('entry.startedAt', { date: format.date(server.startedAt) })}
            </Text>
          </Group>
        </div>
        {!readOnly && <SyncStatus state={state} unsynced={unsynced} online={online} />}
      </Group>
      {server.status === 'RETURNED' && server.decisionComment && (
        <Alert color="orange" variant="light" title={t('entry.returned')}>
          {server.decisionComment}
        </Alert>
      )}
      {state.conflict && (
        <ConflictPanel definition={definition} conflict={state.conflict} onResolve={(c) => sync.resolve(c)} />
      )}
      {problem && (
        <Alert color="red" variant="light" role="alert" data-testid="entry-problem">
          <Text size="sm">{t(problemMessageKey(problem))}</Text>
          {shown.general.map((message) => (
            <Text size="sm" key={message}>
              {message}
            </Text>
          ))}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <AssessmentForm
            definition={definition}
            answers={answers}
            judgement={judgement}
            onAnswer={(code, value) => edit({ answers: { [code]: value } })}
            onJudgement={(next) => edit({ answers: {}, judgement: next satisfies Judgement })}
            errors={shown.fields}
            readOnly={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" pos="sticky" top={16}>
            <ScorePanel definition={definition} scoring={server.scoring} stale={unsynced > 0} />
            {!readOnly && (
              <Stack gap={4}>
                <Button
                  onClick={() => void submit()}
                  loading={submitting}
                  disabled={unsynced > 0 || state.conflict !== null}
                  data-testid="submit-assessment"
                >
                  {t('entry.submit')}
                </Button>
                {(unsynced > 0 || state.conflict) && (
                  <Text size="xs" c="dimmed">
                    {t('entry.submitWaits')}
                  </Text>
                )}
              </Stack>
            )}
            {server.status === 'SUBMITTED' && (
              <Alert color="blue" variant="light" data-testid="submitted">
                {t('entry.submitted')}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function SyncStatus({ state, unsynced, online }: { state: SyncState; unsynced: number; online: boolean }) {
  const { t } = useTranslation();
  const [color, label] = state.conflict
    ? ['orange', t('entry.sync.conflict')]
    : !online || state.offline
      ? ['gray', t('entry.sync.offline')]
      : state.saving
        ? ['blue', t('entry.sync.saving')]
        : unsynced > 0
          ? ['yellow', t('entry.sync.unsaved')]
          : ['green', t('entry.sync.saved')];
  return (
    <Stack gap={2} align="flex-end" role="status" aria-live="polite" data-testid="sync-status">
      <Badge color={color} variant="light" data-testid="sync-state">
        {label}
      </Badge>
      <Text size="xs" data-testid="unsynced-count" data-count={unsynced}>
        {t('entry.sync.unsynced', { n: unsynced })}
      </Text>
    </Stack>
  );
}
