import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CelField } from '../shared/CelField';
import { useReadOnly } from '../shared/EditingContext';
import { useFieldError } from '../shared/ProblemsContext';
import type { Definition, Overall } from './api';
import type { DefinitionAction } from './definition';

/** The overall rating: a formula giving a risk level, a rater's judgement, or both. */
export function OverallEditor({
  definition,
  dispatch,
}: {
  definition: Definition;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const overall = definition.overall ?? {};
  const modeProblem = useFieldError('definition.overall.mode');
  const overallProblem = useFieldError('definition.overall');
  const modeError = modeProblem ?? overallProblem;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500} id="overall-mode">
        {t('methodology.overall.mode')}
      </Text>
      <SegmentedControl
        aria-labelledby="overall-mode"
        value={overall.mode ?? ''}
        onChange={(mode) => dispatch({ type: 'updateOverall', patch: { mode: mode as Overall['mode'] } })}
        disabled={readOnly}
        data={(['FORMULA', 'JUDGEMENT', 'BOTH'] as const).map((mode) => ({
          value: mode,
          label: t(`methodology.overall.${mode}`),
        }))}
        w="fit-content"
      />
      {overall.mode && (
        <Text size="sm" c="dimmed">
          {t(`methodology.overall.${overall.mode}Hint`)}
        </Text>
      )}
      {modeError && (
        <Text size="sm" c="red" role="alert">
          {modeError}
        </Text>
      )}
      {overall.mode && overall.mode !== 'JUDGEMENT' && (
        <CelField
          path="definition.overall.formula"
          label={t('methodology.overall.formula')}
          description={t('methodology.overall.formulaHint')}
          value={overall.formula}
          onChange={(formula) => dispatch({ type: 'updateOverall', patch: { formula } })}
          readOnly={readOnly}
          required
        />
      )}
    </Stack>
  );
}
