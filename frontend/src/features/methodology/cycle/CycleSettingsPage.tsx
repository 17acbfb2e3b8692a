import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useApi } from '../../../api/ApiContext';
import { ApiError, type Problem } from '../../../api/problem';
import {
  cycleSettingsKey,
  fetchCycleSettings,
  saveCycleSettings,
  useCycleSettings,
  type CycleSetting,
} from '../../reviews/api';
import { fieldMessage, ProblemNotice } from '../../../shell/ProblemNotice';
import { ConflictAlert } from '../shared/SyncBar';

const MIN_MONTHS = 1;
const MAX_MONTHS = 36;

/** The country's cycle settings: how many months before release the pre-release assessment falls due. */
export default function CycleSettingsPage() {
  const { t } = useTranslation();
  const settings = useCycleSettings();
  // Above the form, which starts afresh on each version: the confirmation outlives the save that caused it.
  const [justSaved, setJustSaved] = useState(false);
  return (
    <Stack gap="md" data-testid="cycle-settings">
      <Title order={1}>{t('reviews.settings.title')}</Title>
      <Text>{t('reviews.settings.description')}</Text>
      {settings.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {settings.error instanceof ApiError && <ProblemNotice problem={settings.error.problem} />}
      {settings.data && (
        <SettingsForm saved={settings.data} key={settings.data.version} justSaved={justSaved} onSaved={setJustSaved} />
      )}
    </Stack>
  );
}

function SettingsForm({
  saved,
  justSaved,
  onSaved,
}: {
  saved: CycleSetting;
  justSaved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState<number | string>(saved.preReleaseMonths ?? 6);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState(false);
  const valid = typeof months === 'number' && Number.isInteger(months) && months >= MIN_MONTHS && months <= MAX_MONTHS;
  const save = useMutation({
    mutationFn: (version: number) => saveCycleSettings(api, Number(months), version),
    onMutate: () => {
      setProblem(null);
      setConflict(false);
      onSaved(false);
    },
    onSuccess: (result) => {
      onSaved(true);
      queryClient.setQueryData(cycleSettingsKey, result);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409) setConflict(true);
      else setProblem(error.problem);
    },
  });
  // Another administrator saved in between: keep this value and save it on their version, or take theirs.
  const keepMine = async () => {
    try {
      save.mutate((await fetchCycleSettings(api)).version ?? 0);
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.problem);
    }
  };
  const loadTheirs = () => {
    setConflict(false);
    void queryClient.invalidateQueries({ queryKey: cycleSettingsKey });
  };
  return (
    <Card withBorder maw={520}>
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) save.mutate(saved.version ?? 0);
        }}
      >
        {conflict && <ConflictAlert onKeepMine={() => void keepMine()} onLoadTheirs={loadTheirs} />}
        {problem && <ProblemNotice problem={problem} shownFields={['preReleaseMonths']} />}
        <LocaleNumberInput
          label={t('reviews.settings.preReleaseMonths')}
          description={t('reviews.settings.preReleaseMonthsHint', { min: MIN_MONTHS, max: MAX_MONTHS })}
          required
          min={MIN_MONTHS}
          max={MAX_MONTHS}
          allowDecimal={false}
          clampBehavior="none"
          allowNegative={false}
          value={months}
          onChange={(value) => {
            setMonths(value);
            onSaved(false);
          }}
          error={
            !valid && months !== ''
              ? t('reviews.settings.outOfRange', { min: MIN_MONTHS, max: MAX_MONTHS })
              : fieldMessage(problem, 'preReleaseMonths')
          }
          data-testid="pre-release-months"
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!valid || conflict} data-testid="cycle-save">
            {t('reviews.settings.save')}
          </Button>
          {justSaved && (
            <Alert color="green" variant="light" py={4} role="status" data-testid="cycle-saved">
              {t('reviews.settings.saved')}
            </Alert>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {saved.version === 0
            ? t('reviews.settings.defaults')
            : t('reviews.settings.version', { version: saved.version })}
        </Text>
      </Stack>
    </Card>
  );
}
