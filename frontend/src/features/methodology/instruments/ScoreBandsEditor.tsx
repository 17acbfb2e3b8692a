import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useReadOnly } from '../shared/EditingContext';
import { useFormat } from '../shared/format';
import { useProblems } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import type { Item } from './api';
import type { DefinitionAction } from './definition';
import { numberOrUndefined } from './ItemEditor';

/** The score ranges [from, to) of a number item; an empty bound is open. */
export function ScoreBandsEditor({
  item,
  path,
  section,
  index,
  dispatch,
}: {
  item: Item;
  path: string;
  section: number;
  index: number;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const readOnly = useReadOnly();
  const problems = useProblems();
  const bands = item.scoreBands ?? [];
  const messages = (at: string) =>
    problems
      .at(at)
      .map((p) => p.message)
      .join(' · ') || undefined;
  return (
    <Stack gap="xs" component="fieldset" className="plain-fieldset">
      <Text component="legend" fw={600} size="sm">
        {t('methodology.item.scoreBands')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('methodology.bands.hint')}
      </Text>
      {bands.map((band, b) => {
        const at = `${path}.scoreBands.${b}`;
        const patch = (value: Parameters<typeof numberOrUndefined>[0], key: 'from' | 'to' | 'score') =>
          dispatch({
            type: 'updateScoreBand',
            section,
            item: index,
            band: b,
            patch: { [key]: numberOrUndefined(value) },
          });
        return (
          <Group key={b} align="flex-start" gap="xs" wrap="nowrap">
            <LocaleNumberInput
              label={t('methodology.bands.from')}
              placeholder="−∞"
              value={band.from ?? ''}
              onChange={(v) => patch(v, 'from')}
              readOnly={readOnly}
              error={messages(`${at}.from`) ?? messages(at)}
            />
            <LocaleNumberInput
              label={t('methodology.bands.to')}
              placeholder="+∞"
              value={band.to ?? ''}
              onChange={(v) => patch(v, 'to')}
              readOnly={readOnly}
              error={messages(`${at}.to`)}
            />
            <LocaleNumberInput
              label={t('methodology.score')}
              value={band.score ?? ''}
              onChange={(v) => patch(v, 'score')}
              readOnly={readOnly}
              error={messages(`${at}.score`)}
            />
            {!readOnly && (
              <div className="row-actions">
                <RowActions
                  name={t('methodology.bands.name', { n: format.number(b + 1) })}
                  index={b}
                  count={bands.length}
                  onRemove={() => dispatch({ type: 'removeScoreBand', section, item: index, band: b })}
                />
              </div>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => dispatch({ type: 'addScoreBand', section, item: index })}
        >
          {t('methodology.bands.add')}
        </Button>
      )}
    </Stack>
  );
}
