import { Button, Group } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter } from 'react-router';

import { ApiContext } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { useMe, useSaveLanguage } from '../api/me';
import { ApiError, problemMessageKey } from '../api/problem';
import { newQueryClient } from '../api/queryClient';
import { isLanguage, type Language } from '../i18n/languages';
import { appRoutes } from '../routes';
import { AppLayout } from '../shell/AppLayout';
import { FullPageMessage } from '../shell/FullPageMessage';
import { NotFoundPage, RouteErrorPage } from '../shell/ErrorPages';
import type { SigninState } from './oidc';
import { REALM_SESSION_KEY } from './realmSession';
import { knownRoles } from './roles';
import { useSessionControls } from './SessionContext';
import { SignedInContext, type SignedIn } from './SignedInContext';
import { claimStorageFor, clearUserStorage } from './userStorage';

/**
 * The app for one signed-in user. Its API client reads the current access token at each call; its query cache is
 * new for each user, and the browser's stored data is erased first when it belonged to someone else.
 */
export function SignedInApp({ user, apiBaseUrl }: { user: User; apiBaseUrl: string }) {
  const issuer = String(user.profile.iss);
  const subject = user.profile.sub;
  const token = useRef(user.access_token);
  token.current = user.access_token;

  const api = useMemo(
    () => createApiClient({ baseUrl: apiBaseUrl, getAccessToken: () => token.current }),
    [apiBaseUrl],
  );
  const auth = useAuth();
  const reauthenticating = useRef(false);
  const signinAgain = useRef(() => {});
  // The API refused the token (expired, session ended at Keycloak): sign in again, back to this page.
  useEffect(() => {
    signinAgain.current = () => {
      if (reauthenticating.current) return;
      reauthenticating.current = true;
      const state: SigninState = {
        returnTo: `${window.location.pathname}${window.location.search}`,
        language: document.documentElement.lang,
      };
      void auth.signinRedirect({ prompt: 'none', state }).catch(() => {
        reauthenticating.current = false;
      });
    };
  }, [auth]);
  // A new cache for each user, on purpose: nothing fetched for one user is ever shown to the next.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the user; the callback is a ref
  const queryClient = useMemo(() => newQueryClient(() => signinAgain.current()), [issuer, subject]);
  const [claimed, setClaimed] = useState<string | null>(null);
  const owner = `${issuer} ${subject}`;

  useEffect(() => {
    let current = true;
    void claimStorageFor({ issuer, subject }, undefined, { keep: [REALM_SESSION_KEY] })
      .catch(() => undefined)
      .then(() => {
        if (current) setClaimed(owner);
      });
    return () => {
      current = false;
    };
  }, [issuer, subject, owner]);

  const { t } = useTranslation();
  if (claimed !== owner) return <FullPageMessage busy title={t('common.loading')} />;
  return (
    <ApiContext value={api}>
      <QueryClientProvider client={queryClient}>
        <CurrentUser user={user} />
      </QueryClientProvider>
    </ApiContext>
  );
}

function CurrentUser({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { setSigningOut } = useSessionControls();
  const me = useMe();
  const save = useSaveLanguage();
  const [languageStatus, setLanguageStatus] = useState<SignedIn['languageStatus']>(null);
  const [router] = useState(() =>
    createBrowserRouter([
      {
        path: '/',
        element: <AppLayout />,
        errorElement: <RouteErrorPage />,
        children: [...appRoutes, { path: '*', element: <NotFoundPage /> }],
      },
    ]),
  );

  // The UI speaks the language saved in the user's preferences (server-side, so it follows them across devices).
  const savedLanguage = me.data?.preferences?.language;
  useEffect(() => {
    if (isLanguage(savedLanguage) && savedLanguage !== i18n.language) void i18n.changeLanguage(savedLanguage);
  }, [savedLanguage, i18n]);

  const signOut = useCallback(async () => {
    setSigningOut(true);
    const idToken = auth.user?.id_token;
    // Everything kept for this user goes before the browser leaves: caches in memory and in the browser.
    await clearUserStorage().catch(() => undefined);
    await auth.signoutRedirect({ ...(idToken ? { id_token_hint: idToken } : {}) }).catch(async () => {
      await auth.removeUser();
      window.location.assign('/signed-out');
    });
  }, [auth, setSigningOut]);

  const data = me.data;
  const changeLanguage = useCallback(
    async (language: Language) => {
      setLanguageStatus(null);
      await i18n.changeLanguage(language);
      // Preferences belong to a country's users; platform staff keep their choice for this session.
      if (!data?.tenant) return;
      try {
        const { retried } = await save.mutateAsync({ language, version: data.preferences?.version ?? null });
        setLanguageStatus(retried ? { kind: 'info', key: 'language.savedAfterConflict' } : null);
      } catch (error) {
        const key = error instanceof ApiError ? problemMessageKey(error.problem) : 'problem.network';
        setLanguageStatus({ kind: 'error', key });
      }
    },
    [i18n, data, save],
  );

  const signedIn = useMemo<SignedIn | null>(
    () =>
      data
        ? {
            me: data,
            roles: knownRoles(data.roles),
            displayName: String(user.profile.name ?? data.username ?? user.profile.preferred_username ?? ''),
            signOut,
            changeLanguage,
            languageStatus,
            savingLanguage: save.isPending,
          }
        : null,
    [data, user, signOut, changeLanguage, languageStatus, save.isPending],
  );

  if (me.isError) {
    const key = me.error instanceof ApiError ? problemMessageKey(me.error.problem) : 'problem.unexpected';
    return (
      <FullPageMessage
        title={t('auth.profileFailed')}
        actions={
          <Group>
            <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
            <Button variant="default" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </Button>
          </Group>
        }
      >
        {t(key)}
      </FullPageMessage>
    );
  }
  if (!signedIn) return <FullPageMessage busy title={t('common.loading')} />;
  return (
    <SignedInContext value={signedIn}>
      <RouterProvider router={router} />
    </SignedInContext>
  );
}
