import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useReadOnly } from '../shared/EditingContext';
import { useFieldError, useProblems } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { TextsInput } from '../shared/TextsInput';
import type { Definition, Section } from './api';
import type { DefinitionAction } from './definition';
import { ItemCode, ItemEditor } from './ItemEditor';
import { useFormat } from '../shared/format';

/** The sections of the instrument, in order, each with its items. */
export function SectionsEditor({
  definition,
  dispatch,
}: {
  definition: Definition;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const sections = definition.sections ?? [];
  const error = useFieldError('definition.sections');
  return (
    <Stack gap="md">
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      {sections.map((section, s) => (
        <SectionCard key={s} section={section} index={s} count={sections.length} dispatch={dispatch} />
      ))}
      {!readOnly && (
        <Button
          variant="light"
          w="fit-content"
          onClick={() => dispatch({ type: 'addSection' })}
          data-testid="add-section"
        >
          {t('methodology.section.add')}
        </Button>
      )}
    </Stack>
  );
}

function SectionCard({
  section,
  index,
  count,
  dispatch,
}: {
  section: Section;
  index: number;
  count: number;
  dispatch: (action: DefinitionAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const readOnly = useReadOnly();
  const path = `definition.sections.${index}`;
  const problems = useProblems().countUnder(path);
  const itemsError = useFieldError(`${path}.items`);
  const items = section.items ?? [];
  const name = section.code || `#${index + 1}`;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('methodology.section.named', { code: name })}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('methodology.section.named', { code: name })}
          </Title>
          {problems > 0 && (
            <Badge color="red" size="sm">
              {t('methodology.problems.count', { n: format.number(problems) })}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <RowActions
            name={name}
            index={index}
            count={count}
            onMove={(by) => dispatch({ type: 'moveSection', section: index, by })}
            onRemove={() => dispatch({ type: 'removeSection', section: index })}
          />
        )}
      </Group>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <ItemCode
            path={path}
            value={section.code}
            onChange={(code) => dispatch({ type: 'updateSection', section: index, patch: { code } })}
          />
          <TextsInput
            path={`${path}.title`}
            label={t('methodology.section.title')}
            value={section.title}
            onChange={(title) => dispatch({ type: 'updateSection', section: index, patch: { title } })}
            readOnly={readOnly}
          />
        </Group>
        {itemsError && (
          <Text c="red" size="sm" role="alert">
            {itemsError}
          </Text>
        )}
        {items.map((item, i) => (
          <ItemEditor key={i} item={item} section={index} index={i} count={items.length} dispatch={dispatch} />
        ))}
        {!readOnly && (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => dispatch({ type: 'addItem', section: index })}
          >
            {t('methodology.item.add')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
