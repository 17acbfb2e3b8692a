import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

import { toCycleSettings, toInstruments, toOffences, toProgrammes, toRiskLevels, toScheme } from './routes';

/** The screens of the area, in the order a country sets its methodology up. */
export const METHODOLOGY_SCREENS = [
  { to: toRiskLevels(), messages: 'methodology.screen.riskLevels' },
  { to: toInstruments(), messages: 'methodology.screen.instruments' },
  { to: toScheme(), messages: 'methodology.screen.scheme' },
  { to: toOffences(), messages: 'methodology.screen.offences' },
  { to: toProgrammes(), messages: 'methodology.screen.programmes' },
  // The review cycle's own settings (issue 4) sit with the methodology: the same administrator sets them.
  { to: toCycleSettings(), messages: 'reviews.settings' },
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
            {t(`${screen.messages}.title`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
