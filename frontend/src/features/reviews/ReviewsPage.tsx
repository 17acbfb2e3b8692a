import { Anchor, Badge, Card, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ApiError } from '../../api/problem';
import { useNames } from '../prisoners/lookups';
import { toPrisoner } from '../prisoners/routes';
import { REVIEW_PAGE_SIZE, useDueCounts, useDueReviews, usePreRelease, type DueCounts } from './api';
import { useCycleCalendar } from './calendar';
import { ListPages } from '../../shell/ListPages';
import { ProblemNotice } from '../../shell/ProblemNotice';

/**
 * Reviews to do: due and overdue classification reviews with counts per facility, and the prisoners close to
 * release who need a pre-release assessment. The facility filter stands in the address, so the view can be shared.
 */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') ?? '';
  const { facilities, facilityName } = useNames();
  const counts = useDueCounts();
  const chooseFacility = (id: string) => setParams(id ? new URLSearchParams({ facility: id }) : new URLSearchParams());
  return (
    <Stack gap="lg" data-testid="reviews-page">
      <Title order={1}>{t('reviews.title')}</Title>
      <Select
        label={t('reviews.facility')}
        placeholder={t('reviews.allFacilities')}
        clearable
        maw={360}
        data={facilities.map((f) => ({ value: f.id ?? '', label: facilityName(f.id) }))}
        value={facilityId || null}
        onChange={(value) => chooseFacility(value ?? '')}
        data-testid="reviews-facility"
      />
      {counts.error instanceof ApiError && <ProblemNotice problem={counts.error.problem} />}
      {counts.data && (
        <CountsTable counts={counts.data} facilityName={facilityName} onChoose={chooseFacility} chosen={facilityId} />
      )}
      <DueList facilityId={facilityId} key={`due-${facilityId}`} />
      <PreReleaseList facilityId={facilityId} key={`pre-${facilityId}`} />
    </Stack>
  );
}

function CountsTable({
  counts,
  facilityName,
  onChoose,
  chosen,
}: {
  counts: DueCounts;
  facilityName: (id: string | undefined) => string;
  onChoose: (facilityId: string) => void;
  chosen: string;
}) {
  const { t } = useTranslation();
  const { day, number } = useCycleCalendar();
  return (
    <Card withBorder component="section" aria-labelledby="review-counts-title">
      <Title order={2} size="h4" id="review-counts-title" mb="xs">
        {t('reviews.counts.title', { day: day(counts.on) })}
      </Title>
      <Table data-testid="review-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reviews.facility')}</Table.Th>
            <Table.Th ta="end">{t('reviews.counts.due')}</Table.Th>
            <Table.Th ta="end">{t('reviews.counts.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(counts.facilities ?? []).map((f) => (
            <Table.Tr key={f.facilityId} data-testid="review-count" data-facility={f.facilityCode}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => onChoose(f.facilityId ?? '')}
                  aria-pressed={chosen === f.facilityId}
                  fw={chosen === f.facilityId ? 700 : undefined}
                >
                  {facilityName(f.facilityId)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="end">{number(f.due)}</Table.Td>
              <Table.Td ta="end">{number(f.overdue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="review-count-total">
            <Table.Th>{t('reviews.counts.country')}</Table.Th>
            <Table.Th ta="end">{number(counts.due)}</Table.Th>
            <Table.Th ta="end">{number(counts.overdue)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Card>
  );
}

function DueList({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const due = useDueReviews({ facilityId, page });
  const { day, number } = useCycleCalendar();
  const { facilityName, categoryName } = useNames();
  return (
    <Card withBorder component="section" aria-labelledby="due-reviews-title">
      <Title order={2} size="h4" id="due-reviews-title" mb="xs">
        {t('reviews.due.title')}
      </Title>
      {due.error instanceof ApiError && <ProblemNotice problem={due.error.problem} />}
      {due.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {due.data && (
        <Text size="sm" c="dimmed" role="status" mb="xs">
          {t('reviews.due.total', { total: number(due.data.total ?? 0), day: day(due.data.on) })}
        </Text>
      )}
      {(due.data?.items ?? []).length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="due-reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cycle.prisoner.name')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.number')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.facility')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.category')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.nextReview')}</Table.Th>
                <Table.Th>{t('reviews.due.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(due.data?.items ?? []).map((r) => (
                <Table.Tr key={r.prisonerId} data-testid="due-review" data-number={r.number} data-status={r.status}>
                  <Table.Td>
                    <Anchor component={Link} to={toPrisoner(r.prisonerId ?? '')}>
                      {r.familyName}, {r.givenNames}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{r.number}</Table.Td>
                  <Table.Td>{facilityName(r.facilityId)}</Table.Td>
                  <Table.Td>{categoryName(r.currentCategory)}</Table.Td>
                  <Table.Td>{day(r.nextReviewOn)}</Table.Td>
                  <Table.Td>
                    {r.status === 'OVERDUE' ? (
                      <Badge color="red" variant="light">
                        {t('reviews.state.overdue', { days: number(r.daysOverdue ?? 0) })}
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light">
                        {t('reviews.state.due')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPages total={due.data?.total ?? 0} pageSize={REVIEW_PAGE_SIZE} page={page} onChange={setPage} />
    </Card>
  );
}

function PreReleaseList({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const list = usePreRelease({ facilityId, page });
  const { day, number } = useCycleCalendar();
  const { facilityName } = useNames();
  return (
    <Card withBorder component="section" aria-labelledby="pre-release-title">
      <Title order={2} size="h4" id="pre-release-title" mb="xs">
        {t('reviews.preRelease.title')}
      </Title>
      {list.error instanceof ApiError && <ProblemNotice problem={list.error.problem} />}
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.data && (
        <Text size="sm" c="dimmed" role="status" mb="xs">
          {t('reviews.preRelease.explain', {
            months: number(list.data.months ?? 0),
            total: number(list.data.total ?? 0),
          })}
        </Text>
      )}
      {(list.data?.items ?? []).length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="pre-release">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cycle.prisoner.name')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.number')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.facility')}</Table.Th>
                <Table.Th>{t('cycle.prisoner.expectedRelease')}</Table.Th>
                <Table.Th ta="end">{t('reviews.preRelease.daysToRelease')}</Table.Th>
                <Table.Th>{t('reviews.preRelease.windowOpened')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((r) => (
                <Table.Tr key={r.prisonerId} data-testid="pre-release-row" data-number={r.number}>
                  <Table.Td>
                    <Anchor component={Link} to={toPrisoner(r.prisonerId ?? '')}>
                      {r.familyName}, {r.givenNames}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{r.number}</Table.Td>
                  <Table.Td>{facilityName(r.facilityId)}</Table.Td>
                  <Table.Td>{day(r.expectedRelease)}</Table.Td>
                  <Table.Td ta="end">{number(r.daysToRelease)}</Table.Td>
                  <Table.Td>{day(r.windowOpenedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPages total={list.data?.total ?? 0} pageSize={REVIEW_PAGE_SIZE} page={page} onChange={setPage} />
    </Card>
  );
}
