import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { useFormat } from '../methodology/shared/format';
import { useNames } from '../prisoners/lookups';
import { downloadSection, useNationalDashboard, type DashboardSection, type NationalDashboard } from './api';
import { CsvButton } from './CsvButton';
import { BarChart } from './EChart';
import { isOrdered, periodFromParams, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

/** The country's dashboard: charts with the table of the same figures beside each, a period, CSV per section. */
export default function NationalDashboardsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const dashboard = useNationalDashboard(period);
  const setPeriod = (next: Period) => {
    if (isOrdered(next)) setParams({ from: next.from, to: next.to }, { replace: true });
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('dashboards.national.title')}</Title>
      <PeriodPicker period={period} onChange={setPeriod} />
      <ApiErrorAlert error={dashboard.error} />
      {dashboard.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        dashboard.data && <Sections dashboard={dashboard.data} period={period} />
      )}
    </Stack>
  );
}

function Section({
  title,
  section,
  period,
  children,
}: {
  title: string;
  section: DashboardSection;
  period: Period;
  children: ReactNode;
}) {
  const api = useApi();
  return (
    <Card withBorder padding="md" data-testid={`dashboard-${section}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <CsvButton download={() => downloadSection(api, section, period)} testId={`csv-${section}`} />
      </Group>
      {children}
    </Card>
  );
}

function Sections({ dashboard, period }: { dashboard: NationalDashboard; period: Period }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { categoryName } = useNames();
  const none = t('dashboards.none');
  const months = useMemo(() => dashboard.classifications ?? [], [dashboard]);
  const classificationChart = useMemo(
    () => ({
      categories: months.map((m) => m.month ?? ''),
      series: [
        { name: t('dashboards.measure.accepted'), values: months.map((m) => (m.approved ?? 0) - (m.overridden ?? 0)) },
        { name: t('dashboards.measure.up'), values: months.map((m) => m.up ?? 0) },
        { name: t('dashboards.measure.down'), values: months.map((m) => m.down ?? 0) },
      ],
    }),
    [months, t],
  );
  const byCategory = useMemo(() => dashboard.populationByCategory ?? [], [dashboard]);
  const categoryChart = useMemo(
    () => ({
      categories: byCategory.map((c) => (c.category ? categoryName(c.category) : none)),
      series: [{ name: t('dashboards.measure.people'), values: byCategory.map((c) => c.people ?? 0) }],
    }),
    [byCategory, categoryName, none, t],
  );
  const percent = (rate: number | undefined) =>
    rate === undefined || rate === null ? '—' : `${number(Math.round(rate * 1000) / 10)} %`;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Section title={t('dashboards.national.populationByCategory')} section="population-by-category" period={period}>
        <BarChart data={categoryChart} testId="chart-population-by-category" />
        <SimpleTable
          head={[t('dashboards.column.category'), t('dashboards.measure.people')]}
          rows={byCategory.map((c) => [c.category ? categoryName(c.category) : none, number(c.people)])}
        />
      </Section>
      <Section
        title={t('dashboards.national.populationByRiskLevel')}
        section="population-by-risk-level"
        period={period}
      >
        <SimpleTable
          head={[t('dashboards.column.riskLevel'), t('dashboards.column.commonLevel'), t('dashboards.measure.people')]}
          rows={(dashboard.populationByRiskLevel ?? []).map((r) => [
            r.level ?? none,
            r.commonLevel ? t(`dashboards.commonLevel.${r.commonLevel}`) : '—',
            number(r.people),
          ])}
        />
      </Section>
      <Section title={t('dashboards.national.classifications')} section="classifications" period={period}>
        <BarChart data={classificationChart} stacked testId="chart-classifications" />
        <SimpleTable
          head={[
            t('dashboards.column.month'),
            t('dashboards.measure.approved'),
            t('dashboards.measure.overridden'),
            t('dashboards.measure.up'),
            t('dashboards.measure.down'),
            t('dashboards.measure.overrideRate'),
          ]}
          rows={months.map((m) => [
            m.month ?? '',
            number(m.approved),
            number(m.overridden),
            number(m.up),
            number(m.down),
            percent(m.overrideRate),
          ])}
        />
      </Section>
      <Section title={t('dashboards.national.pendingApprovals')} section="pending-approvals" period={period}>
        <SimpleTable
          head={[t('dashboards.kind.ASSESSMENT'), t('dashboards.kind.CLASSIFICATION')]}
          rows={[
            [number(dashboard.pendingApprovals?.assessments), number(dashboard.pendingApprovals?.classifications)],
          ]}
        />
      </Section>
      <Section title={t('dashboards.national.reviews')} section="reviews" period={period}>
        <SimpleTable
          head={[t('dashboards.state.DUE'), t('dashboards.state.OVERDUE')]}
          rows={[[number(dashboard.reviews?.due), number(dashboard.reviews?.overdue)]]}
        />
        <Text size="sm" c="dimmed">
          {t('dashboards.national.dueUntil', { until: dashboard.reviews?.dueUntil ?? '' })}
        </Text>
      </Section>
      <Section title={t('dashboards.national.referrals')} section="referrals" period={period}>
        <SimpleTable
          head={[t('dashboards.column.programme'), t('dashboards.column.status'), t('dashboards.measure.referrals')]}
          rows={(dashboard.referrals ?? []).map((r) => [
            r.programmeCode ?? '',
            t(`dashboards.referralStatus.${r.status ?? 'PROPOSED'}`),
            number(r.referrals),
          ])}
        />
      </Section>
      <Section
        title={t('dashboards.national.admissionToClassification')}
        section="admission-to-classification"
        period={period}
      >
        <SimpleTable
          head={[t('dashboards.measure.people'), t('dashboards.measure.medianDays')]}
          rows={[
            [
              number(dashboard.admissionToClassification?.people),
              number(dashboard.admissionToClassification?.medianDays),
            ],
          ]}
        />
      </Section>
    </SimpleGrid>
  );
}

/** A plain table of figures; the first row is the head. */
export function SimpleTable({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  return (
    <Table.ScrollContainer minWidth={300} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {head.map((cell) => (
              <Table.Th key={cell}>{cell}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) => (
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
