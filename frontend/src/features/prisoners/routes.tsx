import { lazyPage, type AppRoute } from '../../routeTypes';

// Link builders: no URL of this area is assembled by hand elsewhere.
export const toPrisoners = (search?: URLSearchParams) => {
  const query = search?.toString();
  return query ? `/prisoners?${query}` : '/prisoners';
};
export const toNewPrisoner = () => '/prisoners/new';
export const toPrisoner = (prisonerId: string) => `/prisoners/${encodeURIComponent(prisonerId)}`;
export const toEditPrisoner = (prisonerId: string) => `/prisoners/${encodeURIComponent(prisonerId)}/edit`;

/** Route parameters of this area's pages. */
export interface PrisonerParams extends Record<string, string | undefined> {
  prisonerId: string;
}

/** Assessors and supervisors work with prisoners (the API lets no one else see them). */
const caseWorkers = { access: ['ASSESSOR', 'SUPERVISOR'] } as const;

export const prisonersRoutes: AppRoute[] = [
  {
    path: 'prisoners',
    lazy: lazyPage(() => import('./PrisonerRegisterPage')),
    handle: { ...caseWorkers, nav: { labelKey: 'nav.prisoners', order: 10 } },
  },
  { path: 'prisoners/new', lazy: lazyPage(() => import('./PrisonerFormPage')), handle: caseWorkers },
  { path: 'prisoners/:prisonerId', lazy: lazyPage(() => import('./PrisonerPage')), handle: caseWorkers },
  { path: 'prisoners/:prisonerId/edit', lazy: lazyPage(() => import('./PrisonerFormPage')), handle: caseWorkers },
];
