import { lazyPage, type AppRoute } from '../../routeTypes';

export const toHome = () => '/';

export const homeRoutes: AppRoute[] = [
  {
    index: true,
    lazy: lazyPage(() => import('./HomePage')),
    handle: { access: 'any', nav: { labelKey: 'nav.home', order: 0 } },
  },
];
