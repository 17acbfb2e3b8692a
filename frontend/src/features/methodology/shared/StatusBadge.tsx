import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useFormat } from './format';

const COLORS = { DRAFT: 'yellow', PUBLISHED: 'green', RETIRED: 'gray' } as const;

/** "v2 · Draft": a version's number and status. */
export function StatusBadge({ status, number }: { status: keyof typeof COLORS | undefined; number?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!status) return null;
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="version-status" data-status={status}>
      {number === undefined
        ? t(`methodology.status.${status}`)
        : t('methodology.status.numbered', {
            number: format.number(number),
            status: t(`methodology.status.${status}`),
          })}
    </Badge>
  );
}
