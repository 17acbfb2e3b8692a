import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { readRealmSession } from '../../auth/realmSession';

/**
 * Where a country administrator manages the country's users: Keycloak's administration console of the realm they
 * signed in with (ADR 0012), in a new tab, where they sign in with the same account.
 */
export function UserAdministrationCard() {
  const { t } = useTranslation();
  const session = readRealmSession();
  if (!session || session.kind !== 'tenant') return null;
  return (
    <Card
      withBorder
      component="a"
      href={userAdministrationUrl(session.authority)}
      target="_blank"
      rel="noopener noreferrer"
      padding="lg"
      radius="md"
      data-testid="user-administration"
    >
      <Text fw={600}>{t('home.users.title')}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t('home.users.description')}
      </Text>
    </Card>
  );
}

/** The users page of Keycloak's console for the realm of an issuer such as http://id.example.org/realms/kz. */
export function userAdministrationUrl(authority: string): string {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(authority);
  if (!match) throw new Error(`not a Keycloak realm issuer: ${authority}`);
  const [, base, realm] = match;
  return `${base}/admin/${realm}/console/#/${realm}/users`;
}
