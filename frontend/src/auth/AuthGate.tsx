import { Button } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { hasAuthParams, useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';

import { FullPageMessage } from '../shell/FullPageMessage';
import { useOnline } from '../shell/useOnline';
import { SignedInApp } from './SignedInApp';
import { useSessionControls } from './SessionContext';
import type { SigninState } from './oidc';

/** Keycloak's answer to prompt=none when its session is gone (OIDC Core 3.1.2.6). */
const SESSION_GONE = new Set(['login_required', 'interaction_required', 'consent_required']);

function oidcErrorCode(error: unknown): string | undefined {
  const code = (error as { error?: unknown } | null)?.error;
  return typeof code === 'string' ? code : undefined;
}

/** Between the OIDC provider and the app: waits for a user, resumes a session after a reload, reports failures. */
export function AuthGate({ apiBaseUrl }: { apiBaseUrl: string }) {
  const auth = useAuth();
  const { t } = useTranslation();
  const { endSession, signingOut } = useSessionControls();
  const resumeStarted = useRef(false);
  const online = useOnline();

  const needsResume =
    !signingOut && !auth.isLoading && !auth.isAuthenticated && !auth.error && !auth.activeNavigator && !hasAuthParams();

  useEffect(() => {
    // Offline (a reload from the service worker's shell), Keycloak cannot be asked: wait for the connection.
    if (!needsResume || !online || resumeStarted.current) return;
    resumeStarted.current = true;
    // A reload forgot the tokens (memory only): ask Keycloak again without showing its page. Its session cookie
    // answers at once, or it says login_required and the user chooses a country again.
    const state: SigninState = {
      returnTo: `${window.location.pathname}${window.location.search}`,
      language: document.documentElement.lang,
    };
    void auth.signinRedirect({ prompt: 'none', state }).catch(() => endSession('notice.signinFailed'));
  }, [needsResume, online, auth, endSession]);

  const sessionGone = auth.error && SESSION_GONE.has(oidcErrorCode(auth.error) ?? '') && !auth.isAuthenticated;
  useEffect(() => {
    if (sessionGone) endSession('notice.sessionEnded');
  }, [sessionGone, endSession]);

  if (signingOut) return <FullPageMessage busy title={t('auth.signingOut')} />;
  if (auth.isAuthenticated && auth.user) return <SignedInApp user={auth.user} apiBaseUrl={apiBaseUrl} />;
  if (auth.error && !sessionGone) {
    return (
      <FullPageMessage
        title={t('auth.failedTitle')}
        actions={<Button onClick={() => endSession()}>{t('auth.backToSignIn')}</Button>}
      >
        {t('auth.failedText')}
      </FullPageMessage>
    );
  }
  if (needsResume && !online) {
    return <FullPageMessage title={t('entry.offline.title')}>{t('entry.offline.text')}</FullPageMessage>;
  }
  return <FullPageMessage busy title={t('auth.signingIn')} />;
}
