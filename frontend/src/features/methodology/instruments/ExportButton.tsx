import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { downloadJson } from '../shared/download';
import { exportVersion } from './api';

/** Downloads the version as the shareable JSON document another country can import. */
export function ExportButton({ versionId, fileName }: { versionId: string; fileName: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <Button
      variant="default"
      loading={busy}
      color={failed ? 'red' : undefined}
      data-testid="export"
      onClick={async () => {
        setBusy(true);
        setFailed(false);
        try {
          downloadJson(fileName, await exportVersion(api, versionId));
        } catch {
          setFailed(true);
        } finally {
          setBusy(false);
        }
      }}
    >
      {failed ? t('methodology.actions.exportFailed') : t('methodology.actions.export')}
    </Button>
  );
}
