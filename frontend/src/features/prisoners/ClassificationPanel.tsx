import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, type Problem } from '../../api/problem';
import { useSignedIn } from '../../auth/SignedInContext';
import { useFormat } from '../methodology/shared/format';
import { prisonerKey, type Prisoner } from './api';
import {
  acceptClassification,
  decisionsKey,
  describeDecision,
  OPEN_STATUSES,
  OVERRIDE_REASONS,
  overrideClassification,
  proposeClassification,
  useDecisions,
  withdrawClassification,
  type Decision,
  type OverrideReason,
} from './classificationApi';
import { useDates, useNames } from './lookups';
import { ProblemNotice } from '../../shell/ProblemNotice';
import { TraceList } from './TraceList';

const STATUS_COLORS: Record<string, string> = {
  PROPOSED: 'blue',
  SUBMITTED: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

/** The prisoner's classification decisions, newest first, and the author's actions on the open one. */
export function ClassificationPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const id = prisoner.id ?? '';
  const decisions = useDecisions(id);
  const [problem, setProblem] = useState<Problem | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: decisionsKey(id) });
    await queryClient.invalidateQueries({ queryKey: prisonerKey(id) });
  };
  const propose = useMutation({
    mutationFn: () => proposeClassification(api, id),
    onMutate: () => setProblem(null),
    onSuccess: refresh,
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const list = [...(decisions.data ?? [])].sort((a, b) => (b.proposedAt ?? '').localeCompare(a.proposedAt ?? ''));
  const open = list.some((d) => d.status && OPEN_STATUSES.includes(d.status));

  return (
    <Card withBorder data-testid="classification-panel">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('cycle.decision.title')}
        </Title>
        {!open && (
          <Button onClick={() => propose.mutate()} loading={propose.isPending} data-testid="propose-classification">
            {t('cycle.decision.propose')}
          </Button>
        )}
      </Group>
      {problem && <ProblemNotice problem={problem} mb="sm" />}
      {decisions.error instanceof ApiError && <ProblemNotice problem={decisions.error.problem} mb="sm" />}
      {list.length === 0 && !decisions.isPending && <Text size="sm">{t('cycle.decision.none')}</Text>}
      <Stack gap="md">
        {list.map((decision) => (
          <DecisionCard key={decision.id} decision={decision} onChanged={refresh} />
        ))}
      </Stack>
    </Card>
  );
}

