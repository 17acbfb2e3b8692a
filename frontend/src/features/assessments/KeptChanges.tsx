import { Alert, Anchor, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { assessmentTransport } from './api';
import { sendKeptChanges, type KeptOutcome } from './keptChanges';
import { indexedDbPendingStore } from './pendingStore';
import { toAssessment } from './routes';

/** Whether the screen shown now is this assessment's (it then sends its own kept changes). */
function showing(assessmentId: string): boolean {
  return window.location.pathname === toAssessment(assessmentId);
}

/**
 * Shown in the signed-in frame when changes typed offline were kept on this device across a reload: sends them
 * once, then says what became of them (sent, or waiting for the assessor's choice on a conflict, with links).
 */
export default function KeptChanges() {
  const { t } = useTranslation();
  const api = useApi();
  const [outcome, setOutcome] = useState<KeptOutcome | null>(null);
  const [closed, setClosed] = useState(false);

  useEffect(() => {
    let current = true;
    void sendKeptChanges(indexedDbPendingStore(), assessmentTransport(api), showing)
      .catch((): KeptOutcome => ({ sent: 0, conflicts: [], kept: 0 }))
      .then((result) => {
        if (current) setOutcome(result);
      });
    return () => {
      current = false;
    };
  }, [api]);

  if (closed) return null;
  if (!outcome) {
    return (
      <Alert mb="md" variant="light" data-testid="kept-changes" data-state="sending">
        {t('uiGaps.kept.sending')}
      </Alert>
    );
  }
  const { sent, conflicts, kept } = outcome;
  if (sent === 0 && conflicts.length === 0 && kept === 0) return null;
  return (
    <Alert
      mb="md"
      variant="light"
      color={conflicts.length > 0 || kept > 0 ? 'yellow' : 'green'}
      withCloseButton
      closeButtonLabel={t('uiGaps.kept.close')}
      onClose={() => setClosed(true)}
      data-testid="kept-changes"
      data-state="done"
      data-sent={sent}
    >
      {sent > 0 && <Text size="sm">{t('uiGaps.kept.sent', { n: sent })}</Text>}
      {kept > 0 && <Text size="sm">{t('uiGaps.kept.stillKept', { n: kept })}</Text>}
      {conflicts.length > 0 && (
        <>
          <Text size="sm">{t('uiGaps.kept.conflicts')}</Text>
          <List size="sm">
            {conflicts.map((id, i) => (
              <List.Item key={id}>
                <Anchor component={Link} to={toAssessment(id)} data-testid="kept-conflict">
                  {t('uiGaps.kept.openAssessment', { n: i + 1 })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
