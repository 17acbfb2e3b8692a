import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { CelField } from '../shared/CelField';
import { useReadOnly } from '../shared/EditingContext';
import { useFormat } from '../shared/format';
import { useFieldError, useProblems } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { TextsInput } from '../shared/TextsInput';
import type { Definition, Scale } from './api';
import { BandsEditor } from './BandsEditor';
import { SCORED_TYPES, allItems, type DefinitionAction } from './definition';
import { ItemCode, numberOrUndefined } from './ItemEditor';

/** The scales: sums of item scores or formulas, each banded into the country's risk levels. */
export function ScalesEditor({
  definition,
  dispatch,
}: {
  definition: Definition;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const scales = definition.scales ?? [];
  return (
    <Stack gap="md">
      {scales.length === 0 && <Text c="dimmed">{t('methodology.scale.none')}</Text>}
      {scales.map((scale, s) => (
        <ScaleCard key={s} scale={scale} index={s} count={scales.length} definition={definition} dispatch={dispatch} />
      ))}
      {!readOnly && (
        <Button variant="light" w="fit-content" onClick={() => dispatch({ type: 'addScale' })}>
          {t('methodology.scale.add')}
        </Button>
      )}
    </Stack>
  );
}

function ScaleCard({
  scale,
  index,
  count,
  definition,
  dispatch,
}: {
  scale: Scale;
  index: number;
  count: number;
  definition: Definition;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const readOnly = useReadOnly();
  const { text } = useFormat();
  const path = `definition.scales.${index}`;
  const problems = useProblems();
  const itemsError = [
    useFieldError(`${path}.items`),
    ...(scale.items ?? []).map((_, i) =>
      problems
        .at(`${path}.items.${i}`)
        .map((p) => p.message)
        .join(' · '),
    ),
  ]
    .filter(Boolean)
    .join(' · ');
  const methodError = useFieldError(`${path}.method`);
  const maxMissingError = useFieldError(`${path}.missing.maxMissing`);
  const policyError = useFieldError(`${path}.missing.policy`);
  const update = (patch: Partial<Scale>) => dispatch({ type: 'updateScale', scale: index, patch });
  const name = scale.code || `#${index + 1}`;
  const scored = allItems(definition).filter((item) => item.code && item.type && SCORED_TYPES.has(item.type));
  const itemOptions = scored.map((item) => ({
    value: item.code ?? '',
    label: `${item.code} · ${text(item.label, '').text}`,
  }));
  const unknown = (scale.items ?? []).filter((code) => !scored.some((item) => item.code === code));

  return (
    <Card withBorder padding="md" component="section" aria-label={t('methodology.scale.named', { code: name })}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('methodology.scale.named', { code: name })}
          </Title>
          {problems.countUnder(path) > 0 && (
            <Badge color="red" size="sm">
              {t('methodology.problems.count', { n: format.number(problems.countUnder(path)) })}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <RowActions
            name={name}
            index={index}
            count={count}
            onMove={(by) => dispatch({ type: 'moveScale', scale: index, by })}
            onRemove={() => dispatch({ type: 'removeScale', scale: index })}
          />
        )}
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ItemCode path={path} value={scale.code} onChange={(code) => update({ code })} />
          <TextsInput
            path={`${path}.name`}
            label={t('methodology.name')}
            value={scale.name}
            onChange={(value) => update({ name: value })}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${path}-method`}>
            {t('methodology.scale.method')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${path}-method`}
            value={scale.method ?? 'SUM'}
            onChange={(method) => update({ method: method as Scale['method'] })}
            disabled={readOnly}
            data={[
              { value: 'SUM', label: t('methodology.scale.sum') },
              { value: 'FORMULA', label: t('methodology.scale.formula') },
            ]}
            w="fit-content"
          />
          {methodError && (
            <Text size="sm" c="red">
              {methodError}
            </Text>
          )}
        </Stack>
        {scale.method === 'FORMULA' ? (
          <CelField
            path={`${path}.formula`}
            label={t('methodology.scale.formulaField')}
            description={t('methodology.scale.formulaHint')}
            value={scale.formula}
            onChange={(formula) => update({ formula })}
            readOnly={readOnly}
            required
          />
        ) : (
          <>
            <MultiSelect
              label={t('methodology.scale.items')}
              data={[...itemOptions, ...unknown.map((code) => ({ value: code, label: code }))]}
              value={scale.items ?? []}
              onChange={(items) => update({ items })}
              readOnly={readOnly}
              searchable
              error={itemsError || undefined}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LocaleNumberInput
                label={t('methodology.scale.maxMissing')}
                min={0}
                allowDecimal={false}
                value={scale.missing?.maxMissing ?? ''}
                onChange={(v) => update({ missing: { ...scale.missing, maxMissing: numberOrUndefined(v) ?? 0 } })}
                readOnly={readOnly}
                error={maxMissingError}
              />
              <Select
                label={t('methodology.scale.policy')}
                data={[
                  { value: 'NOT_SCORABLE', label: t('methodology.scale.notScorable') },
                  { value: 'PRORATE', label: t('methodology.scale.prorate') },
                ]}
                value={scale.missing?.policy ?? null}
                onChange={(policy) =>
                  update({ missing: { ...scale.missing, policy: (policy ?? undefined) as 'PRORATE' | undefined } })
                }
                readOnly={readOnly}
                allowDeselect={false}
                error={policyError}
              />
            </SimpleGrid>
          </>
        )}
        <Checkbox
          label={t('methodology.scale.need')}
          checked={scale.need ?? false}
          onChange={(e) => update({ need: e.currentTarget.checked || undefined })}
          disabled={readOnly}
        />
        <BandsEditor scale={scale} index={index} dispatch={dispatch} />
      </Stack>
    </Card>
  );
}
