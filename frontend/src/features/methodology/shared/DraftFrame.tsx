import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmButton } from './ConfirmButton';
import type { SyncState } from './draftSync';
import { ProblemList } from './ProblemList';
import { ConflictAlert, FailureAlert, SaveStatus } from './SyncBar';
import { useFormat } from './format';

/**
 * The frame of an autosaved draft (instrument version, classification scheme version): its save state, "save now",
 * publish, the conflict choice after a 409, a failure, and every problem the server named, above the editor.
 */
export function DraftFrame({
  state,
  readOnly,
  onSaveNow,
  onPublish,
  onResolve,
  onDownloadMine,
  describe,
  actions,
  children,
}: {
  state: SyncState<unknown>;
  readOnly: boolean;
  onSaveNow: () => void;
  /** Absent when the document is not a draft the user may publish. */
  onPublish?: () => void;
  onResolve: (keepMine: boolean) => void;
  onDownloadMine: () => void;
  describe: (field: string) => string;
  /** Further actions (export, retire). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          {!readOnly && <SaveStatus state={state} />}
          {!readOnly && (
            <Button variant="default" onClick={onSaveNow} disabled={state.status === 'saved'}>
              {t('methodology.actions.saveNow')}
            </Button>
          )}
        </Group>
        <Group gap="sm">
          {actions}
          {onPublish && !readOnly && (
            <ConfirmButton
              testId="publish"
              title={t('methodology.publish.title')}
              text={t('methodology.publish.text')}
              onConfirm={onPublish}
              disabled={state.status === 'conflict'}
            >
              {t('methodology.actions.publish')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
      {state.status === 'conflict' && (
        <ConflictAlert
          onKeepMine={() => onResolve(true)}
          onLoadTheirs={() => onResolve(false)}
          onDownloadMine={onDownloadMine}
        />
      )}
      <FailureAlert state={state} />
      {!readOnly && (
        <ProblemList
          problems={state.problems}
          describe={describe}
          title={t('methodology.problems.title', { n: format.number(state.problems.length) })}
        />
      )}
      {children}
    </Stack>
  );
}
