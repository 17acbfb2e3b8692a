import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import { saveFile, type Period } from './period';

export type NationalDashboard = Schemas['NationalDashboard'];

/** The dashboard's sections, each downloadable as CSV under this name. */
export const DASHBOARD_SECTIONS = [
  'population-by-category',
  'population-by-risk-level',
  'classifications',
  'pending-approvals',
  'reviews',
  'referrals',
  'admission-to-classification',
] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export function useNationalDashboard(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['dashboards', 'national', period.from, period.to],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/dashboards/national', { params: { query: period }, signal })) as Promise<NationalDashboard>,
  });
}

/** Downloads one section as the server writes it. */
export async function downloadSection(api: ApiClient, section: DashboardSection, period: Period) {
  const text = await unwrap(
    api.GET('/api/dashboards/national/{section}.csv', {
      params: { path: { section }, query: period },
      parseAs: 'text',
    }),
  );
  saveFile(String(text), `${section}-${period.from}-${period.to}.csv`);
}
