import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey, type Problem } from '../../api/problem';
import { indexProblems, NO_PROBLEMS } from '../methodology/shared/fieldProblems';
import { useFormat } from '../methodology/shared/format';
import { ProblemList } from '../methodology/shared/ProblemList';
import { ProblemsContext, useFieldError } from '../methodology/shared/ProblemsContext';
import { ConflictAlert } from '../methodology/shared/SyncBar';
import { TextsInput } from '../methodology/shared/TextsInput';
import { facilitiesKey, fetchFacilities, placeProblems, useFacilities, type Facility } from '../prisoners/api';
import { useNames } from '../prisoners/lookups';
import { createFacility, EMPTY_FACILITY, toFacilityDraft, updateFacility, type FacilityDraft } from './api';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

const FIELDS = ['code', 'name', 'categories', 'capacity'] as const;

/** The country's facilities: code, names, the categories each may hold, capacity and the population today. */
export default function FacilitiesPage() {
  const { t } = useTranslation();
  const { text, number } = useFormat();
  const { categoryName } = useNames();
  const facilities = useFacilities();
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('cycle.facilities.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="facility-add">
          {t('cycle.facilities.add')}
        </Button>
      </Group>
      {editing && (
        <FacilityEditor
          key={editing === 'new' ? 'new' : editing.id}
          facility={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ApiErrorAlert error={facilities.error} />
      {facilities.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="facilities-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cycle.facilities.code')}</Table.Th>
                <Table.Th>{t('cycle.facilities.name')}</Table.Th>
                <Table.Th>{t('cycle.facilities.categories')}</Table.Th>
                <Table.Th>{t('cycle.facilities.population')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('cycle.facilities.edit')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(facilities.data ?? []).map((f) => {
                const name = text(f.name, f.code ?? '');
                return (
                  <Table.Tr key={f.id} data-testid="facility-row">
                    <Table.Td dir="ltr">{f.code}</Table.Td>
                    <Table.Td lang={name.lang}>{name.text}</Table.Td>
                    <Table.Td>{(f.categories ?? []).map((c) => categoryName(c)).join(', ')}</Table.Td>
                    <Table.Td>
                      {t('cycle.facilities.occupancy', {
                        population: number(f.population ?? 0),
                        capacity: number(f.capacity ?? 0),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(f)}
                        data-testid="facility-edit"
                      >
                        {t('cycle.facilities.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function FacilityEditor({ facility, onClose }: { facility?: Facility; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { number } = useFormat();
  const { categories, categoryName } = useNames();
  const [draft, setDraft] = useState<FacilityDraft>(facility ? toFacilityDraft(facility) : EMPTY_FACILITY);
  const [version, setVersion] = useState(facility?.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState(false);
  const id = facility?.id;
  const save = useMutation({
    mutationFn: (v: number | undefined) => (id ? updateFacility(api, id, draft, v ?? 0) : createFacility(api, draft)),
    onMutate: () => {
      setProblem(null);
      setConflict(false);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: facilitiesKey });
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409 && id) setConflict(true);
      else setProblem(error.problem);
    },
  });
  const latest = async () => (await fetchFacilities(api)).find((f) => f.id === id);
  const { placed, general } = placeProblems(problem?.errors ?? [], [...FIELDS, ...namePaths(draft)]);
  const problems = placed.length > 0 ? indexProblems(placed) : NO_PROBLEMS;

  return (
    <ProblemsContext value={problems}>
      <Card withBorder data-testid="facility-editor">
        <Stack
          component="form"
          gap="sm"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(version);
          }}
        >
          <Title order={2} size="h4">
            {t(id ? 'cycle.facilities.editTitle' : 'cycle.facilities.newTitle')}
          </Title>
          {conflict && (
            <ConflictAlert
              onLoadTheirs={() =>
                void latest().then((theirs) => {
                  if (theirs) {
                    setDraft(toFacilityDraft(theirs));
                    setVersion(theirs.version);
                  }
                  setConflict(false);
                })
              }
              onKeepMine={() =>
                void latest().then((theirs) => {
                  setVersion(theirs?.version);
                  save.mutate(theirs?.version);
                })
              }
            />
          )}
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {t(problemMessageKey(problem))}
            </Alert>
          )}
          <ProblemList title={t('cycle.form.otherProblems')} problems={general} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t('cycle.facilities.code')}
              required
              dir="ltr"
              value={draft.code}
              onChange={(e) => {
                const code = e.currentTarget.value.toUpperCase();
                setDraft((d) => ({ ...d, code }));
              }}
              error={useFieldError('code')}
              data-testid="facility-code"
            />
            <TextsInput
              path="name"
              label={t('cycle.facilities.name')}
              value={draft.name}
              onChange={(name) => setDraft((d) => ({ ...d, name }))}
            />
            <MultiSelect
              label={t('cycle.facilities.categories')}
              data={categories.map((c) => ({ value: c.code ?? '', label: categoryName(c.code) }))}
              value={draft.categories}
              onChange={(list) => setDraft((d) => ({ ...d, categories: list }))}
              error={useFieldError('categories')}
            />
            <TextInput
              type="number"
              label={t('cycle.facilities.capacity')}
              required
              min={0}
              value={draft.capacity}
              onChange={(e) => {
                const capacity = e.currentTarget.value;
                setDraft((d) => ({ ...d, capacity }));
              }}
              error={useFieldError('capacity')}
              data-testid="facility-capacity"
            />
          </SimpleGrid>
          {facility && (
            <Text size="sm" c="dimmed">
              {t('cycle.facilities.populationNow', { population: number(facility.population ?? 0) })}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} data-testid="facility-save">
              {t('cycle.form.save')}
            </Button>
            <Button variant="default" onClick={onClose} data-testid="facility-cancel">
              {t('cycle.decision.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </ProblemsContext>
  );
}

/** A name's problems are per language ("name.ru"): those are fields of the TextsInput. */
function namePaths(draft: FacilityDraft): string[] {
  return ['en', 'ru', 'kk', 'ky', 'fr', 'ar', ...Object.keys(draft.name)].map((l) => `name.${l}`);
}
