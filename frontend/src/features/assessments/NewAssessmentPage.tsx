import { Alert, Button, Card, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey, problemToForm } from '../../api/problem';
import { useInstruments } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { toPrisoner, type PrisonerParams } from '../prisoners/routes';
import { startAssessment } from './api';
import { toAssessment } from './routes';

/** Choose one of the country's published instrument versions and start assessing the prisoner with it. */
export default function NewAssessmentPage() {
  const { t } = useTranslation();
  const { prisonerId = '' } = useParams<PrisonerParams>();
  const api = useApi();
  const navigate = useNavigate();
  const { text } = useFormat();
  const instruments = useInstruments();
  const [chosen, setChosen] = useState('');
  const start = useMutation({
    mutationFn: () => startAssessment(api, prisonerId, chosen),
    onSuccess: (view) => void navigate(toAssessment(view.id ?? '')),
  });
  const problem = start.error instanceof ApiError ? start.error.problem : null;
  const shown = problem ? problemToForm(problem, ['instrumentVersionId']) : null;

  const published = (instruments.data ?? []).flatMap((instrument) =>
    (instrument.versions ?? [])
      .filter((version) => version.status === 'PUBLISHED')
      .map((version) => ({ instrument, version })),
  );

  return (
    <Stack gap="md" maw={720} data-testid="new-assessment">
      <Text size="sm">
        <Link to={toPrisoner(prisonerId)}>{t('entry.backToCaseFile')}</Link>
      </Text>
      <Title order={1}>{t('entry.new.title')}</Title>
      {instruments.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : instruments.error ? (
        <Alert color="red" role="alert">
          {instruments.error instanceof ApiError ? t(problemMessageKey(instruments.error.problem)) : ''}
        </Alert>
      ) : published.length === 0 ? (
        <Alert color="yellow">{t('entry.new.none')}</Alert>
      ) : (
        <Card withBorder>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (chosen) start.mutate();
            }}
          >
            <Stack gap="md">
              <Radio.Group
                label={t('entry.new.instrument')}
                description={t('entry.new.instrumentHint')}
                value={chosen}
                onChange={setChosen}
                error={shown?.fields.instrumentVersionId}
                withAsterisk
              >
                <Stack gap="xs" mt="xs">
                  {published.map(({ instrument, version }) => (
                    <Radio
                      key={version.id}
                      value={version.id ?? ''}
                      data-instrument={instrument.code}
                      label={t('entry.new.option', {
                        name: text(instrument.name, instrument.code ?? '').text,
                        number: version.number,
                      })}
                      description={t(`entry.kind.${instrument.kind}`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {problem && shown && shown.general.length > 0 && (
                <Alert color="red" role="alert">
                  {t(problemMessageKey(problem))} {shown.general.join(' ')}
                </Alert>
              )}
              <Button type="submit" disabled={!chosen} loading={start.isPending} w="fit-content" data-testid="start">
                {t('entry.new.start')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
