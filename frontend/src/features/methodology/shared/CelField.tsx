import { Button, Code, Group, Stack, Textarea } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { FieldProblem } from '../../../api/problem';
import { expressionPosition } from './fieldProblems';
import { useFormat } from './format';
import { useProblems } from './ProblemsContext';

/**
 * A CEL expression (condition, formula, rule, constraint). The server checker's error is shown at the field with its
 * line and column, the line of the expression is repeated underneath with the character it points to marked, and
 * "show in the field" selects that character in the expression.
 */
export function CelField({
  path,
  label,
  description,
  value,
  onChange,
  readOnly = false,
  required = false,
}: {
  /** The dotted path of the field in the document, e.g. "definition.sections.0.items.1.condition". */
  path: string;
  label: string;
  description?: string;
  value: string | undefined;
  onChange: (value: string) => void;
  readOnly?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const problems = useProblems().at(path);
  const ref = useRef<HTMLTextAreaElement>(null);
  const source = value ?? '';

  const message = (problem: FieldProblem) =>
    problem.line
      ? t('methodology.cel.errorAt', {
          line: number(problem.line),
          column: number(problem.column ?? 1),
          message: problem.message,
        })
      : problem.message;

  const select = (offset: number) => {
    const area = ref.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
  };

  return (
    <Stack gap={4} data-field={path}>
      <Textarea
        ref={ref}
        label={label}
        description={description}
        value={source}
        onChange={(event) => onChange(event.currentTarget.value)}
        readOnly={readOnly}
        required={required}
        autosize
        minRows={1}
        maxRows={8}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        dir="ltr"
        classNames={{ input: 'cel-input' }}
        error={problems.length > 0 ? problems.map(message).join(' · ') : undefined}
        errorProps={{ 'data-testid': 'cel-error' }}
      />
      {problems
        .filter((problem) => problem.line)
        .map((problem, n) => {
          const at = expressionPosition(source, problem.line ?? 1, problem.column ?? 1);
          return (
            <Group key={n} gap="xs" align="flex-start" wrap="nowrap">
              <Code
                block
                dir="ltr"
                aria-hidden="true"
                className="cel-marker"
                data-testid="cel-marker"
                data-line={at.line}
                data-column={at.column}
              >
                {at.lineText.slice(0, at.index)}
                <mark>{at.lineText.slice(at.index, at.index + 1) || ' '}</mark>
                {at.lineText.slice(at.index + 1)}
                {'\n'}
                {' '.repeat(at.index)}^
              </Code>
              {!readOnly && (
                <Button size="compact-xs" variant="subtle" onClick={() => select(at.offset)}>
                  {t('methodology.cel.showPosition')}
                </Button>
              )}
            </Group>
          );
        })}
    </Stack>
  );
}
