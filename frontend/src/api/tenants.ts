import { useQuery } from '@tanstack/react-query';

import { useApi } from './ApiContext';
import { unwrap, type Schemas } from './client';

export type PublicTenant = Schemas['PublicTenantView'];

export const publicTenantsKey = ['public', 'tenants'] as const;

/** GET /api/public/tenants: the countries whose users can sign in, with their login realm's issuer. */
export function usePublicTenants() {
  const api = useApi();
  return useQuery({
    queryKey: publicTenantsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/public/tenants', { signal })),
    staleTime: 5 * 60_000,
  });
}
