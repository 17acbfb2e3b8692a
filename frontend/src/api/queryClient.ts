import { QueryClient } from '@tanstack/react-query';

/** One per user (and one for the public pages): a cache never outlives the user it was filled for. */
export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