function DecisionCard({ decision, onChanged }: { decision: Decision; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const { me } = useSignedIn();
  const { text, date } = useFormat();
  const { day } = useDates();
  const { categoryName } = useNames();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [overriding, setOverriding] = useState(false);
  const act = useMutation({
    mutationFn: (action: (d: Decision) => Promise<Decision>) => action(decision),
    onMutate: () => setProblem(null),
    onSuccess: onChanged,
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const sentences = describeDecision(
    decision,
    (code) => categoryName(code),
    (texts) => text(texts, '').text,
    (reason) => t(`cycle.reason.${reason}`),
  );
  const mine = decision.proposedBy?.subject === me.subject;
  const author = decision.status === 'PROPOSED' && mine;

  return (
    <Card withBorder padding="sm" data-testid="decision" data-status={decision.status}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge color={STATUS_COLORS[decision.status ?? ''] ?? 'gray'} variant="light" data-testid="decision-status">
            {t(`cycle.status.${decision.status ?? 'PROPOSED'}`)}
          </Badge>
          <Text fw={700} data-testid="decision-category">
            {categoryName(decision.category ?? decision.proposedCategory)}
          </Text>
          {decision.transferNeeded && (
            <Badge color="orange" variant="light">
              {t('cycle.prisoner.transferNeeded')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('cycle.decision.proposedBy', {
            who: decision.proposedBy?.username ?? '—',
            when: date(decision.proposedAt),
          })}
        </Text>
      </Group>
      <TraceList sentences={sentences} />
      {decision.override && (
        <Stack gap={2} mt="xs" data-testid="decision-override">
          <Text size="sm" fw={600}>
            {t('cycle.decision.overrideReason', { reason: t(`cycle.reason.${decision.override.reason ?? 'OTHER'}`) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {decision.override.narrative}
          </Text>
        </Stack>
      )}
      {decision.decidedBy && (
        <Text size="sm" mt="xs" data-testid="decision-decided">
          {t('cycle.decision.decidedBy', { who: decision.decidedBy.username ?? '—', when: date(decision.decidedAt) })}
          {decision.decisionComment ? ` — ${decision.decisionComment}` : ''}
        </Text>
      )}
      {decision.status === 'APPROVED' && (
        <Text size="sm" mt="xs">
          {t('cycle.decision.effective', { from: day(decision.effectiveOn), next: day(decision.nextReviewOn) })}
        </Text>
      )}
      {problem && !overriding && <ProblemNotice problem={problem} mb="sm" />}
      {author && !overriding && (
        <Group mt="sm" gap="sm">
          <Button
            size="xs"
            onClick={() => act.mutate((d) => acceptClassification(api, d))}
            loading={act.isPending}
            data-testid="accept-classification"
          >
            {t('cycle.decision.accept')}
          </Button>
          <Button size="xs" variant="light" onClick={() => setOverriding(true)} data-testid="override-classification">
            {t('cycle.decision.override')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => act.mutate((d) => withdrawClassification(api, d))}
            data-testid="withdraw-classification"
          >
            {t('cycle.decision.withdraw')}
          </Button>
        </Group>
      )}
      {decision.status === 'SUBMITTED' && mine && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('cycle.decision.awaitingSupervisor')}
        </Text>
      )}
      {author && overriding && (
        <OverrideForm decision={decision} onCancel={() => setOverriding(false)} onDone={onChanged} />
      )}
    </Card>
  );
}

/** Another category with a reason and a narrative; a legal constraint's refusal shows at the category. */
function OverrideForm({
  decision,
  onCancel,
  onDone,
}: {
  decision: Decision;
  onCancel: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { text } = useFormat();
  const { categories, categoryName } = useNames();
  const [category, setCategory] = useState<string | null>(null);
  const [reason, setReason] = useState<OverrideReason | null>(null);
  const [narrative, setNarrative] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = useMutation({
    mutationFn: () =>
      overrideClassification(api, decision, { category: category ?? '', reason: reason ?? 'OTHER', narrative }),
    onMutate: () => setProblem(null),
    onSuccess: onDone,
    onError: (error) => error instanceof ApiError && setProblem(error.problem),
  });
  const errorAt = (field: string) => {
    if (!problem) return undefined;
    if (field === 'category' && problem.violations?.length) {
      return problem.violations.map((v) => `${v.constraint}: ${text(v.message, '').text}`).join(' · ');
    }
    const messages = problem.errors.filter((e) => e.field === field).map((e) => e.message);
    return messages.length > 0 ? messages.join(' · ') : undefined;
  };
  const placed = ['category', 'reason', 'narrative'];
  const other = problem && !problem.errors.some((e) => placed.includes(e.field)) && !problem.violations?.length;

  return (
    <Stack
      component="form"
      gap="sm"
      mt="sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="override-form"
    >
      {other && <ProblemNotice problem={problem} mb="sm" />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('cycle.decision.category')}
          required
          data={categories
            .filter((c) => c.code !== decision.proposedCategory)
            .map((c) => ({ value: c.code ?? '', label: categoryName(c.code) }))}
          value={category}
          onChange={setCategory}
          error={errorAt('category')}
          data-testid="override-category"
        />
        <Select
          label={t('cycle.decision.reason')}
          required
          data={OVERRIDE_REASONS.map((r) => ({ value: r, label: t(`cycle.reason.${r}`) }))}
          value={reason}
          onChange={(r) => setReason(r as OverrideReason | null)}
          error={errorAt('reason')}
          data-testid="override-reason"
        />
      </SimpleGrid>
      <Textarea
        label={t('cycle.decision.narrative')}
        description={t('cycle.decision.narrativeHint')}
        required
        autosize
        minRows={3}
        value={narrative}
        onChange={(e) => setNarrative(e.currentTarget.value)}
        error={errorAt('narrative')}
        data-testid="override-narrative"
      />
      <Group gap="sm">
        <Button type="submit" size="xs" loading={save.isPending} data-testid="override-submit">
          {t('cycle.decision.submitOverride')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('cycle.decision.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
