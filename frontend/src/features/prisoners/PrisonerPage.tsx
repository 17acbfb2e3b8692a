import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ApiError, problemMessageKey } from '../../api/problem';
import { PrisonerAssessments } from '../assessments/PrisonerAssessments';
import { useOffences } from '../methodology/catalogue/api';
import { useFormat } from '../methodology/shared/format';
import { usePrisoner } from './api';
import { ReferralsPanel } from '../reviews/ReferralsPanel';
import { ReviewDueBadge } from '../reviews/ReviewDueBadge';
import { ReviewTriggersPanel } from '../reviews/ReviewTriggersPanel';
import { ClassificationPanel } from './ClassificationPanel';
import { useDates, useNames } from './lookups';
import { toEditPrisoner, toPrisoners, type PrisonerParams } from './routes';

/** The case file: who, under what sentence and for which offences, where, how classified, and the decisions. */
export default function PrisonerPage() {
  const { t } = useTranslation();
  const { prisonerId = '' } = useParams<PrisonerParams>();
  const query = usePrisoner(prisonerId);
  const { day, number } = useDates();
  const { text } = useFormat();
  const { facilityName, categoryName } = useNames();
  const offences = useOffences().data?.entries ?? [];

  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.error)
    return (
      <Alert color="red" role="alert" data-testid="prisoner-error">
        {query.error instanceof ApiError ? t(problemMessageKey(query.error.problem)) : query.error.message}
      </Alert>
    );
  const p = query.data;
  const s = p.sentence;
  const released = p.legalStatus === 'RELEASED';
  return (
    <Stack gap="md" data-testid="prisoner-page">
      <Group justify="space-between">
        <div>
          <Text size="sm" c="dimmed">
            <Link to={toPrisoners()}>{t('cycle.register.title')}</Link>
          </Text>
          <Title order={1} data-testid="prisoner-name">
            {p.familyName}, {p.givenNames}
          </Title>
          <Text dir="ltr" c="dimmed" component="span" data-testid="prisoner-number">
            {p.number}
          </Text>
        </div>
        <Button component={Link} to={toEditPrisoner(prisonerId)} variant="default" data-testid="edit-prisoner">
          {t('cycle.prisoner.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('cycle.prisoner.classification')}
          </Title>
          <Facts>
            <Fact label={t('cycle.prisoner.category')} testId="current-category">
              {categoryName(p.currentCategory)}
            </Fact>
            <Fact label={t('cycle.prisoner.nextReview')} testId="next-review">
              {day(p.nextReviewOn)}
              {p.legalStatus !== 'RELEASED' && (
                <>
                  {' '}
                  <ReviewDueBadge nextReviewOn={p.nextReviewOn} />
                </>
              )}
            </Fact>
            <Fact label={t('cycle.prisoner.facility')}>
              {facilityName(p.facilityId)}
              {p.transferNeeded && (
                <Badge ms="xs" color="orange" variant="light" data-testid="transfer-needed">
                  {t('cycle.prisoner.transferNeeded')}
                </Badge>
              )}
            </Fact>
          </Facts>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('cycle.prisoner.identity')}
          </Title>
          <Facts>
            <Fact label={t('cycle.prisoner.dateOfBirth')}>{day(p.dateOfBirth)}</Fact>
            <Fact label={t('cycle.prisoner.sex')}>{p.sex ? t(`cycle.sex.${p.sex}`) : '—'}</Fact>
            <Fact label={t('cycle.prisoner.citizenship')}>{p.citizenship}</Fact>
            <Fact label={t('cycle.prisoner.legalStatus')}>
              {p.legalStatus ? t(`cycle.legalStatus.${p.legalStatus}`) : '—'}
            </Fact>
            <Fact label={t('cycle.prisoner.admittedOn')}>{day(p.admittedOn)}</Fact>
          </Facts>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('cycle.prisoner.sentence')}
          </Title>
          {s ? (
            <Facts>
              <Fact label={t('cycle.prisoner.sentenceStart')}>{day(s.start)}</Fact>
              <Fact label={t('cycle.prisoner.lengthMonths')}>
                {s.life ? t('cycle.prisoner.life') : s.lengthMonths != null ? number(s.lengthMonths) : '—'}
              </Fact>
              <Fact label={t('cycle.prisoner.expectedRelease')}>{day(s.expectedRelease)}</Fact>
              <Fact label={t('cycle.prisoner.courtRegime')} testId="court-regime">
                {categoryName(s.courtRegime)}
              </Fact>
            </Facts>
          ) : (
            <Text size="sm">{t('cycle.prisoner.noSentence')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('cycle.prisoner.offences')}
        </Title>
        {(p.offences ?? []).length === 0 ? (
          <Text size="sm">{t('cycle.prisoner.noOffences')}</Text>
        ) : (
          <Group gap="xs">
            {(p.offences ?? []).map((code) => {
              const offence = offences.find((o) => o.code === code);
              return (
                <Badge key={code} variant="light" tt="none">
                  {code}
                  {offence ? ` · ${text(offence.name, code).text}` : ''}
                </Badge>
              );
            })}
          </Group>
        )}
        <Title order={3} size="h5" mt="sm" mb="xs">
          {t('cycle.prisoner.flags')}
        </Title>
        {(p.flags ?? []).length === 0 ? (
          <Text size="sm">{t('cycle.prisoner.noFlags')}</Text>
        ) : (
          <Group gap="xs">
            {(p.flags ?? []).map((flag) => (
              <Badge key={flag} color="grape" variant="light" dir="ltr">
                {flag}
              </Badge>
            ))}
          </Group>
        )}
      </Card>
      <PrisonerAssessments prisonerId={prisonerId} />
      <ClassificationPanel prisoner={p} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReviewTriggersPanel prisonerId={prisonerId} released={released} />
        <ReferralsPanel prisonerId={prisonerId} released={released} />
      </SimpleGrid>
    </Stack>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <Stack gap={6} component="dl" m={0}>
      {children}
    </Stack>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
