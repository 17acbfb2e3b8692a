import { MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useFormat } from '../shared/format';
import { useFieldError } from '../shared/ProblemsContext';
import type { Definition, Item, ScoringResult } from './api';
import { allItems } from './definition';
import type { AnswerInput } from './dryRunAnswers';

/** One input per item, of the item's kind; items that do not apply (by their condition) are marked so. */
export function SampleAnswers({
  definition,
  inputs,
  onChange,
  result,
}: {
  definition: Definition;
  inputs: Record<string, AnswerInput>;
  onChange: (inputs: Record<string, AnswerInput>) => void;
  result: ScoringResult | undefined;
}) {
  const items = allItems(definition).filter((item) => item.code);
  const applies = new Map((result?.items ?? []).map((r) => [r.code, r.applicable !== false]));
  return (
    <Stack gap="xs" data-testid="sample-answers">
      {items.map((item) => (
        <SampleAnswer
          key={item.code}
          item={item}
          value={inputs[item.code ?? '']}
          applies={applies.get(item.code) ?? true}
          onChange={(value) => onChange({ ...inputs, [item.code ?? '']: value })}
        />
      ))}
    </Stack>
  );
}

function SampleAnswer({
  item,
  value,
  applies,
  onChange,
}: {
  item: Item;
  value: AnswerInput;
  applies: boolean;
  onChange: (value: AnswerInput) => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const code = item.code ?? '';
  const label = `${code} · ${text(item.label, '').text}`;
  const description = applies ? undefined : t('methodology.dryRun.doesNotApply');
  const error = useFieldError(`answers.${code}`);
  const options = (item.options ?? []).map((o) => ({
    value: o.code ?? '',
    label: `${text(o.label, o.code ?? '').text} (${o.score ?? 0})`,
  }));
  const common = { label, description, error, 'data-answer': code };
  switch (item.type) {
    case 'YES_NO':
      return (
        <Stack gap={2} data-answer={code}>
          <Text size="sm" fw={500} id={`answer-${code}`}>
            {label}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
          <SegmentedControl
            aria-labelledby={`answer-${code}`}
            size="xs"
            value={value === 'yes' || value === 'no' ? value : ''}
            onChange={(v) => onChange(v === '' ? undefined : v)}
            data={[
              { value: '', label: '—' },
              { value: 'yes', label: t('methodology.dryRun.yes') },
              { value: 'no', label: t('methodology.dryRun.no') },
            ]}
            w="fit-content"
          />
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
        </Stack>
      );
    case 'SINGLE_CHOICE':
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
          clearable
        />
      );
    case 'MULTI_CHOICE':
      return <MultiSelect {...common} data={options} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case 'NUMBER':
      return (
        <LocaleNumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'DATE':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
  }
}
