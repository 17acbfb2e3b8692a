import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { METHODOLOGY_SCREENS } from './MethodologyLayout';

/** The area's landing page: what each screen configures. */
export default function MethodologyOverview() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1}>{t('areas.methodology.title')}</Title>
      <Text>{t('areas.methodology.description')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {METHODOLOGY_SCREENS.map((screen) => (
          <Card key={screen.to} withBorder component={Link} to={screen.to} padding="lg">
            <Text fw={600}>{t(`${screen.messages}.title`)}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`${screen.messages}.description`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
