import { Alert, Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ApiError, problemMessageKey } from '../../../api/problem';
import { useFormat } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { toInstrument, type VersionParams } from '../routes';
import { useInstrument, useVersion } from './api';
import { InstrumentBuilder } from './InstrumentBuilder';

/** One version of an instrument: the builder for a draft, the read-only definition otherwise. */
export default function VersionPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams<VersionParams>();
  const { text } = useFormat();
  const version = useVersion(versionId);
  const instrument = useInstrument(version.data?.instrumentId ?? '');

  if (version.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (version.isError) {
    return (
      <Alert color="red" variant="light">
        {t(version.error instanceof ApiError ? problemMessageKey(version.error.problem) : 'problem.unexpected')}
      </Alert>
    );
  }
  const view = version.data;
  const name = text(instrument.data?.name, instrument.data?.code ?? '');
  return (
    <Stack gap="md">
      <Anchor component={Link} to={toInstrument(view.instrumentId ?? '')} size="sm">
        {t('methodology.instrument.backToVersions')}
      </Anchor>
      <Group gap="sm">
        <Title order={1} lang={name.lang} data-testid="builder-title">
          {name.text}
        </Title>
        <StatusBadge status={view.status} number={view.number} />
      </Group>
      {/* A new status (published, retired) is a new screen: the builder starts again from the server's state. */}
      <InstrumentBuilder key={`${view.id}:${view.status}`} view={view} instrument={instrument.data} />
    </Stack>
  );
}
