import { screen } from '@testing-library/react';

import { writeRealmSession } from '../../../auth/realmSession';
import { fakeApi, renderWithApp, signedInAs } from '../../../test/renderWithApp';
import { UserAdministrationCard, userAdministrationUrl } from '../UserAdministrationCard';

describe('userAdministrationUrl', () => {
  it('opens the users of the same realm in Keycloak’s console, under any base path', () => {
    expect(userAdministrationUrl('http://localhost:8180/realms/kz')).toBe(
      'http://localhost:8180/admin/kz/console/#/kz/users',
    );
    expect(userAdministrationUrl('https://id.example.org/auth/realms/tn/')).toBe(
      'https://id.example.org/auth/admin/tn/console/#/tn/users',
    );
  });

  it('refuses an issuer that is not a realm', () => {
    expect(() => userAdministrationUrl('https://id.example.org/')).toThrow(/realm issuer/);
  });
});

describe('UserAdministrationCard', () => {
  afterEach(() => sessionStorage.clear());

  it('links the country realm’s console in a new tab', () => {
    writeRealmSession({ authority: 'http://localhost:8180/realms/kg', kind: 'tenant' });
    renderWithApp(<UserAdministrationCard />, { api: fakeApi({}), signedIn: signedInAs() });
    const link = screen.getByTestId('user-administration');
    expect(link).toHaveAttribute('href', 'http://localhost:8180/admin/kg/console/#/kg/users');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows nothing in a platform session', () => {
    writeRealmSession({ authority: 'http://localhost:8180/realms/platform', kind: 'platform' });
    renderWithApp(<UserAdministrationCard />, { api: fakeApi({}), signedIn: signedInAs() });
    expect(screen.queryByTestId('user-administration')).toBeNull();
  });
});
