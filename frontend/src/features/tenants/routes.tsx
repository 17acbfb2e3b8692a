import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toTenants = () => '/tenants';

export const tenantsRoutes: AppRoute[] = [
  {
    path: 'tenants',
    lazy: lazyPage(() => import('./TenantsPage')),
    handle: { access: ['PLATFORM_ADMIN'], nav: { labelKey: 'nav.tenants', order: 60 } },
  },
];
