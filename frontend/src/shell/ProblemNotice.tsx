import { Alert, Text, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { problemMessageKey, problemToForm, type Problem } from '../api/problem';

/**
 * A refusal of the API for a form: the explanation in the user's language, the server's detail, and every field
 * error the form does not show at a field of its own (`shownFields`), so nothing the server said is lost.
 */
export function ProblemNotice({
  problem,
  shownFields = [],
  mb,
}: {
  problem: Problem;
  shownFields?: readonly string[];
  mb?: MantineSpacing;
}) {
  const { t } = useTranslation();
  const { general } = problemToForm({ ...problem, detail: undefined }, shownFields);
  return (
    <Alert color="red" variant="light" role="alert" mb={mb} data-testid="problem">
      <Text size="sm">{t(problemMessageKey(problem))}</Text>
      {problem.detail && (
        <Text size="sm" c="dimmed">
          {problem.detail}
        </Text>
      )}
      {general.map((message) => (
        <Text size="sm" key={message}>
          {message}
        </Text>
      ))}
    </Alert>
  );
}

/** The message the problem gives for one field of the form (its dotted path), if any. */
export function fieldMessage(problem: Problem | null, field: string): string | undefined {
  return problem ? problemToForm(problem, [field]).fields[field] : undefined;
}
