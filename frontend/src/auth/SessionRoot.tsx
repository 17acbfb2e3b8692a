import { QueryClientProvider } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';

import { ApiContext } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { newQueryClient } from '../api/queryClient';
import { useRuntimeConfig } from '../config/ConfigContext';
import { isLanguage } from '../i18n/languages';
import { FullPageMessage } from '../shell/FullPageMessage';
import { AuthGate } from './AuthGate';
import { createUserManager, isSigninState, safeReturnPath } from './oidc';
import { REALM_SESSION_KEY, readRealmSession, type RealmSession } from './realmSession';
import { SessionContext, type SessionControls } from './SessionContext';

const PublicApp = lazy(() => import('../features/signin/PublicApp'));

/**
 * The top of the app. Without a realm session, the public part (country picker). With one, the OIDC provider for
 * that realm: it completes a sign-in coming back from Keycloak, or signs in again silently after a reload (tokens
 * live in memory only, so a reload forgets them).
 */
export function SessionRoot() {
  const config = useRuntimeConfig();
  const { t } = useTranslation();
  const [session, setSession] = useState<RealmSession | null>(() => readRealmSession());
  const [notice, setNotice] = useState<string | undefined>();
  const [signingOut, setSigningOut] = useState(false);

  const endSession = useCallback((next?: string) => {
    sessionStorage.removeItem(REALM_SESSION_KEY);
    window.history.replaceState(null, '', '/');
    setNotice(next);
    setSession(null);
  }, []);
  const controls = useMemo<SessionControls>(
    () => ({ endSession, signingOut, setSigningOut }),
    [endSession, signingOut],
  );

  if (!session) {
    return (
      <SessionContext value={controls}>
        <PublicRoot notice={notice} />
      </SessionContext>
    );
  }
  return (
    <SessionContext value={controls}>
      <Suspense fallback={<FullPageMessage busy title={t('common.loading')} />}>
        <RealmRoot key={session.authority} session={session} apiBaseUrl={config.apiBaseUrl} />
      </Suspense>
    </SessionContext>
  );
}

function PublicRoot({ notice }: { notice?: string }) {
  const config = useRuntimeConfig();
  const { t } = useTranslation();
  const [queryClient] = useState(newQueryClient);
  const api = useMemo(() => createApiClient({ baseUrl: config.apiBaseUrl }), [config.apiBaseUrl]);
  return (
    <ApiContext value={api}>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={<FullPageMessage busy title={t('common.loading')} />}>
          <PublicApp notice={notice} />
        </Suspense>
      </QueryClientProvider>
    </ApiContext>
  );
}

function RealmRoot({ session, apiBaseUrl }: { session: RealmSession; apiBaseUrl: string }) {
  const config = useRuntimeConfig();
  const { i18n } = useTranslation();
  const userManager = useMemo(() => createUserManager(config, session.authority), [config, session.authority]);

  const onSigninCallback = useCallback(
    (user: User | undefined) => {
      const state = isSigninState(user?.state) ? user.state : undefined;
      if (isLanguage(state?.language) && state.language !== i18n.language) void i18n.changeLanguage(state.language);
      // Drop ?code&state from the address bar (and history) before the app's router reads it.
      window.history.replaceState(null, '', safeReturnPath(state?.returnTo));
    },
    [i18n],
  );

  return (
    <AuthProvider userManager={userManager} onSigninCallback={onSigninCallback}>
      <AuthGate apiBaseUrl={apiBaseUrl} />
    </AuthProvider>
  );
}
