import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, type Problem } from '../../api/problem';
import { prisonerKey } from '../prisoners/api';
import { recordTrigger, reviewsKey, TRIGGER_KINDS, triggersKey, useReviewTriggers, type TriggerKind } from './api';
import { useCycleCalendar } from './calendar';
import { fieldMessage, ProblemNotice } from '../../shell/ProblemNotice';

const FIELDS = ['kind', 'note', 'occurredOn'] as const;

/** The events that brought the prisoner's review forward, newest first, and a form to record one. */
export function ReviewTriggersPanel({ prisonerId, released }: { prisonerId: string; released: boolean }) {
  const { t } = useTranslation();
  const triggers = useReviewTriggers(prisonerId);
  const { day, instant } = useCycleCalendar();
  const [recording, setRecording] = useState(false);
  return (
    <Card withBorder data-testid="review-triggers">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('reviews.triggers.title')}
        </Title>
        {!recording && !released && (
          <Button variant="light" onClick={() => setRecording(true)} data-testid="trigger-open">
            {t('reviews.triggers.record')}
          </Button>
        )}
      </Group>
      {recording && <TriggerForm prisonerId={prisonerId} onDone={() => setRecording(false)} />}
      {triggers.error instanceof ApiError && <ProblemNotice problem={triggers.error.problem} />}
      {triggers.data?.length === 0 && <Text size="sm">{t('reviews.triggers.none')}</Text>}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {(triggers.data ?? []).map((trigger) => (
          <li key={trigger.id} data-testid="trigger" data-kind={trigger.kind} data-recorded-by={trigger.recordedByName}>
            <Text size="sm" fw={600} component="span">
              {t(`reviews.kind.${trigger.kind ?? 'REQUEST'}`)}
            </Text>{' '}
            <Text size="sm" component="span">
              {t('reviews.triggers.occurredOn', { day: day(trigger.occurredOn) })}
            </Text>
            {trigger.note && <Text size="sm">{trigger.note}</Text>}
            <Text size="xs" c="dimmed">
              {t('reviews.triggers.recordedBy', {
                who: trigger.recordedByName ?? '—',
                when: instant(trigger.recordedAt),
              })}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

function TriggerForm({ prisonerId, onDone }: { prisonerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { today } = useCycleCalendar();
  const [kind, setKind] = useState<TriggerKind | ''>('');
  const [note, setNote] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [kindMissing, setKindMissing] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMutation({
    mutationFn: (chosen: TriggerKind) => recordTrigger(api, prisonerId, { kind: chosen, note, occurredOn }),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: triggersKey(prisonerId) }),
        queryClient.invalidateQueries({ queryKey: prisonerKey(prisonerId), exact: true }),
        queryClient.invalidateQueries({ queryKey: reviewsKey }),
      ]);
      onDone();
    },
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  return (
    <Stack
      gap="xs"
      mb="md"
      component="form"
      data-testid="trigger-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!kind) setKindMissing(true);
        else record.mutate(kind);
      }}
    >
      <Text size="sm" c="dimmed">
        {t('reviews.triggers.explain')}
      </Text>
      {problem && <ProblemNotice problem={problem} shownFields={FIELDS} />}
      {/* withAsterisk, not required: the browser's own check would stop the form before this message shows. */}
      <Select
        label={t('reviews.triggers.kind')}
        withAsterisk
        data={TRIGGER_KINDS.map((value) => ({ value, label: t(`reviews.kind.${value}`) }))}
        value={kind || null}
        onChange={(value) => {
          setKind((value as TriggerKind | null) ?? '');
          setKindMissing(false);
        }}
        error={kindMissing ? t('reviews.triggers.kindRequired') : fieldMessage(problem, 'kind')}
        data-testid="trigger-kind"
      />
      <TextInput
        type="date"
        label={t('reviews.triggers.occurredOnLabel')}
        value={occurredOn}
        max={today()}
        onChange={(e) => setOccurredOn(e.currentTarget.value)}
        error={fieldMessage(problem, 'occurredOn')}
        data-testid="trigger-occurred-on"
      />
      <Textarea
        label={t('reviews.triggers.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldMessage(problem, 'note')}
        data-testid="trigger-note"
      />
      <Group gap="sm">
        <Button type="submit" loading={record.isPending} data-testid="trigger-submit">
          {t('reviews.triggers.submit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('reviews.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
