import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { CelField } from '../shared/CelField';
import { useReadOnly } from '../shared/EditingContext';
import { useFormat } from '../shared/format';
import { useFieldError, useProblems } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { TextsInput } from '../shared/TextsInput';
import { ITEM_TYPES, type Item } from './api';
import { CHOICE_TYPES, type DefinitionAction } from './definition';
import { OptionsEditor } from './OptionsEditor';
import { ScoreBandsEditor } from './ScoreBandsEditor';

/** Reads a NumberInput's value: a number, or undefined when the field was emptied. */
export function numberOrUndefined(value: number | string): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** One item: a summary line that opens into its editor (code, type, texts, condition, scoring). */
export function ItemEditor({
  item,
  section,
  index,
  count,
  dispatch,
}: {
  item: Item;
  section: number;
  index: number;
  count: number;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const readOnly = useReadOnly();
  const { text } = useFormat();
  const path = `definition.sections.${section}.items.${index}`;
  const problems = useProblems().countUnder(path);
  const typeError = useFieldError(`${path}.type`);
  const [opened, { toggle }] = useDisclosure(problems > 0);
  const bodyId = useId();
  const update = (patch: Partial<Item>) => dispatch({ type: 'updateItem', section, item: index, patch });
  const code = item.code || `#${index + 1}`;

  return (
    <Card withBorder padding="sm" data-testid="item-card" data-code={item.code}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={bodyId}
            data-testid="item-toggle"
          >
            {code}
          </Button>
          {item.type && (
            <Badge variant="light" size="sm">
              {t(`methodology.itemType.${item.type}`)}
            </Badge>
          )}
          <Text size="sm" truncate lang={text(item.label).lang}>
            {text(item.label, '').text}
          </Text>
          {problems > 0 && (
            <Badge color="red" size="sm">
              {t('methodology.problems.count', { n: format.number(problems) })}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <RowActions
            name={code}
            index={index}
            count={count}
            onMove={(by) => dispatch({ type: 'moveItem', section, item: index, by })}
            onRemove={() => dispatch({ type: 'removeItem', section, item: index })}
          />
        )}
      </Group>
      {opened && (
        <Stack gap="sm" mt="sm" id={bodyId}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ItemCode path={path} value={item.code} onChange={(value) => update({ code: value })} />
            <Select
              label={t('methodology.item.type')}
              data={ITEM_TYPES.map((type) => ({ value: type, label: t(`methodology.itemType.${type}`) }))}
              value={item.type ?? null}
              onChange={(value) => value && update({ type: value as Item['type'] })}
              readOnly={readOnly}
              allowDeselect={false}
              error={typeError}
            />
          </SimpleGrid>
          <TextsInput
            path={`${path}.label`}
            label={t('methodology.item.label')}
            value={item.label}
            onChange={(label) => update({ label })}
            readOnly={readOnly}
          />
          <TextsInput
            path={`${path}.guidance`}
            label={t('methodology.item.guidance')}
            value={item.guidance}
            onChange={(guidance) => update({ guidance })}
            readOnly={readOnly}
            multiline
            optional
          />
          <Group gap="lg">
            <Checkbox
              label={t('methodology.item.required')}
              checked={item.required ?? false}
              onChange={(e) => update({ required: e.currentTarget.checked || undefined })}
              disabled={readOnly}
            />
            <Checkbox
              label={t('methodology.item.need')}
              checked={item.need ?? false}
              onChange={(e) => update({ need: e.currentTarget.checked || undefined })}
              disabled={readOnly}
            />
          </Group>
          <CelField
            path={`${path}.condition`}
            label={t('methodology.item.condition')}
            description={t('methodology.item.conditionHint')}
            value={item.condition}
            onChange={(condition) => update({ condition })}
            readOnly={readOnly}
          />
          {item.type === 'YES_NO' && (
            <SimpleGrid cols={2}>
              <LocaleNumberInput
                label={t('methodology.item.yesScore')}
                placeholder="1"
                value={item.yesScore ?? ''}
                onChange={(value) => update({ yesScore: numberOrUndefined(value) })}
                readOnly={readOnly}
              />
              <LocaleNumberInput
                label={t('methodology.item.noScore')}
                placeholder="0"
                value={item.noScore ?? ''}
                onChange={(value) => update({ noScore: numberOrUndefined(value) })}
                readOnly={readOnly}
              />
            </SimpleGrid>
          )}
          {item.type && CHOICE_TYPES.has(item.type) && (
            <OptionsEditor item={item} path={path} section={section} index={index} dispatch={dispatch} />
          )}
          {item.type === 'NUMBER' && (
            <ScoreBandsEditor item={item} path={path} section={section} index={index} dispatch={dispatch} />
          )}
        </Stack>
      )}
    </Card>
  );
}

/** A code field (section, item, option, scale): lower-case letters, digits and _. */
export function ItemCode({
  path,
  value,
  onChange,
  label,
}: {
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <TextInput
      label={label ?? t('methodology.code')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      readOnly={readOnly}
      required
      dir="ltr"
      spellCheck={false}
      autoCapitalize="off"
      error={useFieldError(`${path}.code`)}
      data-path={`${path}.code`}
    />
  );
}
