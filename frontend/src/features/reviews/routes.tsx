import { lazyPage, type AppRoute } from '../../routeTypes';

/** Builds the link to this area; no URL is assembled by hand elsewhere. */
export const toReviews = (facilityId?: string) =>
  facilityId ? `/reviews?${new URLSearchParams({ facility: facilityId }).toString()}` : '/reviews';

export const reviewsRoutes: AppRoute[] = [
  {
    path: 'reviews',
    lazy: lazyPage(() => import('./ReviewsPage')),
    handle: {
      access: ['ASSESSOR', 'SUPERVISOR'],
      nav: { labelKey: 'reviews.nav', order: 15, descriptionKey: 'reviews.description' },
    },
  },
];
