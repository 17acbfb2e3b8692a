import { navigationFor } from './routes';

const labels = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((entry) => entry.labelKey);

describe('navigation by role', () => {
  it.each([
    [['ASSESSOR'], ['nav.home', 'nav.prisoners', 'reviews.nav']],
    [['SUPERVISOR'], ['nav.home', 'nav.prisoners', 'reviews.nav', 'nav.approvals', 'nav.dashboards']],
    [['COUNTRY_ADMIN'], ['nav.home', 'nav.methodology', 'nav.facilities', 'nav.dashboards']],
    [['ANALYST'], ['nav.home', 'nav.dashboards']],
    [['AUDITOR'], ['nav.home', 'nav.audit']],
    [['PLATFORM_ADMIN'], ['nav.home', 'nav.tenants']],
    [['PROGRAMME_COORDINATOR'], ['nav.home', 'nav.indicators']],
    [[], ['nav.home']],
  ] as const)('%j sees %j', (roles, expected) => {
    expect(labels(roles)).toEqual(expected);
  });

  it('shows each area once to a user holding several roles that open it', () => {
    expect(labels(['ANALYST', 'SUPERVISOR', 'COUNTRY_ADMIN'])).toEqual([
      'nav.home',
      'nav.prisoners',
      'reviews.nav',
      'nav.approvals',
      'nav.methodology',
      'nav.facilities',
      'nav.dashboards',
    ]);
  });
});
