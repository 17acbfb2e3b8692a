import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toIndicators = () => '/indicators';

export const indicatorsRoutes: AppRoute[] = [
  {
    path: 'indicators',
    lazy: lazyPage(() => import('./IndicatorsPage')),
    handle: { access: ['PROGRAMME_COORDINATOR'], nav: { labelKey: 'nav.indicators', order: 70 } },
  },
];
