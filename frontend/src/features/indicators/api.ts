import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import { saveFile, type Period } from '../dashboards/period';

export type CrossCountryIndicators = Schemas['CrossCountryIndicators'];
export type IndicatorTable = Schemas['IndicatorTable'];
export type IndicatorCell = Schemas['Cell'];

export function useIndicators(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', period.from, period.to],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/indicators', { params: { query: period }, signal })) as Promise<CrossCountryIndicators>,
  });
}

export async function downloadIndicator(api: ApiClient, table: string, period: Period) {
  const text = await unwrap(
    api.GET('/api/indicators/{table}.csv', { params: { path: { table }, query: period }, parseAs: 'text' }),
  );
  saveFile(String(text), `indicators-${table}-${period.from}-${period.to}.csv`);
}

/** What a cell shows: its number, or the word for suppressed (never 0: a hidden count is not none). */
export function cellText(cell: IndicatorCell | undefined, format: (n: number) => string, suppressed: string): string {
  if (!cell || cell.suppressed || cell.value === undefined || cell.value === null) return suppressed;
  return format(cell.value);
}

/** A cell as a chart value: a suppressed cell is a gap, never a bar of 0. */
export function cellValue(cell: IndicatorCell | undefined): number | null {
  return !cell || cell.suppressed || cell.value === undefined || cell.value === null ? null : cell.value;
}
