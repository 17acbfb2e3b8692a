import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toDashboards = () => '/dashboards';

export const dashboardsRoutes: AppRoute[] = [
  {
    path: 'dashboards',
    lazy: lazyPage(() => import('./NationalDashboardsPage')),
    handle: { access: ['ANALYST', 'COUNTRY_ADMIN', 'SUPERVISOR'], nav: { labelKey: 'nav.dashboards', order: 40 } },
  },
];
