import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { ApiError } from './problem';

/** Client errors (4xx) are answers, not accidents: asking again changes nothing. Others get one more try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * One per user (and one for the public pages): a cache never outlives the user it was filled for.
 * `onUnauthenticated` runs when the API answers 401 (the session is no longer valid): sign in again.
 */
export function newQueryClient(onUnauthenticated?: () => void) {
  const on401 = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) onUnauthenticated?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: on401 }),
    mutationCache: new MutationCache({ onError: on401 }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
