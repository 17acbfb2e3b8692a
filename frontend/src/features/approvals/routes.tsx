import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toApprovals = () => '/approvals';

export const approvalsRoutes: AppRoute[] = [
  {
    path: 'approvals',
    lazy: lazyPage(() => import('./ApprovalInboxPage')),
    handle: { access: ['SUPERVISOR'], nav: { labelKey: 'nav.approvals', order: 20 } },
  },
];
