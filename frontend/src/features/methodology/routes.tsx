import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toMethodology = () => '/methodology';

export const methodologyRoutes: AppRoute[] = [
  {
    path: 'methodology',
    lazy: lazyPage(() => import('./MethodologyPage')),
    handle: { access: ['COUNTRY_ADMIN'], nav: { labelKey: 'nav.methodology', order: 30 } },
  },
];
