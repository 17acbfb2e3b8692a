import { useInfiniteQuery, useMutation } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type Schemas } from '../../api/client';

export type AuditEntry = Schemas['AuditEntryView'];
export type AuditPage = Schemas['AuditPage'];
export type ChainVerification = Schemas['ChainVerification'];

export const AUDIT_PAGE_SIZE = 50;

/** The trail's filters as the address bar keeps them. `from`/`to` are local date-times as the inputs hold them. */
export interface AuditFilters {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', entityType: '', entityId: '', actor: '', from: '', to: '' };
const KEYS = Object.keys(NO_FILTERS) as (keyof AuditFilters)[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters = { ...NO_FILTERS };
  for (const key of KEYS) filters[key] = params.get(key)?.trim() ?? '';
  if (filters.entityId && !UUID.test(filters.entityId)) filters.entityId = '';
  if (filters.from && !LOCAL_TIME.test(filters.from)) filters.from = '';
  if (filters.to && !LOCAL_TIME.test(filters.to)) filters.to = '';
  return filters;
}

export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  return params;
}

/**
 * The API's query: the local date-times become instants (the API wants ISO-8601 with a zone), keyset paging by the
 * sequence number of the last entry seen.
 */
export function filtersToQuery(filters: AuditFilters, beforeSeq?: number) {
  const instant = (local: string) => new Date(local).toISOString();
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.from ? { from: instant(filters.from) } : {}),
    ...(filters.to ? { to: instant(filters.to) } : {}),
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    limit: AUDIT_PAGE_SIZE,
  };
}

// The snapshot documents only these operations' errors, so their answers are typed here.

export function useAuditEntries(filters: AuditFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['audit', 'entries', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (await unwrap(
        api.GET('/api/audit/entries', { params: { query: filtersToQuery(filters, pageParam) }, signal }),
      )) as unknown as AuditPage,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
}

export function useChainVerification() {
  const api = useApi();
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/audit/verification', {}))) as unknown as ChainVerification,
  });
}
