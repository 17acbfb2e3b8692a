import type { Role } from './auth/roles';
import { allows } from './auth/roles';
import { assessmentsRoutes } from './features/assessments/routes';
import { approvalsRoutes } from './features/approvals/routes';
import { auditRoutes } from './features/audit/routes';
import { dashboardsRoutes } from './features/dashboards/routes';
import { facilitiesRoutes } from './features/facilities/routes';
import { homeRoutes } from './features/home/routes';
import { indicatorsRoutes } from './features/indicators/routes';
import { methodologyRoutes } from './features/methodology/routes';
import { prisonersRoutes } from './features/prisoners/routes';
import { reviewsRoutes } from './features/reviews/routes';
import { tenantsRoutes } from './features/tenants/routes';
import type { AppRoute } from './routeTypes';

/** Every page of the signed-in app. Each feature exports its own routes; this file only joins them. */
export const appRoutes: AppRoute[] = [
  ...homeRoutes,
  ...prisonersRoutes,
  ...reviewsRoutes,

  ...assessmentsRoutes,
  ...approvalsRoutes,
  ...methodologyRoutes,
  ...facilitiesRoutes,
  ...dashboardsRoutes,
  ...auditRoutes,
  ...tenantsRoutes,
  ...indicatorsRoutes,
];

export interface NavEntry {
  to: string;
  labelKey: string;
  descriptionKey: string;
}

/** The navigation a user with these roles sees, in order. */
export function navigationFor(roles: readonly Role[], routes: readonly AppRoute[] = appRoutes): NavEntry[] {
  return routes
    .flatMap((route) => {
      const nav = route.handle?.nav;
      if (!nav || !allows(route.handle?.access ?? 'any', roles)) return [];
      return [
        {
          to: route.index ? '/' : `/${route.path ?? ''}`,
          labelKey: nav.labelKey,
          descriptionKey: nav.descriptionKey ?? `areas.${nav.labelKey.replace('nav.', '')}.description`,
          order: nav.order,
        },
      ];
    })
    .sort((a, b) => a.order - b.order)
    .map(({ to, labelKey, descriptionKey }) => ({ to, labelKey, descriptionKey }));
}
