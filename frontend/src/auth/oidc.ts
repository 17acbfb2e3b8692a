import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

import type { RuntimeConfig } from '../config/runtimeConfig';

export const SIGNIN_CALLBACK_PATH = '/signin/callback';
export const SIGNED_OUT_PATH = '/signed-out';

/** What the app carries through the round trip to Keycloak (oidc-client-ts keeps it with the PKCE verifier). */
export interface SigninState {
  /** Where to go after sign-in. */
  returnTo: string;
  /** The UI language chosen before signing in. */
  language?: string;
}

/**
 * The OIDC client for one realm: authorization code flow with PKCE (S256, oidc-client-ts' default), the user (and
 * so every token) held in memory only, the transient sign-in state (PKCE verifier, nonce) in sessionStorage just
 * for the round trip, silent renewal by refresh token.
 */
export function createUserManager(config: RuntimeConfig, authority: string, origin = window.location.origin) {
  return new UserManager({
    authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${SIGNIN_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    // The ID token's claims suffice; the app asks the API who the user is (/api/me).
    loadUserInfo: false,
    monitorSession: false,
  });
}

export function isSigninState(value: unknown): value is SigninState {
  return typeof value === 'object' && value !== null && typeof (value as { returnTo?: unknown }).returnTo === 'string';
}

/** Only same-origin paths are followed after sign-in: never an absolute URL that arrived in a state parameter. */
export function safeReturnPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path.startsWith(SIGNIN_CALLBACK_PATH) || path.startsWith(SIGNED_OUT_PATH)) return '/';
  return path;
}

/**
 * The OAuth error code of a failed sign-in. react-oidc-context wraps oidc-client-ts' ErrorResponse (which carries
 * `error`) as `innerError` of its own error.
 */
export function oidcErrorCode(error: unknown): string | undefined {
  const failure = error as { error?: unknown; innerError?: { error?: unknown } } | null;
  const code = failure?.error ?? failure?.innerError?.error;
  return typeof code === 'string' ? code : undefined;
}
