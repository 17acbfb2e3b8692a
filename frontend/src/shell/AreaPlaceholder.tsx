import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What an area shows while its API is not there yet: its purpose and what it arrives with, never sample data
 * that could be taken for real.
 */
export function AreaPlaceholder({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t(`areas.${area}.title`)}</Title>
      <Text>{t(`areas.${area}.description`)}</Text>
      <Alert variant="light" color="blue" title={t('areas.notYetTitle')} data-testid="arrives-with">
        {t(`areas.${area}.arrivesWith`)}
      </Alert>
    </Stack>
  );
}
