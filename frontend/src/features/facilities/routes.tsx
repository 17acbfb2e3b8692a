import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toFacilities = () => '/facilities';

export const facilitiesRoutes: AppRoute[] = [
  {
    path: 'facilities',
    lazy: lazyPage(() => import('./FacilitiesPage')),
    handle: { access: ['COUNTRY_ADMIN'], nav: { labelKey: 'nav.facilities', order: 35 } },
  },
];
