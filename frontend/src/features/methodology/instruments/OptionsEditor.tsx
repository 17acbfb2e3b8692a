import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useReadOnly } from '../shared/EditingContext';
import { useFieldError } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { TextsInput } from '../shared/TextsInput';
import type { Item } from './api';
import type { DefinitionAction } from './definition';
import { ItemCode, numberOrUndefined } from './ItemEditor';

/** The options of a choice item, each with its code, label and score. */
export function OptionsEditor({
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
  const readOnly = useReadOnly();
  const options = item.options ?? [];
  const error = useFieldError(`${path}.options`);
  return (
    <Stack gap="xs" component="fieldset" className="plain-fieldset">
      <Text component="legend" fw={600} size="sm">
        {t('methodology.item.options')}
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {options.map((option, o) => {
        const at = `${path}.options.${o}`;
        return (
          <Group key={o} align="flex-start" gap="xs" wrap="nowrap" className="editor-row">
            <ItemCode
              path={at}
              value={option.code}
              onChange={(code) => dispatch({ type: 'updateOption', section, item: index, option: o, patch: { code } })}
            />
            <div style={{ flex: 1 }}>
              <TextsInput
                path={`${at}.label`}
                label={t('methodology.item.optionLabel')}
                value={option.label}
                onChange={(label) =>
                  dispatch({ type: 'updateOption', section, item: index, option: o, patch: { label } })
                }
                readOnly={readOnly}
              />
            </div>
            <LocaleNumberInput
              label={t('methodology.score')}
              value={option.score ?? ''}
              onChange={(value) =>
                dispatch({
                  type: 'updateOption',
                  section,
                  item: index,
                  option: o,
                  patch: { score: numberOrUndefined(value) },
                })
              }
              readOnly={readOnly}
              w={100}
            />
            {!readOnly && (
              <div className="row-actions">
                <RowActions
                  name={option.code || `#${o + 1}`}
                  index={o}
                  count={options.length}
                  onMove={(by) => dispatch({ type: 'moveOption', section, item: index, option: o, by })}
                  onRemove={() => dispatch({ type: 'removeOption', section, item: index, option: o })}
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
          onClick={() => dispatch({ type: 'addOption', section, item: index })}
        >
          {t('methodology.item.addOption')}
        </Button>
      )}
    </Stack>
  );
}
