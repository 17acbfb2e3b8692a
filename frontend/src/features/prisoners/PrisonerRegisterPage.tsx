import { Badge, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useFormat } from '../methodology/shared/format';
import {
  LEGAL_STATUSES,
  PAGE_SIZE,
  searchFromParams,
  searchToParams,
  usePrisonerSearch,
  type RegisterSearch,
} from './api';
import { ListPages } from '../../shell/ListPages';
import { useDates, useNames } from './lookups';
import { toNewPrisoner, toPrisoner } from './routes';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

/** The prisoner register: search by text, filter, page through; the search lives in the address. */
export default function PrisonerRegisterPage() {
  const { t } = useTranslation();
  const { number, day } = useDates();
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const [text, setText] = useState(search.text);
  const { facilities, categories, facilityName, categoryName } = useNames();
  const { text: shown } = useFormat();
  const query = usePrisonerSearch(search);

  // The text box follows the address (back/forward), and is applied after a pause in typing.
  useEffect(() => setText(search.text), [search.text]);
  const apply = (change: Partial<RegisterSearch>) =>
    setParams(searchToParams({ ...search, page: 0, ...change }), { replace: false });
  useEffect(() => {
    if (text === search.text) return;
    const timer = setTimeout(() => apply({ text }), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const page = query.data;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('cycle.register.title')}</Title>
        <Button component={Link} to={toNewPrisoner()} data-testid="register-prisoner">
          {t('cycle.register.new')}
        </Button>
      </Group>
      <SimpleGrid
        cols={{ base: 1, sm: 2, md: 5 }}
        component="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ text });
        }}
      >
        <TextInput
          label={t('cycle.register.search')}
          description={t('cycle.register.searchHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="register-search"
        />
        <Select
          label={t('cycle.prisoner.facility')}
          clearable
          data={facilities.map((f) => ({ value: f.id ?? '', label: shown(f.name, f.code ?? '').text }))}
          value={search.facilityId || null}
          onChange={(value) => apply({ facilityId: value ?? '' })}
        />
        <Select
          label={t('cycle.prisoner.category')}
          clearable
          data={categories.map((c) => ({ value: c.code ?? '', label: categoryName(c.code) }))}
          value={search.category || null}
          onChange={(value) => apply({ category: value ?? '' })}
        />
        <TextInput
          type="date"
          label={t('cycle.register.reviewDueBy')}
          value={search.reviewDueBy}
          onChange={(e) => apply({ reviewDueBy: e.currentTarget.value })}
        />
        <Select
          label={t('cycle.prisoner.legalStatus')}
          clearable
          data={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`cycle.legalStatus.${s}`) }))}
          value={search.legalStatus || null}
          onChange={(value) => apply({ legalStatus: (value ?? '') as RegisterSearch['legalStatus'] })}
        />
      </SimpleGrid>
      <ApiErrorAlert error={query.error} />
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : page ? (
        <>
          <Text size="sm" c="dimmed" role="status" data-testid="register-total">
            {t('cycle.register.total', { total: number(page.total ?? 0) })}
          </Text>
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover data-testid="register-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cycle.prisoner.number')}</Table.Th>
                  <Table.Th>{t('cycle.prisoner.name')}</Table.Th>
                  <Table.Th>{t('cycle.prisoner.facility')}</Table.Th>
                  <Table.Th>{t('cycle.prisoner.legalStatus')}</Table.Th>
                  <Table.Th>{t('cycle.prisoner.category')}</Table.Th>
                  <Table.Th>{t('cycle.prisoner.nextReview')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(page.items ?? []).map((p) => (
                  <Table.Tr key={p.id} data-testid="register-row">
                    <Table.Td dir="ltr">
                      <Link to={toPrisoner(p.id ?? '')}>{p.number}</Link>
                    </Table.Td>
                    <Table.Td>
                      {p.familyName}, {p.givenNames}
                    </Table.Td>
                    <Table.Td>
                      {facilityName(p.facilityId)}
                      {p.transferNeeded && (
                        <Badge ms="xs" color="orange" variant="light">
                          {t('cycle.prisoner.transferNeeded')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{p.legalStatus ? t(`cycle.legalStatus.${p.legalStatus}`) : '—'}</Table.Td>
                    <Table.Td>{categoryName(p.currentCategory)}</Table.Td>
                    <Table.Td>{day(p.nextReviewOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPages
            total={page.total ?? 0}
            pageSize={PAGE_SIZE}
            page={search.page}
            onChange={(n) => setParams(searchToParams({ ...search, page: n }))}
          />
        </>
      ) : null}
    </Stack>
  );
}
