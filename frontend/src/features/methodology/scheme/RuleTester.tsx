import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { useOffences } from '../catalogue/api';
import { useInstruments } from '../instruments/api';
import { indexProblems } from '../shared/fieldProblems';
import { useFormat } from '../shared/format';
import { ProblemsContext, useFieldError } from '../shared/ProblemsContext';
import { useRiskLevels } from '../riskLevels/api';
import { evaluateScheme, type SchemeDefinition } from './api';
import { EMPTY_FACTS, toFacts, type AssessmentForm, type FactsForm } from './facts';
import { describeTrace } from './trace';

const FLAGS = ['VEO', 'ESCAPE_RISK', 'GANG'];

/**
 * The rule tester: a sample prisoner's facts, the category the saved version proposes with every rule tried in
 * plain words, and what the constraints say about a decision for a chosen category.
 */
export function RuleTester({
  versionId,
  definition,
  blocked,
}: {
  versionId: string;
  definition: SchemeDefinition;
  blocked: string | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { text, number } = useFormat();
  const offences = useOffences().data?.entries ?? [];
  const [form, setForm] = useState<FactsForm>(EMPTY_FACTS);
  const [missing, setMissing] = useState<string[]>([]);
  const evaluate = useMutation({
    mutationFn: () => {
      const { facts, missing: absent } = toFacts(form, (code) => offences.find((o) => o.code === code)?.gravity);
      setMissing(absent);
      if (!facts) throw new Error('missing facts');
      return evaluateScheme(api, versionId, facts, form.category ?? undefined);
    },
  });
  const categories = (definition.categories ?? []).filter((c) => c.code);
  const categoryName = (code: string) => {
    const category = categories.find((c) => c.code === code);
    return category ? text(category.name, code).text : code;
  };
  const categoryOptions = categories.map((c) => ({ value: c.code ?? '', label: categoryName(c.code ?? '') }));
  const problem = evaluate.error instanceof ApiError ? evaluate.error.problem : null;
  const problems = useMemo(
    () =>
      indexProblems([
        ...(problem?.errors ?? []),
        ...missing.map((field) => ({ field: `facts.${field}`, message: t('methodology.tester.required') })),
      ]),
    [problem, missing, t],
  );
  const set = (patch: Partial<FactsForm>) => setForm((current) => ({ ...current, ...patch }));
  const sentences = evaluate.data ? describeTrace(evaluate.data, categoryName, (texts) => text(texts, '').text) : [];

  return (
    <ProblemsContext value={problems}>
      <Stack gap="md" data-testid="rule-tester">
        <Text size="sm" c="dimmed">
          {t('methodology.tester.intro')}
        </Text>
        {blocked && (
          <Alert color="orange" variant="light">
            {blocked}
          </Alert>
        )}
        <Card withBorder padding="md">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <FactNumber
                label={t('methodology.tester.age')}
                path="facts.prisoner.age"
                field="age"
                form={form}
                set={set}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="tester-sex">
                  {t('methodology.tester.sex')}
                </Text>
                <SegmentedControl
                  aria-labelledby="tester-sex"
                  value={form.sex}
                  onChange={(sex) => set({ sex: sex as 'M' | 'F' })}
                  data={[
                    { value: 'M', label: t('methodology.tester.male') },
                    { value: 'F', label: t('methodology.tester.female') },
                  ]}
                  w="fit-content"
                />
              </Stack>
              <FactNumber
                label={t('methodology.tester.lengthMonths')}
                path="facts.sentence.lengthMonths"
                field="lengthMonths"
                form={form}
                set={set}
              />
              <FactNumber
                label={t('methodology.tester.remainingMonths')}
                path="facts.sentence.remainingMonths"
                field="remainingMonths"
                form={form}
                set={set}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox
                label={t('methodology.tester.life')}
                checked={form.life}
                onChange={(e) => set({ life: e.currentTarget.checked })}
              />
              <CourtRegime
                options={categoryOptions}
                value={form.courtRegime}
                onChange={(courtRegime) => set({ courtRegime })}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('methodology.tester.offences')}
              data={offences.map((o) => ({ value: o.code, label: `${text(o.name, o.code).text} (${o.gravity})` }))}
              value={form.offences}
              onChange={(codes) => set({ offences: codes })}
              searchable
            />
            <TagsInput
              label={t('methodology.tester.flags')}
              description={t('methodology.tester.flagsHint')}
              data={FLAGS}
              value={form.flags}
              onChange={(flags) => set({ flags })}
              dir="ltr"
            />
            <AssessmentsInput value={form.assessments} onChange={(assessments) => set({ assessments })} />
            <Select
              label={t('methodology.tester.category')}
              description={t('methodology.tester.categoryHint')}
              data={categoryOptions}
              value={form.category}
              onChange={(category) => set({ category })}
              clearable
            />
            <Button
              w="fit-content"
              onClick={() => evaluate.mutate()}
              loading={evaluate.isPending}
              disabled={blocked !== null}
              data-testid="run-rules"
            >
              {t('methodology.tester.run')}
            </Button>
          </Stack>
        </Card>
        <div aria-live="polite">
          {problem && (
            <Alert color="red" variant="light">
              {t(problemMessageKey(problem))}
              {problem.errors
                .filter((e) => !e.field.startsWith('facts.prisoner') && !e.field.startsWith('facts.sentence.length'))
                .map((e, n) => (
                  <Text key={n} size="sm">
                    {e.field}: {e.message}
                  </Text>
                ))}
            </Alert>
          )}
          {sentences.length > 0 && (
            <Card withBorder padding="md" data-testid="trace">
              <Title order={3} size="h5" mb="xs">
                {t('methodology.tester.traceTitle')}
              </Title>
              <List spacing={4} size="sm" listStyleType="none">
                {sentences.map((sentence, n) => (
                  <List.Item key={n} data-tone={sentence.tone}>
                    <Text
                      size="sm"
                      fw={sentence.tone === 'summary' || sentence.tone === 'matched' ? 700 : 400}
                      c={sentence.tone === 'refused' || sentence.tone === 'error' ? 'red' : undefined}
                    >
                      {t(
                        sentence.key,
                        Object.fromEntries(
                          Object.entries(sentence.values).map(([k, v]) => [k, typeof v === 'number' ? number(v) : v]),
                        ),
                      )}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
        </div>
      </Stack>
    </ProblemsContext>
  );
}

function FactNumber({
  label,
  path,
  field,
  form,
  set,
}: {
  label: string;
  path: string;
  field: 'age' | 'lengthMonths' | 'remainingMonths';
  form: FactsForm;
  set: (patch: Partial<FactsForm>) => void;
}) {
  const missing = useFieldError(`facts.${field}`);
  const server = useFieldError(path);
  return (
    <LocaleNumberInput
      label={label}
      min={0}
      allowDecimal={false}
      value={form[field]}
      onChange={(v) => set({ [field]: typeof v === 'number' ? v : '' })}
      required
      error={missing ?? server}
    />
  );
}

function CourtRegime({
  options,
  value,
  onChange,
}: {
  options: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('methodology.tester.courtRegime')}
      data={options}
      value={value}
      onChange={onChange}
      clearable
      error={useFieldError('facts.sentence.courtRegime')}
    />
  );
}

/** Latest approved assessments, per instrument: the overall level and, where rules read them, scale levels. */
function AssessmentsInput({
  value,
  onChange,
}: {
  value: AssessmentForm[];
  onChange: (value: AssessmentForm[]) => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const instruments = useInstruments().data ?? [];
  const levels = (useRiskLevels().data?.levels ?? []).map((l) => ({ value: l.code, label: text(l.name, l.code).text }));
  const update = (index: number, patch: Partial<AssessmentForm>) =>
    onChange(value.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('methodology.tester.assessments')}
      </Text>
      {value.map((assessment, index) => (
        <Card key={index} withBorder padding="xs">
          <Stack gap="xs">
            <Group grow align="flex-start">
              <Select
                label={t('methodology.tester.instrument')}
                data={instruments.map((i) => ({ value: i.code ?? '', label: text(i.name, i.code).text }))}
                value={assessment.instrument || null}
                onChange={(instrument) => update(index, { instrument: instrument ?? '' })}
              />
              <Select
                label={t('methodology.tester.overall')}
                data={levels}
                value={assessment.overall || null}
                onChange={(overall) => update(index, { overall: overall ?? '' })}
                clearable
              />
            </Group>
            {assessment.scales.map((scale, s) => (
              <Group key={s} grow align="flex-start">
                <TextInput
                  label={t('methodology.tester.scale')}
                  value={scale.code}
                  dir="ltr"
                  onChange={(e) =>
                    update(index, {
                      scales: assessment.scales.map((x, j) => (j === s ? { ...x, code: e.currentTarget.value } : x)),
                    })
                  }
                />
                <Select
                  label={t('methodology.tester.scaleLevel')}
                  data={levels}
                  value={scale.level || null}
                  clearable
                  onChange={(level) =>
                    update(index, {
                      scales: assessment.scales.map((x, j) => (j === s ? { ...x, level: level ?? '' } : x)),
                    })
                  }
                />
                <LocaleNumberInput
                  label={t('methodology.score')}
                  value={scale.score}
                  onChange={(v) =>
                    update(index, {
                      scales: assessment.scales.map((x, j) =>
                        j === s ? { ...x, score: typeof v === 'number' ? v : '' } : x,
                      ),
                    })
                  }
                />
              </Group>
            ))}
            <Group gap="xs">
              <Button
                size="xs"
                variant="subtle"
                onClick={() => update(index, { scales: [...assessment.scales, { code: '', level: '', score: '' }] })}
              >
                {t('methodology.tester.addScale')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {t('methodology.tester.removeAssessment')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Button
        size="xs"
        variant="light"
        w="fit-content"
        onClick={() => onChange([...value, { instrument: '', overall: '', scales: [] }])}
      >
        {t('methodology.tester.addAssessment')}
      </Button>
    </Stack>
  );
}
