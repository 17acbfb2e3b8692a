import { Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Definition } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { useRiskLevels } from '../methodology/riskLevels/api';
import type { Judgement } from './api';
import { compileConditions, type Answers } from './conditions';
import { ItemField } from './ItemField';

export interface AssessmentFormProps {
  definition: Definition;
  answers: Answers;
  judgement: Judgement;
  onAnswer: (code: string, value: unknown) => void;
  onJudgement: (judgement: Judgement) => void;
  /** Messages by field path: `answers.<code>`, `judgement.level`, `judgement.rationale`. */
  errors: Record<string, string>;
  readOnly: boolean;
}

/**
 * Any instrument version, rendered from its definition: one fieldset per section, one input per item that applies
 * (conditions are evaluated here, in the browser, so items appear and disappear as answers change, also offline),
 * and the rater's judgement where the instrument asks for one.
 */
export function AssessmentForm({
  definition,
  answers,
  judgement,
  onAnswer,
  onJudgement,
  errors,
  readOnly,
}: AssessmentFormProps) {
  const { text } = useFormat();
  const conditions = useMemo(() => compileConditions(definition), [definition]);
  const applies = useMemo(() => conditions.applicability(answers), [conditions, answers]);
  const mode = definition.overall?.mode;
  return (
    <Stack gap="md" data-testid="assessment-form">
      {(definition.sections ?? []).map((section) => (
        <Card withBorder key={section.code} component="fieldset" m={0} data-section={section.code}>
          <Title order={2} size="h4" component="legend" px={4}>
            {text(section.title, section.code ?? '').text}
          </Title>
          <Stack gap="md">
            {(section.items ?? [])
              .filter((item) => applies.get(item.code ?? '') !== false)
              .map((item) => (
                <ItemField
                  key={item.code}
                  item={item}
                  value={answers[item.code ?? '']}
                  onChange={(value) => onAnswer(item.code ?? '', value)}
                  error={errors[`answers.${item.code}`]}
                  readOnly={readOnly}
                />
              ))}
          </Stack>
        </Card>
      ))}
      {(mode === 'JUDGEMENT' || mode === 'BOTH') && (
        <JudgementFields
          value={judgement}
          onChange={onJudgement}
          required={mode === 'JUDGEMENT'}
          errors={errors}
          readOnly={readOnly}
        />
      )}
    </Stack>
  );
}

function JudgementFields({
  value,
  onChange,
  required,
  errors,
  readOnly,
}: {
  value: Judgement;
  onChange: (judgement: Judgement) => void;
  required: boolean;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const levels = useRiskLevels().data?.levels ?? [];
  return (
    <Card withBorder component="fieldset" m={0} data-testid="judgement">
      <Title order={2} size="h4" component="legend" px={4}>
        {t('entry.judgement.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(required ? 'entry.judgement.introRequired' : 'entry.judgement.introOptional')}
        </Text>
        <Select
          id="judgement-level"
          label={t('entry.judgement.level')}
          data={levels.map((level) => ({ value: level.code ?? '', label: text(level.name, level.code ?? '').text }))}
          value={value.level ?? null}
          onChange={(level) => onChange({ ...value, level: level ?? undefined })}
          clearable={!readOnly}
          readOnly={readOnly}
          withAsterisk={required}
          error={errors['judgement.level']}
          maw={320}
        />
        <Textarea
          id="judgement-rationale"
          label={t('entry.judgement.rationale')}
          description={t('entry.judgement.rationaleHint')}
          value={value.rationale ?? ''}
          onChange={(e) => onChange({ ...value, rationale: e.currentTarget.value || undefined })}
          readOnly={readOnly}
          withAsterisk={required}
          error={errors['judgement.rationale']}
          autosize
          minRows={3}
          maxLength={10000}
        />
      </Stack>
    </Card>
  );
}
