import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FieldProblem } from '../../../api/problem';
import { useFormat } from './format';

/**
 * Every problem the server named, with where it is: the fields show theirs too, but a problem whose field is not on
 * screen (a collapsed card, another tab, the document as a whole) is never lost.
 */
export function ProblemList({
  problems,
  describe,
  title,
}: {
  problems: readonly FieldProblem[];
  /** The field's place in words ("Item weapon › condition"); the raw path when absent. */
  describe?: (field: string) => string;
  title: string;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (problems.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={title} data-testid="problem-list">
      <List size="sm" spacing={2}>
        {problems.map((problem, n) => (
          <List.Item key={n}>
            <Text span size="sm" fw={600}>
              {describe ? describe(problem.field) : problem.field}
            </Text>
            {': '}
            {problem.line
              ? t('methodology.cel.errorAt', {
                  line: number(problem.line),
                  column: number(problem.column ?? 1),
                  message: problem.message,
                })
              : problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
