import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSignedIn } from '../../auth/SignedInContext';
import { navigationFor } from '../../routes';
import { UserAdministrationCard } from './UserAdministrationCard';
import { WaitingWork } from './WaitingWork';

/** Where every user lands: who they are signed in as, what waits for them, and the areas their roles open. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me, roles, displayName } = useSignedIn();
  const areas = navigationFor(roles).filter((entry) => entry.to !== '/');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('home.welcome', { name: displayName })}</Title>
        <Text c="dimmed" data-testid="signed-in-as">
          {t('home.signedInAs', {
            username: me.username ?? '',
            roles: roles.map((role) => t(`roles.${role}`)).join(', ') || t('home.noRoles'),
          })}
        </Text>
      </Stack>
      <WaitingWork />
      {areas.length === 0 ? (
        <Text>{t('home.noAreas')}</Text>
      ) : (
        <section aria-labelledby="home-areas">
          <Title order={2} size="h3" id="home-areas" mb="sm">
            {t('home.yourAreas')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {areas.map((area) => (
              <Card key={area.to} withBorder component={Link} to={area.to} padding="lg" radius="md">
                <Text fw={600}>{t(area.labelKey)}</Text>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(area.descriptionKey)}
                </Text>
              </Card>
            ))}
            {roles.includes('COUNTRY_ADMIN') && <UserAdministrationCard />}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
