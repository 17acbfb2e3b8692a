import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../../api/client';

export type RiskScale = Schemas['RiskScale'];
export type RiskLevel = Schemas['RiskLevel'];
export type CommonLevel = RiskLevel['commonLevel'];
export const COMMON_LEVELS: readonly CommonLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

export const riskLevelsKey = ['methodology', 'risk-levels'] as const;

export function fetchRiskLevels(api: ApiClient, signal?: AbortSignal): Promise<RiskScale> {
  return unwrap(api.GET('/api/methodology/risk-levels', { signal }));
}

/** The country's risk levels, lowest first: the levels bands, ratings and judgements may use. */
export function useRiskLevels() {
  const api = useApi();
  return useQuery({ queryKey: riskLevelsKey, queryFn: ({ signal }) => fetchRiskLevels(api, signal) });
}

export async function saveRiskLevels(api: ApiClient, levels: RiskLevel[], version: number): Promise<RiskScale> {
  return unwrap(api.PUT('/api/methodology/risk-levels', { body: { levels, version } }));
}
