import {
  Alert,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatches } from 'react-router';

import { allows, type Access } from '../auth/roles';
import { useSignedIn } from '../auth/SignedInContext';
import { useKeptChangesCount } from '../features/assessments/useKeptChangesCount';
import { tenantName } from '../features/signin/tenantName';
import { navigationFor } from '../routes';
import type { AreaHandle } from '../routeTypes';
import { Brand } from './Brand';
import { ForbiddenPage } from './ErrorPages';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useOnline } from './useOnline';

// Loaded only when changes typed offline wait on this device (it brings the assessment sync along).
const KeptChanges = lazy(() => import('../features/assessments/KeptChanges'));

function useRequiredAccess(): Access {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as AreaHandle | undefined;
    if (handle?.access) return handle.access;
  }
  return 'any';
}

/** The signed-in frame: header (who, where, language, sign out), navigation by role, and the page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, roles, displayName, signOut, changeLanguage, languageStatus, savingLanguage } = useSignedIn();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const access = useRequiredAccess();
  const entries = navigationFor(roles);
  const kept = useKeptChangesCount();
  const online = useOnline();
  const tenant = me.tenant
    ? tenantName(me.tenant.displayName, i18n.language, me.tenant.defaultLanguage, me.tenant.code ?? '')
    : null;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Brand />
            {tenant ? (
              <Text size="sm" c="dimmed" lang={tenant.lang} visibleFrom="md" data-testid="tenant-name">
                {tenant.text}
              </Text>
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="md" data-testid="tenant-name">
                {t('shell.platform')}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} data-testid="user-name">
                {displayName}
              </Text>
              <Group gap={4} data-testid="user-roles">
                {roles.map((role) => (
                  <Badge key={role} size="xs" variant="light">
                    {t(`roles.${role}`)}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <LanguageSwitcher onChange={(language) => void changeLanguage(language)} disabled={savingLanguage} />
            <Button variant="default" onClick={() => void signOut()} data-testid="sign-out">
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navigation')}>
        {entries.map((entry) => (
          <NavLink
            key={entry.to}
            component={Link}
            to={entry.to}
            label={t(entry.labelKey)}
            active={entry.to === '/' ? location.pathname === '/' : location.pathname.startsWith(entry.to)}
            aria-current={
              (entry.to === '/' ? location.pathname === '/' : location.pathname.startsWith(entry.to))
                ? 'page'
                : undefined
            }
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div role="status" aria-live="polite">
          {languageStatus && (
            <Alert
              mb="md"
              color={languageStatus.kind === 'error' ? 'red' : 'blue'}
              variant="light"
              data-testid="language-status"
            >
              {t(languageStatus.key)}
            </Alert>
          )}
        </div>
        {kept !== undefined && kept > 0 && online && (
          <Suspense fallback={null}>
            <KeptChanges />
          </Suspense>
        )}
        <Suspense
          fallback={
            <Group>
              <Loader size="sm" aria-hidden="true" />
              <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
            </Group>
          }
        >
          {allows(access, roles) ? <Outlet /> : <ForbiddenPage />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
