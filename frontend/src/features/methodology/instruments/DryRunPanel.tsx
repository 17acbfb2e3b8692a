import { Alert, Badge, Card, Loader, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { indexProblems } from '../shared/fieldProblems';
import { useFormat } from '../shared/format';
import { ProblemsContext } from '../shared/ProblemsContext';
import { useRiskLevels } from '../riskLevels/api';
import { dryRun, type Definition, type Judgement, type ScoringResult } from './api';
import { SampleAnswers } from './SampleAnswers';
import { toAnswers, type AnswerInput } from './dryRunAnswers';

/**
 * Scores sample answers against the version as saved on the server, again whenever the answers change (debounced)
 * or a save lands (its row version changes). Nothing is stored.
 */
export function DryRunPanel({
  versionId,
  savedVersion,
  definition,
  blocked,
}: {
  versionId: string;
  /** The row version on the server: a new one means the draft changed and the scores are redone. */
  savedVersion: number;
  definition: Definition;
  /** Why scoring is not possible now (the draft has problems), or null. */
  blocked: string | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [inputs, setInputs] = useState<Record<string, AnswerInput>>({});
  const [judgement, setJudgement] = useState<Judgement>({});
  const answers = useMemo(() => toAnswers(definition, inputs), [definition, inputs]);
  const judged = definition.overall?.mode === 'JUDGEMENT' || definition.overall?.mode === 'BOTH';
  const [request] = useDebouncedValue({ answers, judgement: judged && judgement.level ? judgement : undefined }, 400);

  const result = useQuery({
    queryKey: ['methodology', 'dry-run', versionId, savedVersion, request],
    queryFn: ({ signal }) => dryRun(api, versionId, request.answers, request.judgement, signal),
    enabled: blocked === null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const answerProblems = useMemo(
    () =>
      indexProblems(result.error instanceof ApiError && result.error.status === 400 ? result.error.problem.errors : []),
    [result.error],
  );

  return (
    <Card withBorder padding="md" data-testid="dry-run" component="section" aria-labelledby="dry-run-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="dry-run-title">
          {t('methodology.dryRun.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('methodology.dryRun.intro')}
        </Text>
        <ProblemsContext value={answerProblems}>
          <SampleAnswers definition={definition} inputs={inputs} onChange={setInputs} result={result.data} />
        </ProblemsContext>
        {judged && <JudgementInput value={judgement} onChange={setJudgement} />}
        <div aria-live="polite">
          {blocked !== null ? (
            <Alert color="orange" variant="light" data-testid="dry-run-blocked">
              {blocked}
            </Alert>
          ) : result.error && !(result.error instanceof ApiError && result.error.status === 400) ? (
            <Alert color="red" variant="light">
              {t(result.error instanceof ApiError ? problemMessageKey(result.error.problem) : 'problem.unexpected')}
            </Alert>
          ) : result.data ? (
            <DryRunResult result={result.data} busy={result.isFetching} />
          ) : (
            <Loader size="sm" aria-label={t('common.loading')} />
          )}
        </div>
      </Stack>
    </Card>
  );
}

function JudgementInput({ value, onChange }: { value: Judgement; onChange: (value: Judgement) => void }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const levels = useRiskLevels().data?.levels ?? [];
  return (
    <Stack gap="xs">
      <Select
        label={t('methodology.dryRun.judgedLevel')}
        data={levels.map((level) => ({ value: level.code, label: text(level.name, level.code).text }))}
        value={value.level ?? null}
        onChange={(level) => onChange({ ...value, level: level ?? undefined })}
        clearable
      />
      <Textarea
        label={t('methodology.dryRun.rationale')}
        value={value.rationale ?? ''}
        onChange={(e) => onChange({ ...value, rationale: e.currentTarget.value || undefined })}
        autosize
        minRows={2}
      />
    </Stack>
  );
}

export function DryRunResult({ result, busy }: { result: ScoringResult; busy: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const overall = result.overall;
  return (
    <Stack gap="sm" data-testid="dry-run-result" aria-busy={busy}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('methodology.dryRun.scale')}</Table.Th>
            <Table.Th>{t('methodology.score')}</Table.Th>
            <Table.Th>{t('methodology.dryRun.level')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(result.scales ?? []).map((scale) => (
            <Table.Tr key={scale.code} data-testid="dry-run-scale" data-code={scale.code}>
              <Table.Td>
                <Text size="sm" dir="ltr" span>
                  {scale.code}
                </Text>
              </Table.Td>
              <Table.Td data-testid="dry-run-score">
                {scale.scorable ? number(scale.score) : t('methodology.dryRun.notScorable')}
                {scale.prorated && (
                  <Badge size="xs" ms={4} variant="light">
                    {t('methodology.dryRun.prorated')}
                  </Badge>
                )}
                {(scale.missingItems ?? []).length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('methodology.dryRun.missing', { items: (scale.missingItems ?? []).join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-testid="dry-run-level">{scale.level ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {overall && (
        <Alert color={overall.complete ? 'green' : 'yellow'} variant="light" data-testid="dry-run-overall">
          <Text size="sm" fw={600}>
            {t('methodology.dryRun.overall', { level: overall.level ?? '—' })}
          </Text>
          {overall.computedLevel && (
            <Text size="sm">{t('methodology.dryRun.computed', { level: overall.computedLevel })}</Text>
          )}
          {overall.judgedLevel && (
            <Text size="sm">{t('methodology.dryRun.judged', { level: overall.judgedLevel })}</Text>
          )}
          {!overall.complete && overall.reason && (
            <Text size="sm">{t('methodology.dryRun.incomplete', { reason: overall.reason })}</Text>
          )}
        </Alert>
      )}
      {(result.missingRequired ?? []).length > 0 && (
        <Text size="sm" c="dimmed">
          {t('methodology.dryRun.missingRequired', { items: (result.missingRequired ?? []).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}
