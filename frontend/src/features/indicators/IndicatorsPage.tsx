import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSearchParams } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { CsvButton } from '../dashboards/CsvButton';
import { BarChart } from '../dashboards/EChart';
import { isOrdered, periodFromParams, type Period } from '../dashboards/period';
import { PeriodPicker } from '../dashboards/PeriodPicker';
import { useFormat } from '../methodology/shared/format';
import {
  cellText,
  cellValue,
  downloadIndicator,
  useIndicators,
  type CrossCountryIndicators,
  type IndicatorTable,
} from './api';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

/** Tables whose first key is drawn as a chart (one series per country). */
const CHARTED = new Set(['population-by-risk-level', 'population-by-category']);

/** The cross-country indicators: per country and in total, risk levels on the common scale, small cells suppressed. */
export default function IndicatorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const indicators = useIndicators(period);
  const setPeriod = (next: Period) => {
    if (isOrdered(next)) setParams({ from: next.from, to: next.to }, { replace: true });
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('dashboards.indicators.title')}</Title>
      <PeriodPicker period={period} onChange={setPeriod} />
      {indicators.data && (
        <Text size="sm" c="dimmed">
          {t('dashboards.indicators.suppression', { count: indicators.data.minCellSize ?? 10 })}
        </Text>
      )}
      <ApiErrorAlert error={indicators.error} />
      {indicators.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        indicators.data && (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {(indicators.data.tables ?? []).map((table) => (
              <IndicatorCard key={table.name} indicators={indicators.data} table={table} period={period} />
            ))}
          </SimpleGrid>
        )
      )}
    </Stack>
  );
}

/** A row key's part as the user reads it: a level, measure, state or kind translated; a code as it is. */
function dimensionText(t: TFunction, part: string, dimension: string): string {
  if (part === '') return t('dashboards.none');
  if (dimension === 'commonLevel' || dimension === 'measure' || dimension === 'state' || dimension === 'kind') {
    return t(`dashboards.${dimension}.${part}`, { defaultValue: part });
  }
  if (dimension === 'status') return t(`dashboards.referralStatus.${part}`, { defaultValue: part });
  return part;
}

function IndicatorCard({
  indicators,
  table,
  period,
}: {
  indicators: CrossCountryIndicators;
  table: IndicatorTable;
  period: Period;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { number, text } = useFormat();
  const name = table.name ?? '';
  const tenants = indicators.tenants ?? [];
  const suppressed = t('dashboards.suppressed');
  const keyText = (part: string, dimension: string) => dimensionText(t, part, dimension);
  const rows = table.rows ?? [];
  const dimensions = table.dimensions ?? [];
  const chart = useMemo(
    () => ({
      categories: (table.rows ?? []).map((row) => dimensionText(t, row.key?.[0] ?? '', table.dimensions?.[0] ?? '')),
      series: (indicators.tenants ?? []).map((tenant, i) => ({
        name: tenant.code ?? '',
        values: (table.rows ?? []).map((row) => cellValue(row.cells?.[i])),
      })),
    }),
    [table, indicators, t],
  );
  return (
    <Card withBorder padding="md" data-testid={`indicator-${name}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t(`dashboards.indicators.table.${name}`, { defaultValue: name })}
        </Title>
        <CsvButton download={() => downloadIndicator(api, name, period)} testId={`csv-${name}`} />
      </Group>
      {CHARTED.has(name) && <BarChart data={chart} testId={`chart-${name}`} />}
      <Table.ScrollContainer minWidth={400} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {dimensions.map((dimension) => (
                <Table.Th key={dimension}>{t(`dashboards.column.${dimension}`, { defaultValue: dimension })}</Table.Th>
              ))}
              {tenants.map((tenant) => (
                <Table.Th key={tenant.code} title={text(tenant.name, tenant.code).text}>
                  {tenant.code}
                </Table.Th>
              ))}
              <Table.Th>{t('dashboards.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={(row.key ?? []).join('/')}>
                {(row.key ?? []).map((part, i) => (
                  <Table.Td key={i}>{keyText(part, dimensions[i] ?? '')}</Table.Td>
                ))}
                {(row.cells ?? []).map((cell, i) => (
                  <Table.Td key={i} data-suppressed={cell.suppressed ? 'true' : undefined}>
                    {cellText(cell, number, suppressed)}
                  </Table.Td>
                ))}
                <Table.Td data-suppressed={row.total?.suppressed ? 'true' : undefined}>
                  {cellText(row.total, number, suppressed)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
