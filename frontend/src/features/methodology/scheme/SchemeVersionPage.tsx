import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { useSignedIn } from '../../../auth/SignedInContext';
import { describeField } from '../instruments/describeField';
import { downloadJson } from '../shared/download';
import { DraftFrame } from '../shared/DraftFrame';
import { ReadOnlyContext } from '../shared/EditingContext';
import { indexProblems } from '../shared/fieldProblems';
import { ProblemsContext } from '../shared/ProblemsContext';
import { StatusBadge } from '../shared/StatusBadge';
import { useSyncedDocument } from '../shared/useSyncedDocument';
import { useUnsavedChangesGuard } from '../shared/useUnsavedChangesGuard';
import { toScheme, type VersionParams } from '../routes';
import {
  asSavedScheme,
  fetchSchemeVersion,
  publishScheme,
  saveSchemeDraft,
  schemeVersionKey,
  schemeVersionsKey,
  useSchemeVersion,
  type SchemeDefinition,
  type SchemeVersionView,
} from './api';
import { RuleTester } from './RuleTester';
import { schemeReducer, type SchemeAction } from './scheme';
import { CategoriesEditor, ConstraintsEditor, RulesEditor } from './SchemeEditors';
import { useFormat } from '../shared/format';

/** One version of the classification scheme: the draft editor (autosaved) or the read-only version, and the tester. */
export default function SchemeVersionPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams<VersionParams>();
  const version = useSchemeVersion(versionId);
  if (version.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (version.isError) {
    return (
      <Alert color="red" variant="light">
        {t(version.error instanceof ApiError ? problemMessageKey(version.error.problem) : 'problem.unexpected')}
      </Alert>
    );
  }
  const view = version.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={toScheme()} size="sm">
        {t('methodology.scheme.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{t('methodology.screen.scheme.title')}</Title>
        <StatusBadge status={view.status} number={view.number} />
      </Group>
      <SchemeEditor key={`${view.id}:${view.status}`} view={view} />
    </Stack>
  );
}

function SchemeEditor({ view }: { view: SchemeVersionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const admin = useSignedIn().roles.includes('COUNTRY_ADMIN');
  const id = view.id ?? '';
  const readOnly = view.status !== 'DRAFT' || !admin;
  const save = useCallback(
    async (definition: SchemeDefinition, version: number) =>
      asSavedScheme(await saveSchemeDraft(api, id, definition, version)),
    [api, id],
  );
  const reload = useCallback(async () => asSavedScheme(await fetchSchemeVersion(api, id)), [api, id]);
  const { state, edit, saveNow, resolveConflict, act } = useSyncedDocument({
    initial: asSavedScheme(view),
    save,
    reload,
    autosaveMs: 800,
    readOnly,
  });
  useUnsavedChangesGuard(state.status !== 'saved');
  const dispatch = useCallback((action: SchemeAction) => edit((current) => schemeReducer(current, action)), [edit]);
  const problems = useMemo(() => indexProblems(state.problems), [state.problems]);
  const definition = state.local;

  const publish = async () => {
    if (await act((version) => publishScheme(api, id, version), true)) {
      await queryClient.invalidateQueries({ queryKey: schemeVersionKey(id) });
      await queryClient.invalidateQueries({ queryKey: schemeVersionsKey });
    }
  };
  const tab = (value: string, label: string) => {
    const count = problems.countUnder(`definition.${value}`);
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
          onPublish={view.status === 'DRAFT' ? () => void publish() : undefined}
          onResolve={(keepMine) => void resolveConflict(keepMine)}
          onDownloadMine={() => downloadJson(`classification-scheme-v${view.number ?? ''}-mine.json`, { definition })}
          describe={(field) => describeField(field, definition)}
        >
          <Tabs defaultValue="rules" keepMounted={false}>
            <Tabs.List>
              {tab('categories', t('methodology.scheme.categories'))}
              {tab('rules', t('methodology.scheme.rules'))}
              {tab('constraints', t('methodology.scheme.constraints'))}
              <Tabs.Tab value="tester">{t('methodology.scheme.tester')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="categories" pt="md">
              <CategoriesEditor definition={definition} dispatch={dispatch} />
            </Tabs.Panel>
            <Tabs.Panel value="rules" pt="md">
              <RulesEditor definition={definition} dispatch={dispatch} />
            </Tabs.Panel>
            <Tabs.Panel value="constraints" pt="md">
              <ConstraintsEditor definition={definition} dispatch={dispatch} />
            </Tabs.Panel>
            <Tabs.Panel value="tester" pt="md">
              <RuleTester
                versionId={id}
                definition={definition}
                blocked={
                  state.problems.length > 0
                    ? t('methodology.tester.blocked', { n: format.number(state.problems.length) })
                    : state.status !== 'saved' && !readOnly
                      ? t('methodology.dryRun.lastSaved')
                      : null
                }
              />
            </Tabs.Panel>
          </Tabs>
        </DraftFrame>
      </ProblemsContext>
    </ReadOnlyContext>
  );
}
