import { Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, RouterProvider, createBrowserRouter, useLocation, useNavigate } from 'react-router';

import { SIGNED_OUT_PATH, SIGNIN_CALLBACK_PATH, safeReturnPath } from '../../auth/oidc';
import { clearUserStorage } from '../../auth/userStorage';
import { FullPageMessage } from '../../shell/FullPageMessage';
import { SignInPage } from './SignInPage';

/** Keycloak sent the user back here after logout: erase whatever is left (the logout's own state), then the picker. */
function SignedOutPage() {
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(() => {
    void clearUserStorage()
      .catch(() => undefined)
      .then(() => navigate('/', { replace: true, state: { notice: 'notice.signedOut' } }));
  }, [navigate]);
  return <FullPageMessage busy title={t('auth.signingOut')} />;
}

/** A sign-in answer reached a tab that started none (or whose session is gone). */
function StrayCallbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <FullPageMessage
      title={t('auth.failedTitle')}
      actions={<Button onClick={() => navigate('/', { replace: true })}>{t('auth.backToSignIn')}</Button>}
    >
      {t('auth.strayCallback')}
    </FullPageMessage>
  );
}

/** Any other address: sign in first, then go there. */
function SignInFirst() {
  const location = useLocation();
  return <Navigate to="/" replace state={{ returnTo: safeReturnPath(`${location.pathname}${location.search}`) }} />;
}

function PickerRoute({ notice }: { notice?: string }) {
  const location = useLocation();
  const state = (location.state ?? {}) as { notice?: string; returnTo?: string };
  return <SignInPage notice={state.notice ?? notice} returnTo={safeReturnPath(state.returnTo)} />;
}

/** The part of the app for someone not signed in. */
export default function PublicApp({ notice }: { notice?: string }) {
  const [router] = useState(() =>
    createBrowserRouter([
      { path: '/', element: <PickerRoute notice={notice} /> },
      { path: SIGNED_OUT_PATH, element: <SignedOutPage /> },
      { path: SIGNIN_CALLBACK_PATH, element: <StrayCallbackPage /> },
      { path: '*', element: <SignInFirst /> },
    ]),
  );
  return <RouterProvider router={router} />;
}
