import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { ApiError, problemMessageKey } from '../../api/problem';
import { useFormat } from '../methodology/shared/format';
import { filtersFromParams, filtersToParams, useAuditEntries, useChainVerification, type AuditFilters } from './api';

/** The auditor's view of the country's trail: filters in the address, older entries on demand, chain check. */
export default function AuditTrailPage() {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const [filters, setFilters] = useState<AuditFilters>(applied);
  const appliedKey = params.toString();
  useEffect(() => setFilters(filtersFromParams(new URLSearchParams(appliedKey))), [appliedKey]);
  const entries = useAuditEntries(applied);
  const verification = useChainVerification();
  const rows = entries.data?.pages.flatMap((page) => page.entries ?? []) ?? [];
  const field = (key: keyof AuditFilters, type = 'text') => (
    <TextInput
      type={type}
      label={t(`cycle.audit.filter.${key}`)}
      value={filters[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setFilters((f) => ({ ...f, [key]: value }));
      }}
      dir={type === 'text' ? 'ltr' : undefined}
      data-testid={`audit-filter-${key}`}
    />
  );

  return (
    <Stack gap="md">
      <Title order={1}>{t('cycle.audit.title')}</Title>
      <Card withBorder data-testid="chain-verification">
        <Group justify="space-between">
          <Text size="sm">{t('cycle.audit.verifyIntro')}</Text>
          <Button onClick={() => verification.mutate()} loading={verification.isPending} data-testid="verify-chain">
            {t('cycle.audit.verify')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {verification.data &&
            (verification.data.intact ? (
              <Alert mt="sm" color="green" variant="light" data-testid="chain-intact">
                {t('cycle.audit.intact', { checked: number(verification.data.entriesChecked ?? 0) })}
              </Alert>
            ) : (
              <Alert mt="sm" color="red" variant="light" data-testid="chain-broken">
                {t('cycle.audit.broken', {
                  seq: number(verification.data.firstBroken?.seq ?? 0),
                  reason: verification.data.firstBroken?.reason ?? '',
                })}
              </Alert>
            ))}
          {verification.error instanceof ApiError && (
            <Alert mt="sm" color="red" role="alert">
              {t(problemMessageKey(verification.error.problem))}
            </Alert>
          )}
        </div>
      </Card>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(filtersToParams(filters));
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, md: 6 }}>
          {field('action')}
          {field('entityType')}
          {field('entityId')}
          {field('actor')}
          {field('from', 'datetime-local')}
          {field('to', 'datetime-local')}
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" data-testid="audit-apply">
            {t('cycle.audit.apply')}
          </Button>
          <Button variant="default" onClick={() => setParams(new URLSearchParams())}>
            {t('cycle.audit.clear')}
          </Button>
        </Group>
      </form>
      {entries.error instanceof ApiError && (
        <Alert color="red" role="alert">
          {t(problemMessageKey(entries.error.problem))}
          {entries.error.problem.detail ? ` ${entries.error.problem.detail}` : ''}
        </Alert>
      )}
      {entries.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <>
          {rows.length === 0 && <Text size="sm">{t('cycle.audit.none')}</Text>}
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cycle.audit.seq')}</Table.Th>
                  <Table.Th>{t('cycle.audit.when')}</Table.Th>
                  <Table.Th>{t('cycle.audit.filter.actor')}</Table.Th>
                  <Table.Th>{t('cycle.audit.filter.action')}</Table.Th>
                  <Table.Th>{t('cycle.audit.filter.entityType')}</Table.Th>
                  <Table.Th>{t('cycle.audit.filter.entityId')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="audit-row">
                    <Table.Td>{number(entry.seq ?? 0)}</Table.Td>
                    <Table.Td>{date(entry.occurredAt)}</Table.Td>
                    <Table.Td dir="ltr">{entry.actorName ?? entry.actorSubject ?? '—'}</Table.Td>
                    <Table.Td dir="ltr">
                      <Code>{entry.action}</Code>
                    </Table.Td>
                    <Table.Td dir="ltr">{entry.entityType}</Table.Td>
                    <Table.Td dir="ltr">
                      <Text size="xs" ff="monospace">
                        {entry.entityId ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.hasNextPage && (
            <Button
              variant="default"
              w="fit-content"
              onClick={() => void entries.fetchNextPage()}
              loading={entries.isFetchingNextPage}
              data-testid="audit-older"
            >
              {t('cycle.audit.older')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
