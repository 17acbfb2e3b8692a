import type { RouteObject } from 'react-router';

import type { Access } from './auth/roles';

/** What a route of the signed-in app declares about itself (read with useMatches()). */
export interface AreaHandle {
  /** Who may open it; others see "not allowed" instead of the page. */
  access: Access;
  /** Present when the route is an entry of the navigation: its label's i18n key and its place. */
  nav?: {
    labelKey: string;
    order: number;
    /** The area's line on the home page; by default areas.<label's last part>.description. */
    descriptionKey?: string;
  };
}

export type AppRoute = RouteObject & { handle?: AreaHandle };

/** The lazy page of a route: every area is its own chunk, loaded when first opened. */
export function lazyPage(load: () => Promise<{ default: React.ComponentType }>): AppRoute['lazy'] {
  return async () => ({ Component: (await load()).default });
}
