import { createUserManager, safeReturnPath } from './oidc';

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
});
