import { Alert, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Definition, ScoringResult } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { useRiskLevels } from '../methodology/riskLevels/api';

/** The server's scoring of the saved answers: each scale's score and level, the overall rating, what is missing. */
export function ScorePanel({
  definition,
  scoring,
  stale,
}: {
  definition: Definition;
  scoring: ScoringResult | undefined;
  /** Answers given since the last save are not scored yet. */
  stale: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const levels = useRiskLevels().data?.levels ?? [];
  const levelName = (code: string | undefined) => {
    if (!code) return '—';
    const level = levels.find((l) => l.code === code);
    return level ? format.text(level.name, code).text : code;
  };
  const scaleName = (code: string | undefined) => {
    const scale = (definition.scales ?? []).find((s) => s.code === code);
    return scale ? format.text(scale.name, code ?? '').text : (code ?? '');
  };
  const itemLabel = (code: string) => {
    const item = (definition.sections ?? []).flatMap((s) => s.items ?? []).find((i) => i.code === code);
    return item ? format.text(item.label, code).text : code;
  };
  const overall = scoring?.overall;
  const missing = scoring?.missingRequired ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="score-title" data-testid="score-panel">
      <Stack gap="sm" aria-live="polite">
        <Title order={2} size="h4" id="score-title">
          {t('entry.score.title')}
        </Title>
        {stale && (
          <Text size="xs" c="dimmed" data-testid="score-stale">
            {t('entry.score.stale')}
          </Text>
        )}
        {(scoring?.scales ?? []).length > 0 && (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('entry.score.scale')}</Table.Th>
                <Table.Th>{t('entry.score.score')}</Table.Th>
                <Table.Th>{t('entry.score.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(scoring?.scales ?? []).map((scale) => (
                <Table.Tr key={scale.code} data-testid="score-scale" data-code={scale.code}>
                  <Table.Td>{scaleName(scale.code)}</Table.Td>
                  <Table.Td data-testid="score-value">
                    {scale.scorable ? format.number(scale.score) : t('entry.score.notScorable')}
                    {scale.prorated && (
                      <Badge size="xs" ms={4} variant="light">
                        {t('entry.score.prorated')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{levelName(scale.level)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {overall && (
          <Alert color={overall.complete ? 'green' : 'yellow'} variant="light" data-testid="score-overall">
            <Text size="sm" fw={600}>
              {t('entry.score.overall', { level: levelName(overall.level) })}
            </Text>
            {overall.computedLevel && (
              <Text size="sm">{t('entry.score.computed', { level: levelName(overall.computedLevel) })}</Text>
            )}
            {!overall.complete && overall.reason && <Text size="sm">{overall.reason}</Text>}
          </Alert>
        )}
        {missing.length > 0 && (
          <Text size="sm" data-testid="missing-required">
            {t('entry.score.missingRequired', { n: missing.length, items: missing.map(itemLabel).join('; ') })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
