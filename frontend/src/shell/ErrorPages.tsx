import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

import { toHome } from '../features/home/routes';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Text>{t('errors.forbiddenText')}</Text>
      <Button component={Link} to={toHome()} variant="light" w="fit-content">
        {t('errors.goHome')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundText')}</Text>
      <Button component={Link} to={toHome()} variant="light" w="fit-content">
        {t('errors.goHome')}
      </Button>
    </Stack>
  );
}

/** A page failed to load or render (e.g. its chunk could not be fetched): say so, offer a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Stack gap="md" maw={640} p="xl" component="main">
      <Title order={1}>{t('errors.pageFailedTitle')}</Title>
      <Alert color="red" variant="light">
        {t('errors.pageFailedText')}
      </Alert>
      {import.meta.env.DEV && error instanceof Error && <Text size="sm">{error.message}</Text>}
      <Button onClick={() => window.location.reload()} w="fit-content">
        {t('common.reload')}
      </Button>
    </Stack>
  );
}
