import { Button } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { hasAuthParams, useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';

import { useKeptChangesCount } from '../features/assessments/useKeptChangesCount';
import { FullPageMessage } from '../shell/FullPageMessage';
import { useOnline } from '../shell/useOnline';
import { SignedInApp } from './SignedInApp';
import { useSessionControls } from './SessionContext';
import { oidcErrorCode, type SigninState } from './oidc';

/** Keycloak's answer to prompt=none when its session is gone (OIDC Core 3.1.2.6). */
const SESSION_GONE = new Set(['login_required', 'interaction_required', 'consent_required']);

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
  if (needsResume && !online) return <OfflineReload />;
  return <FullPageMessage busy title={t('auth.signingIn')} />;
}

/**
 * A reload without a connection: the tokens went with the page (memory only) and signing in needs Keycloak. Says
 * so, and how many changes wait on this device to be sent once the same user is signed in again.
 */
function OfflineReload() {
  const { t } = useTranslation();
  const kept = useKeptChangesCount();
  return (
    <FullPageMessage title={t('entry.offline.title')}>
      <span data-testid="kept-changes-offline" data-count={kept ?? ''}>
        {kept ? t('uiGaps.offline.kept', { n: kept }) : t('entry.offline.text')}
      </span>
    </FullPageMessage>
  );
}
