import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useReadOnly } from '../shared/EditingContext';
import { useFormat } from '../shared/format';
import { useProblems } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { useRiskLevels } from '../riskLevels/api';
import type { Scale } from './api';
import type { DefinitionAction } from './definition';
import { numberOrUndefined } from './ItemEditor';

/** The bands of a scale: score ranges [from, to) that fall in one of the country's risk levels. */
export function BandsEditor({
  scale,
  index,
  dispatch,
}: {
  scale: Scale;
  index: number;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const readOnly = useReadOnly();
  const problems = useProblems();
  const { text } = useFormat();
  const levels = useRiskLevels().data?.levels ?? [];
  const bands = scale.bands ?? [];
  const path = `definition.scales.${index}.bands`;
  const messages = (at: string) =>
    problems
      .at(at)
      .map((p) => p.message)
      .join(' · ') || undefined;
  const levelOptions = levels.map((level) => ({ value: level.code, label: `${text(level.name, level.code).text}` }));
  return (
    <Stack gap="xs" component="fieldset" className="plain-fieldset">
      <Text component="legend" fw={600} size="sm">
        {t('methodology.scale.bands')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('methodology.bands.hint')}
      </Text>
      {bands.map((band, b) => {
        const at = `${path}.${b}`;
        const patch = (p: Partial<typeof band>) => dispatch({ type: 'updateBand', scale: index, band: b, patch: p });
        return (
          <Group key={b} align="flex-start" gap="xs" wrap="nowrap">
            <LocaleNumberInput
              label={t('methodology.bands.from')}
              placeholder="−∞"
              value={band.from ?? ''}
              onChange={(v) => patch({ from: numberOrUndefined(v) })}
              readOnly={readOnly}
              error={messages(`${at}.from`) ?? messages(at)}
            />
            <LocaleNumberInput
              label={t('methodology.bands.to')}
              placeholder="+∞"
              value={band.to ?? ''}
              onChange={(v) => patch({ to: numberOrUndefined(v) })}
              readOnly={readOnly}
              error={messages(`${at}.to`)}
            />
            <Select
              label={t('methodology.bands.level')}
              data={
                band.level && !levels.some((l) => l.code === band.level)
                  ? [...levelOptions, { value: band.level, label: band.level }]
                  : levelOptions
              }
              value={band.level || null}
              onChange={(level) => patch({ level: level ?? '' })}
              readOnly={readOnly}
              error={messages(`${at}.level`)}
            />
            {!readOnly && (
              <div className="row-actions">
                <RowActions
                  name={t('methodology.bands.name', { n: format.number(b + 1) })}
                  index={b}
                  count={bands.length}
                  onRemove={() => dispatch({ type: 'removeBand', scale: index, band: b })}
                />
              </div>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Button variant="light" size="xs" w="fit-content" onClick={() => dispatch({ type: 'addBand', scale: index })}>
          {t('methodology.bands.add')}
        </Button>
      )}
    </Stack>
  );
}
