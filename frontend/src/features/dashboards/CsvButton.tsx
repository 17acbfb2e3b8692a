import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Downloads a table as CSV; says so when it failed. */
export function CsvButton({ download, testId }: { download: () => Promise<void>; testId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <Button
      variant="light"
      size="xs"
      loading={state === 'busy'}
      color={state === 'failed' ? 'red' : undefined}
      data-testid={testId}
      onClick={() => {
        setState('busy');
        download().then(
          () => setState('idle'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'failed' ? t('dashboards.csvFailed') : t('dashboards.csv')}
    </Button>
  );
}
