import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

import { toInstruments, toOffences, toProgrammes, toRiskLevels, toScheme } from './routes';

/** The screens of the area, in the order a country sets its methodology up. */
export const METHODOLOGY_SCREENS = [
  { to: toRiskLevels(), key: 'riskLevels' },
  { to: toInstruments(), key: 'instruments' },
  { to: toScheme(), key: 'scheme' },
  { to: toOffences(), key: 'offences' },
  { to: toProgrammes(), key: 'programmes' },
] as const;

function currentScreen(pathname: string): string | undefined {
  if (pathname.startsWith('/methodology/instrument')) return toInstruments();
  return METHODOLOGY_SCREENS.find((screen) => pathname.startsWith(screen.to))?.to;
}

/** The area's sub-navigation (plain links: each screen has its own address) above the screen. */
export default function MethodologyLayout() {
  const { t } = useTranslation();
  const current = currentScreen(useLocation().pathname);
  return (
    <Stack gap="lg">
      <Group component="nav" aria-label={t('methodology.screens')} gap="xs" data-testid="methodology-nav">
        {METHODOLOGY_SCREENS.map((screen) => (
          <Button
            key={screen.to}
            component={Link}
            to={screen.to}
            size="sm"
            variant={current === screen.to ? 'light' : 'subtle'}
            aria-current={current === screen.to ? 'page' : undefined}
          >
            {t(`methodology.screen.${screen.key}.title`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
