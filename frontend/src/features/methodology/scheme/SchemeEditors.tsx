import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { LocaleNumberInput } from '../../../i18n/LocaleNumberInput';
import { CelField } from '../shared/CelField';
import { useReadOnly } from '../shared/EditingContext';
import { useFormat } from '../shared/format';
import { useFieldError } from '../shared/ProblemsContext';
import { RowActions } from '../shared/RowActions';
import { TextsInput } from '../shared/TextsInput';
import type { Category, Constraint, Rule, SchemeDefinition } from './api';
import type { SchemeAction } from './scheme';

type List = 'categories' | 'rules' | 'constraints';
type Dispatch = (action: SchemeAction) => void;

/** One entry of an ordered list of the scheme, with its move and remove buttons. */
function EntryCard({
  list,
  index,
  count,
  code,
  dispatch,
  children,
}: {
  list: List;
  index: number;
  count: number;
  code: string | undefined;
  dispatch: Dispatch;
  children: ReactNode;
}) {
  const readOnly = useReadOnly();
  const name = code || `#${index + 1}`;
  return (
    <Card withBorder padding="sm" data-testid={`${list}-entry`} data-code={code}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} size="sm" w={24} mt={28} aria-hidden="true">
          {index + 1}
        </Text>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          {children}
        </Stack>
        {!readOnly && (
          <div className="row-actions">
            <RowActions
              name={name}
              index={index}
              count={count}
              onMove={(by) => dispatch({ type: 'move', list, index, by })}
              onRemove={() => dispatch({ type: 'remove', list, index })}
            />
          </div>
        )}
      </Group>
    </Card>
  );
}

function ListOf({
  list,
  definition,
  dispatch,
  add,
  intro,
  render,
}: {
  list: List;
  definition: SchemeDefinition;
  dispatch: Dispatch;
  add: string;
  intro: string;
  render: (index: number) => ReactNode;
}) {
  const readOnly = useReadOnly();
  const error = useFieldError(`definition.${list}`);
  const entries = definition[list] ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {entries.map((entry, index) => (
        <EntryCard key={index} list={list} index={index} count={entries.length} code={entry.code} dispatch={dispatch}>
          {render(index)}
        </EntryCard>
      ))}
      {!readOnly && (
        <Button variant="light" w="fit-content" onClick={() => dispatch({ type: 'add', list })}>
          {add}
        </Button>
      )}
    </Stack>
  );
}

function Code({ path, value, onChange }: { path: string; value: string | undefined; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('methodology.code')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      readOnly={useReadOnly()}
      required
      dir="ltr"
      error={useFieldError(`${path}.code`)}
    />
  );
}

export function CategoriesEditor({ definition, dispatch }: { definition: SchemeDefinition; dispatch: Dispatch }) {
  const { t } = useTranslation();
  return (
    <ListOf
      list="categories"
      definition={definition}
      dispatch={dispatch}
      add={t('methodology.scheme.addCategory')}
      intro={t('methodology.scheme.categoriesIntro')}
      render={(index) => (
        <CategoryFields
          category={definition.categories?.[index] ?? {}}
          index={index}
          update={(patch) => dispatch({ type: 'updateCategory', index, patch })}
        />
      )}
    />
  );
}

function CategoryFields({
  category,
  index,
  update,
}: {
  category: Category;
  index: number;
  update: (patch: Partial<Category>) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = `definition.categories.${index}`;
  const number = (v: number | string) => (typeof v === 'number' ? v : undefined);
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Code path={path} value={category.code} onChange={(code) => update({ code })} />
        <TextsInput
          path={`${path}.name`}
          label={t('methodology.name')}
          value={category.name}
          onChange={(name) => update({ name })}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <LocaleNumberInput
          label={t('methodology.scheme.severityRank')}
          description={t('methodology.scheme.severityRankHint')}
          min={1}
          allowDecimal={false}
          value={category.severityRank ?? ''}
          onChange={(v) => update({ severityRank: number(v) })}
          readOnly={readOnly}
          error={useFieldError(`${path}.severityRank`)}
        />
        <LocaleNumberInput
          label={t('methodology.scheme.reviewInterval')}
          min={1}
          max={120}
          allowDecimal={false}
          value={category.reviewIntervalMonths ?? ''}
          onChange={(v) => update({ reviewIntervalMonths: number(v) })}
          readOnly={readOnly}
          error={useFieldError(`${path}.reviewIntervalMonths`)}
        />
        <TextInput
          label={t('methodology.scheme.legalBasis')}
          value={category.legalBasis ?? ''}
          onChange={(e) => update({ legalBasis: e.currentTarget.value })}
          readOnly={readOnly}
          error={useFieldError(`${path}.legalBasis`)}
        />
      </SimpleGrid>
      <Checkbox
        label={t('methodology.scheme.courtOrdered')}
        checked={category.courtOrdered ?? false}
        onChange={(e) => update({ courtOrdered: e.currentTarget.checked })}
        disabled={readOnly}
      />
    </>
  );
}

