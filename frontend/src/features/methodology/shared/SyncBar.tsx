import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { problemMessageKey } from '../../../api/problem';
import type { SyncState } from './draftSync';

/** Where the document stands: saved, unsaved, saving, refused, or in conflict with someone else's save. */
export function SaveStatus({ state }: { state: SyncState<unknown> }) {
  const { t } = useTranslation();
  const color = { saved: 'green', dirty: 'yellow', saving: 'blue', conflict: 'red', failed: 'red' }[state.status];
  return (
    <Badge color={color} variant="light" size="lg" data-testid="save-status" data-status={state.status}>
      {t(`methodology.save.${state.status}`)}
    </Badge>
  );
}

/**
 * A 409: someone saved this document in between. The user's version stays on screen until they choose: load the
 * other one (theirs is then lost, so they can download it first), or save theirs over it.
 */
export function ConflictAlert({
  onLoadTheirs,
  onKeepMine,
  onDownloadMine,
}: {
  onLoadTheirs: () => void;
  onKeepMine: () => void;
  onDownloadMine?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('methodology.conflict.title')} role="alert" data-testid="conflict">
      <Text size="sm" mb="sm">
        {t('methodology.conflict.text')}
      </Text>
      <Group gap="sm">
        <Button size="xs" onClick={onKeepMine} data-testid="conflict-keep-mine">
          {t('methodology.conflict.keepMine')}
        </Button>
        <Button size="xs" variant="default" onClick={onLoadTheirs} data-testid="conflict-load-theirs">
          {t('methodology.conflict.loadTheirs')}
        </Button>
        {onDownloadMine && (
          <Button size="xs" variant="subtle" onClick={onDownloadMine}>
            {t('methodology.conflict.downloadMine')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** A failed save or action, in the user's language, with the server's own detail underneath. */
export function FailureAlert({ state }: { state: SyncState<unknown> }) {
  const { t } = useTranslation();
  if (!state.failure) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="failure">
      <Text size="sm">{t(problemMessageKey(state.failure))}</Text>
      {state.failure.detail && (
        <Text size="sm" c="dimmed">
          {state.failure.detail}
        </Text>
      )}
    </Alert>
  );
}
