import { ErrorResponse } from 'oidc-client-ts';

import { createUserManager, oidcErrorCode, safeReturnPath } from './oidc';

const config = { apiBaseUrl: '', keycloakUrl: 'http://kc', platformRealm: 'platform', clientId: 'custodia-web' };

describe('OIDC client', () => {
  it('uses the code flow against the chosen realm, keeps the user in memory and the round-trip state per tab', async () => {
    sessionStorage.clear();
    localStorage.clear();
    const manager = createUserManager(config, 'http://kc/realms/kz', 'http://localhost:5173');
    expect(manager.settings.authority).toBe('http://kc/realms/kz');
    expect(manager.settings.client_id).toBe('custodia-web');
    expect(manager.settings.response_type).toBe('code');
    expect(manager.settings.redirect_uri).toBe('http://localhost:5173/signin/callback');
    expect(manager.settings.post_logout_redirect_uri).toBe('http://localhost:5173/signed-out');
    expect(manager.settings.disablePKCE).toBe(false);

    await manager.storeUser(
      new (await import('oidc-client-ts')).User({
        access_token: 'secret-access-token',
        token_type: 'Bearer',
        profile: { sub: 's', iss: 'http://kc/realms/kz', aud: 'custodia-web', exp: 0, iat: 0 },
      }),
    );
    expect((await manager.getUser())?.access_token).toBe('secret-access-token');
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain('secret-access-token');
  });

  it('follows only same-origin paths after sign-in', () => {
    expect(safeReturnPath('/prisoners?page=2')).toBe('/prisoners?page=2');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/signin/callback?code=x')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });

  it('reads the OAuth error of a failed silent sign-in as react-oidc-context reports it', () => {
    // A reload after Keycloak's session ended (e.g. the browser was offline meanwhile): prompt=none answers this.
    const gone = new ErrorResponse({ error: 'login_required' });
    const reported = { name: gone.name, message: gone.message, innerError: gone, source: 'signinCallback' };
    expect(oidcErrorCode(reported)).toBe('login_required');
    expect(oidcErrorCode(gone)).toBe('login_required');
    expect(oidcErrorCode(new Error('network'))).toBeUndefined();
    expect(oidcErrorCode(null)).toBeUndefined();
  });
});
