import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toPrisoners = () => '/prisoners';

export const prisonersRoutes: AppRoute[] = [
  {
    path: 'prisoners',
    lazy: lazyPage(() => import('./PrisonerRegisterPage')),
    handle: { access: ['ASSESSOR', 'SUPERVISOR'], nav: { labelKey: 'nav.prisoners', order: 10 } },
  },
];
