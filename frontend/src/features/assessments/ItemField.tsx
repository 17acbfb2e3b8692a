import { Button, Checkbox, Group, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../methodology/shared/format';
import type { Item } from '../methodology/instruments/api';
import { separators } from './numbers';

export interface ItemFieldProps {
  item: Item;
  value: unknown;
  /** A new answer, or null to clear it. */
  onChange: (value: unknown) => void;
  error?: string;
  readOnly: boolean;
}

/** One item of an instrument as a labelled input of its type, with its guidance and required mark. */
export function ItemField({ item, value, onChange, error, readOnly }: ItemFieldProps) {
  const { t } = useTranslation();
  const { text, language } = useFormat();
  const code = item.code ?? '';
  const id = `item-${code}`;
  const label = text(item.label, code).text;
  const guidance = item.guidance ? text(item.guidance, '').text || undefined : undefined;
  const required = item.required === true;
  const wrapper: {
    label: string;
    description: string | undefined;
    error: string | undefined;
    withAsterisk: boolean;
    'data-item': string;
  } = {
    label,
    description: guidance,
    error,
    withAsterisk: required,
    'data-item': code,
  };
  const { decimal, group } = useMemo(() => separators(language), [language]);
  const answered = value !== undefined && value !== null;
  // Choices cannot be emptied by typing: a small button takes the answer back.
  const clear =
    !readOnly && answered ? (
      <Button
        variant="subtle"
        size="compact-xs"
        w="fit-content"
        onClick={() => onChange(null)}
        data-testid={`clear-${code}`}
      >
        {t('entry.clear', { item: label })}
      </Button>
    ) : null;
  const options = item.options ?? [];

  switch (item.type) {
    case 'YES_NO':
      return (
        <Stack gap={2}>
          <Radio.Group
            {...wrapper}
            id={id}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(v) => onChange(v === 'yes')}
            required={required}
          >
            <Group gap="md" mt={4}>
              <Radio value="yes" label={t('entry.yes')} disabled={readOnly} />
              <Radio value="no" label={t('entry.no')} disabled={readOnly} />
            </Group>
          </Radio.Group>
          {clear}
        </Stack>
      );
    case 'SINGLE_CHOICE':
      return (
        <Stack gap={2}>
          <Radio.Group
            {...wrapper}
            id={id}
            value={typeof value === 'string' ? value : ''}
            onChange={(v) => onChange(v)}
            required={required}
          >
            <Stack gap={6} mt={4}>
              {options.map((option) => (
                <Radio
                  key={option.code}
                  value={option.code ?? ''}
                  label={text(option.label, option.code ?? '').text}
                  disabled={readOnly}
                />
              ))}
            </Stack>
          </Radio.Group>
          {clear}
        </Stack>
      );
    case 'MULTI_CHOICE':
      return (
        <Checkbox.Group
          {...wrapper}
          id={id}
          value={Array.isArray(value) ? (value as string[]) : []}
          // An empty list is an answer ("none of these"); clearing it is the button's job.
          onChange={(codes) => onChange(options.map((o) => o.code ?? '').filter((c) => codes.includes(c)))}
        >
          <Stack gap={6} mt={4}>
            {options.map((option) => (
              <Checkbox
                key={option.code}
                value={option.code ?? ''}
                label={text(option.label, option.code ?? '').text}
                disabled={readOnly}
              />
            ))}
            {clear}
          </Stack>
        </Checkbox.Group>
      );
    case 'NUMBER':
      return (
        <NumberInput
          {...wrapper}
          id={id}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          decimalSeparator={decimal}
          thousandSeparator={group}
          readOnly={readOnly}
          required={required}
          maw={240}
        />
      );
    case 'DATE':
      return (
        <TextInput
          {...wrapper}
          id={id}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
          readOnly={readOnly}
          required={required}
          maw={240}
        />
      );
    default:
      return (
        <Textarea
          {...wrapper}
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          readOnly={readOnly}
          required={required}
          autosize
          minRows={2}
          maxLength={10000}
        />
      );
  }
}
