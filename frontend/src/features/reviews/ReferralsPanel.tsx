import { Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, type Problem } from '../../api/problem';
import { useProgrammes } from '../methodology/catalogue/api';
import { useFormat } from '../methodology/shared/format';
import { prisonerKey } from '../prisoners/api';
import {
  changeReferral,
  proposeReferrals,
  REFERRAL_STEPS,
  referralsKey,
  reviewsKey,
  triggersKey,
  useReferrals,
  type ProposalOutcome,
  type Referral,
  type ReferralStatus,
} from './api';
import { useCycleCalendar } from './calendar';
import { fieldMessage, ProblemNotice } from '../../shell/ProblemNotice';

const STATUS_COLORS: Record<ReferralStatus, string> = {
  PROPOSED: 'blue',
  REFERRED: 'teal',
  STARTED: 'yellow',
  COMPLETED: 'green',
  DECLINED: 'gray',
  DROPPED: 'red',
};

/** Steps that say why: a decline needs a reason (the server refuses one without), a drop may give one. */
const WITH_REASON: readonly ReferralStatus[] = ['DECLINED', 'DROPPED'];

/** The programme's name in the user's language (the code when the catalogue no longer has it). */
function useProgrammeName() {
  const { text } = useFormat();
  const programmes = useProgrammes().data?.entries ?? [];
  return (code: string | undefined) => {
    const programme = programmes.find((p) => p.code === code);
    return programme ? text(programme.name, code).text : (code ?? '—');
  };
}

/** Programme referrals: proposed from the needs of approved assessments, then accepted or declined and tracked. */
export function ReferralsPanel({ prisonerId, released }: { prisonerId: string; released: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const referrals = useReferrals(prisonerId);
  const programmeName = useProgrammeName();
  const [outcomes, setOutcomes] = useState<ProposalOutcome[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const propose = useMutation({
    mutationFn: () => proposeReferrals(api, prisonerId),
    onMutate: () => setProblem(null),
    onSuccess: async (result) => {
      setOutcomes(result);
      await queryClient.invalidateQueries({ queryKey: referralsKey(prisonerId) });
    },
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  return (
    <Card withBorder data-testid="referrals">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('reviews.referrals.title')}
        </Title>
        {!released && (
          <Button
            variant="light"
            onClick={() => propose.mutate()}
            loading={propose.isPending}
            data-testid="propose-referrals"
          >
            {t('reviews.referrals.propose')}
          </Button>
        )}
      </Group>
      {problem && <ProblemNotice problem={problem} />}
      {referrals.error instanceof ApiError && <ProblemNotice problem={referrals.error.problem} />}
      {outcomes && (
        <Stack gap={2} mb="sm" role="status" data-testid="proposal-outcomes">
          {outcomes.length === 0 ? (
            <Text size="sm">{t('reviews.referrals.noNeeds')}</Text>
          ) : (
            outcomes.map((o) => (
              <Text size="sm" key={o.programmeCode} data-testid="proposal-outcome" data-outcome={o.outcome}>
                {t(`reviews.outcome.${o.outcome ?? 'NOT_ELIGIBLE'}`, {
                  programme: programmeName(o.programmeCode),
                  need: o.need ?? '—',
                })}
              </Text>
            ))
          )}
        </Stack>
      )}
      {referrals.data?.length === 0 && <Text size="sm">{t('reviews.referrals.none')}</Text>}
      <Stack gap="sm">
        {(referrals.data ?? []).map((referral) => (
          <ReferralCard key={referral.id} referral={referral} name={programmeName(referral.programmeCode)} />
        ))}
      </Stack>
    </Card>
  );
}

function ReferralCard({ referral, name }: { referral: Referral; name: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { instant } = useCycleCalendar();
  const prisonerId = referral.prisonerId ?? '';
  const status = referral.status ?? 'PROPOSED';
  const [step, setStep] = useState<ReferralStatus | null>(null);
  const [reason, setReason] = useState('');
  const [triggerReview, setTriggerReview] = useState(true);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const change = useMutation({
    mutationFn: (to: ReferralStatus) =>
      changeReferral(api, referral, { status: to, reason, triggerReview: to === 'COMPLETED' && triggerReview }),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      setStep(null);
      setReason('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referralsKey(prisonerId) }),
        queryClient.invalidateQueries({ queryKey: triggersKey(prisonerId) }),
        queryClient.invalidateQueries({ queryKey: prisonerKey(prisonerId), exact: true }),
        queryClient.invalidateQueries({ queryKey: reviewsKey }),
      ]);
    },
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const confirm = (to: ReferralStatus) => {
    if (to === 'DECLINED' && !reason.trim()) setReasonMissing(true);
    else change.mutate(to);
  };
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="referral"
      data-programme={referral.programmeCode}
      data-status={status}
      data-updated-by={referral.updatedByName}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{name}</Text>
          <Text size="xs" c="dimmed">
            {t('reviews.referrals.need', { need: referral.need ?? '—' })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reviews.referrals.updated', { who: referral.updatedByName ?? '—', when: instant(referral.updatedAt) })}
          </Text>
          {referral.reason && <Text size="sm">{t('reviews.referrals.reasonShown', { reason: referral.reason })}</Text>}
        </div>
        <Badge color={STATUS_COLORS[status]} variant="light" style={{ flexShrink: 0 }} data-testid="referral-status">
          {t(`reviews.referralStatus.${status}`)}
        </Badge>
      </Group>
      {problem && <ProblemNotice problem={problem} shownFields={['reason']} />}
      {step ? (
        <Stack gap="xs" mt="sm">
          {WITH_REASON.includes(step) && (
            <Textarea
              label={t(step === 'DECLINED' ? 'reviews.referrals.declineReason' : 'reviews.referrals.dropReason')}
              required={step === 'DECLINED'}
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonMissing(false);
              }}
              error={reasonMissing ? t('reviews.referrals.reasonRequired') : fieldMessage(problem, 'reason')}
              data-testid="referral-reason"
            />
          )}
          {step === 'COMPLETED' && (
            <Checkbox
              label={t('reviews.referrals.triggerReview')}
              checked={triggerReview}
              onChange={(e) => setTriggerReview(e.currentTarget.checked)}
              data-testid="referral-trigger-review"
            />
          )}
          <Group gap="sm">
            <Button size="xs" onClick={() => confirm(step)} loading={change.isPending} data-testid="referral-confirm">
              {t(`reviews.step.${step}`)}
            </Button>
            <Button size="xs" variant="default" onClick={() => setStep(null)}>
              {t('reviews.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        REFERRAL_STEPS[status].length > 0 && (
          <Group gap="xs" mt="sm">
            {REFERRAL_STEPS[status].map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'DECLINED' || to === 'DROPPED' ? 'default' : 'light'}
                onClick={() => {
                  setProblem(null);
                  if (WITH_REASON.includes(to) || to === 'COMPLETED') setStep(to);
                  else change.mutate(to);
                }}
                loading={change.isPending && change.variables === to}
                data-testid={`referral-${to}`}
              >
                {t(`reviews.step.${to}`)}
              </Button>
            ))}
          </Group>
        )
      )}
    </Card>
  );
}
