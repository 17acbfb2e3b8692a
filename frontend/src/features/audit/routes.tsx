import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toAuditTrail = () => '/audit';

export const auditRoutes: AppRoute[] = [
  {
    path: 'audit',
    lazy: lazyPage(() => import('./AuditTrailPage')),
    handle: { access: ['AUDITOR'], nav: { labelKey: 'nav.audit', order: 50 } },
  },
];