export function RulesEditor({ definition, dispatch }: { definition: SchemeDefinition; dispatch: Dispatch }) {
  const { t } = useTranslation();
  return (
    <ListOf
      list="rules"
      definition={definition}
      dispatch={dispatch}
      add={t('methodology.scheme.addRule')}
      intro={t('methodology.scheme.rulesIntro')}
      render={(index) => (
        <RuleFields
          rule={definition.rules?.[index] ?? {}}
          index={index}
          definition={definition}
          update={(patch) => dispatch({ type: 'updateRule', index, patch })}
        />
      )}
    />
  );
}

function RuleFields({
  rule,
  index,
  definition,
  update,
}: {
  rule: Rule;
  index: number;
  definition: SchemeDefinition;
  update: (patch: Partial<Rule>) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { text } = useFormat();
  const path = `definition.rules.${index}`;
  const categories = (definition.categories ?? []).filter((c) => c.code);
  const options = categories.map((c) => ({ value: c.code ?? '', label: `${text(c.name, c.code).text} (${c.code})` }));
  if (rule.category && !categories.some((c) => c.code === rule.category)) {
    options.push({ value: rule.category, label: rule.category });
  }
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Code path={path} value={rule.code} onChange={(code) => update({ code })} />
        <Select
          label={t('methodology.scheme.proposes')}
          data={options}
          value={rule.category || null}
          onChange={(category) => update({ category: category ?? '' })}
          readOnly={readOnly}
          allowDeselect={false}
          error={useFieldError(`${path}.category`)}
        />
      </SimpleGrid>
      <CelField
        path={`${path}.when`}
        label={t('methodology.scheme.when')}
        description={t('methodology.scheme.whenHint')}
        value={rule.when}
        onChange={(when) => update({ when })}
        readOnly={readOnly}
        required
      />
      <TextsInput
        path={`${path}.reason`}
        label={t('methodology.scheme.reason')}
        value={rule.reason}
        onChange={(reason) => update({ reason })}
        readOnly={readOnly}
        multiline
      />
    </>
  );
}

export function ConstraintsEditor({ definition, dispatch }: { definition: SchemeDefinition; dispatch: Dispatch }) {
  const { t } = useTranslation();
  return (
    <ListOf
      list="constraints"
      definition={definition}
      dispatch={dispatch}
      add={t('methodology.scheme.addConstraint')}
      intro={t('methodology.scheme.constraintsIntro')}
      render={(index) => (
        <ConstraintFields
          constraint={definition.constraints?.[index] ?? {}}
          index={index}
          update={(patch) => dispatch({ type: 'updateConstraint', index, patch })}
        />
      )}
    />
  );
}

function ConstraintFields({
  constraint,
  index,
  update,
}: {
  constraint: Constraint;
  index: number;
  update: (patch: Partial<Constraint>) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = `definition.constraints.${index}`;
  return (
    <>
      <Code path={path} value={constraint.code} onChange={(code) => update({ code })} />
      <CelField
        path={`${path}.expression`}
        label={t('methodology.scheme.expression')}
        description={t('methodology.scheme.expressionHint')}
        value={constraint.expression}
        onChange={(expression) => update({ expression })}
        readOnly={readOnly}
        required
      />
      <TextsInput
        path={`${path}.message`}
        label={t('methodology.scheme.message')}
        value={constraint.message}
        onChange={(message) => update({ message })}
        readOnly={readOnly}
        multiline
      />
    </>
  );
}
