import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, problemMessageKey } from '../../../api/problem';
import { useSignedIn } from '../../../auth/SignedInContext';
import { ReadOnlyContext } from './EditingContext';
import { indexProblems } from './fieldProblems';
import { append, move, removeAt, replaceAt } from './lists';
import { ProblemList } from './ProblemList';
import { ProblemsContext } from './ProblemsContext';
import { RowActions } from './RowActions';
import { ConflictAlert, FailureAlert, SaveStatus } from './SyncBar';
import { useSyncedDocument, type SavedDocument } from './useSyncedDocument';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';
import { useFormat } from './format';

export interface VersionedList<T> {
  entries: T[];
  version: number;
}

export interface ListEditorProps<T> {
  title: string;
  description: string;
  query: UseQueryResult<VersionedList<T>>;
  queryKey: readonly unknown[];
  /** The list's name in the API's paths ("levels", "offences", "programmes"). */
  path: string;
  save: (entries: T[], version: number) => Promise<VersionedList<T>>;
  reload: () => Promise<VersionedList<T>>;
  newEntry: (entries: T[]) => T;
  /** The entry's name for the buttons that move or remove it. */
  nameOf: (entry: T, index: number) => string;
  renderEntry: (entry: T, index: number, update: (entry: T) => void) => ReactNode;
  addLabel: string;
  minEntries?: number;
}

function asSaved<T>(list: VersionedList<T>): SavedDocument<T[]> {
  return { document: list.entries, version: list.version, problems: [] };
}

/**
 * A list the country edits as a whole and saves under optimistic locking (risk levels, offences, programmes): the
 * entries in order, each movable and removable, one Save; a 409 keeps the user's list and asks; problems at fields.
 */
export function ListEditor<T>(props: ListEditorProps<T>) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <Alert color="red" variant="light">
        {t(query.error instanceof ApiError ? problemMessageKey(query.error.problem) : 'problem.unexpected')}
      </Alert>
    );
  }
  return <LoadedListEditor {...props} initial={query.data} />;
}

function LoadedListEditor<T>({
  title,
  description,
  initial,
  queryKey,
  path,
  save,
  reload,
  newEntry,
  nameOf,
  renderEntry,
  addLabel,
  minEntries = 0,
}: ListEditorProps<T> & { initial: VersionedList<T> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const readOnly = !useSignedIn().roles.includes('COUNTRY_ADMIN');
  const saveList = useCallback(
    async (entries: T[], version: number) => {
      const saved = await save(entries, version);
      queryClient.setQueryData(queryKey, saved);
      return asSaved(saved);
    },
    [save, queryClient, queryKey],
  );
  const reloadList = useCallback(async () => asSaved(await reload()), [reload]);
  const { state, edit, saveNow, resolveConflict } = useSyncedDocument({
    initial: asSaved(initial),
    save: saveList,
    reload: reloadList,
    readOnly,
  });
  useUnsavedChangesGuard(state.status !== 'saved');
  const problems = useMemo(() => indexProblems(state.problems), [state.problems]);
  const entries = state.local;
  const listProblems = state.problems.filter((p) => p.field === path);

  return (
    <ReadOnlyContext value={readOnly}>
      <ProblemsContext value={problems}>
        <Stack gap="md">
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{description}</Text>
          {!readOnly && (
            <Group gap="sm">
              <SaveStatus state={state} />
              <Button
                onClick={() => void saveNow()}
                disabled={state.status === 'saved' || state.status === 'conflict'}
                loading={state.status === 'saving'}
                data-testid="save-list"
              >
                {t('methodology.actions.save')}
              </Button>
            </Group>
          )}
          {state.status === 'conflict' && (
            <ConflictAlert
              onKeepMine={() => void resolveConflict(true)}
              onLoadTheirs={() => void resolveConflict(false)}
            />
          )}
          <FailureAlert state={state} />
          <ProblemList
            problems={listProblems}
            title={t('methodology.problems.title', { n: format.number(listProblems.length) })}
          />
          {entries.map((entry, index) => (
            <Card key={index} withBorder padding="sm" data-testid="list-entry">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Text fw={600} size="sm" w={24} mt={28} aria-hidden="true">
                  {index + 1}
                </Text>
                <div style={{ flex: 1, minWidth: 0 }}>
                  {renderEntry(entry, index, (next) => edit((list) => replaceAt(list, index, next)))}
                </div>
                {!readOnly && (
                  <div className="row-actions">
                    <RowActions
                      name={nameOf(entry, index)}
                      index={index}
                      count={entries.length}
                      onMove={(by) => edit((list) => move(list, index, by))}
                      onRemove={() => edit((list) => removeAt(list, index))}
                      disabled={entries.length <= minEntries}
                    />
                  </div>
                )}
              </Group>
            </Card>
          ))}
          {!readOnly && (
            <Button variant="light" w="fit-content" onClick={() => edit((list) => append(list, newEntry(list)))}>
              {addLabel}
            </Button>
          )}
        </Stack>
      </ProblemsContext>
    </ReadOnlyContext>
  );
}
