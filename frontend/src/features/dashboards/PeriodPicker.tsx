import { Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { isOrdered, type Period } from './period';

/** Two month fields, both included; months out of order are flagged and not sent. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const ordered = isOrdered(period);
  return (
    <Group align="end" gap="sm">
      <TextInput
        type="month"
        label={t('dashboards.period.from')}
        value={period.from}
        onChange={(event) => event.currentTarget.value && onChange({ ...period, from: event.currentTarget.value })}
        error={ordered ? undefined : t('dashboards.period.outOfOrder')}
        data-testid="period-from"
      />
      <TextInput
        type="month"
        label={t('dashboards.period.to')}
        value={period.to}
        onChange={(event) => event.currentTarget.value && onChange({ ...period, to: event.currentTarget.value })}
        data-testid="period-to"
      />
      <Text size="sm" c="dimmed">
        {t('dashboards.period.hint')}
      </Text>
    </Group>
  );
}
