import { Badge, Grid, Tabs, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { useSignedIn } from '../../../auth/SignedInContext';
import { ConfirmButton } from '../shared/ConfirmButton';
import { downloadJson } from '../shared/download';
import { DraftFrame } from '../shared/DraftFrame';
import { ReadOnlyContext } from '../shared/EditingContext';
import { indexProblems } from '../shared/fieldProblems';
import { ProblemsContext } from '../shared/ProblemsContext';
import { useSyncedDocument } from '../shared/useSyncedDocument';
import { useUnsavedChangesGuard } from '../shared/useUnsavedChangesGuard';
import {
  asSaved,
  fetchVersion,
  instrumentKey,
  instrumentsKey,
  saveDraft,
  transition,
  versionKey,
  type Definition,
  type InstrumentView,
  type VersionView,
} from './api';
import { definitionReducer, type DefinitionAction } from './definition';
import { describeField } from './describeField';
import { DryRunPanel } from './DryRunPanel';
import { ExportButton } from './ExportButton';
import { OverallEditor } from './OverallEditor';
import { ScalesEditor } from './ScalesEditor';
import { SectionsEditor } from './SectionsEditor';
import { useFormat } from '../shared/format';

const AUTOSAVE_MS = 800;

/**
 * The builder of one version. A draft is autosaved as it is edited (optimistic locking; a 409 keeps the user's
 * work and asks), the server's problems are shown at their fields, and the dry run scores sample answers against
 * what was saved. A published or retired version is shown read-only, with the dry run still available.
 */
export function InstrumentBuilder({ view, instrument }: { view: VersionView; instrument: InstrumentView | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const admin = useSignedIn().roles.includes('COUNTRY_ADMIN');
  const versionId = view.id ?? '';
  const readOnly = view.status !== 'DRAFT' || !admin;

  const save = useCallback(
    async (definition: Definition, version: number) => asSaved(await saveDraft(api, versionId, definition, version)),
    [api, versionId],
  );
  const reload = useCallback(async () => asSaved(await fetchVersion(api, versionId)), [api, versionId]);
  const { state, edit, saveNow, resolveConflict, act } = useSyncedDocument({
    initial: asSaved(view),
    save,
    reload,
    autosaveMs: AUTOSAVE_MS,
    readOnly,
  });
  useUnsavedChangesGuard(state.status !== 'saved');

  const definition = state.local;
  const dispatch = useCallback(
    (action: DefinitionAction) => edit((current) => definitionReducer(current, action)),
    [edit],
  );
  const problems = useMemo(() => indexProblems(state.problems), [state.problems]);

  const run = async (action: 'publish' | 'retire') => {
    const done = await act((version) => transition(api, action, versionId, version), action === 'publish');
    if (!done) return;
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: versionKey(versionId) }),
      queryClient.invalidateQueries({ queryKey: instrumentKey(view.instrumentId ?? '') }),
      queryClient.invalidateQueries({ queryKey: instrumentsKey }),
    ]);
  };

  const code = instrument?.code ?? 'instrument';
  const tab = (value: string, label: string, path: string) => {
    const count = problems.countUnder(path);
    return (
      <Tabs.Tab
        value={value}
        rightSection={
          count > 0 ? (
            <Badge color="red" size="xs">
              {count}
            </Badge>
          ) : null
        }
      >
        {label}
      </Tabs.Tab>
    );
  };

  return (
    <ReadOnlyContext value={readOnly}>
      <ProblemsContext value={problems}>
        <DraftFrame
          state={state}
          readOnly={readOnly}
          onSaveNow={() => void saveNow()}
          onPublish={view.status === 'DRAFT' ? () => void run('publish') : undefined}
          onResolve={(keepMine) => void resolveConflict(keepMine)}
          onDownloadMine={() => downloadJson(`${code}-v${view.number ?? ''}-mine.json`, { definition })}
          describe={(field) => describeField(field, definition)}
          actions={
            <>
              <ExportButton versionId={versionId} fileName={`${code}-v${view.number ?? ''}.json`} />
              {view.status === 'PUBLISHED' && admin && (
                <ConfirmButton
                  testId="retire"
                  color="red"
                  variant="light"
                  title={t('methodology.retire.title')}
                  text={t('methodology.retire.text')}
                  onConfirm={() => void run('retire')}
                >
                  {t('methodology.actions.retire')}
                </ConfirmButton>
              )}
            </>
          }
        >
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Tabs defaultValue="items" keepMounted={false}>
                <Tabs.List>
                  {tab('items', t('methodology.tabs.items'), 'definition.sections')}
                  {tab('scales', t('methodology.tabs.scales'), 'definition.scales')}
                  {tab('overall', t('methodology.tabs.overall'), 'definition.overall')}
                </Tabs.List>
                <Tabs.Panel value="items" pt="md">
                  <SectionsEditor definition={definition} dispatch={dispatch} />
                </Tabs.Panel>
                <Tabs.Panel value="scales" pt="md">
                  <ScalesEditor definition={definition} dispatch={dispatch} />
                </Tabs.Panel>
                <Tabs.Panel value="overall" pt="md">
                  <OverallEditor definition={definition} dispatch={dispatch} />
                </Tabs.Panel>
              </Tabs>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <div className="sticky-panel">
                <DryRunPanel
                  versionId={versionId}
                  savedVersion={state.version}
                  definition={definition}
                  blocked={
                    state.problems.length > 0
                      ? t('methodology.dryRun.blocked', { n: format.number(state.problems.length) })
                      : null
                  }
                />
                {state.status !== 'saved' && !readOnly && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('methodology.dryRun.lastSaved')}
                  </Text>
                )}
              </div>
            </Grid.Col>
          </Grid>
        </DraftFrame>
      </ProblemsContext>
    </ReadOnlyContext>
  );
}
