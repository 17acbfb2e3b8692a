import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Move up, move down and remove, for one entry of an ordered list; labelled with what the entry is. */
export function RowActions({
  name,
  index,
  count,
  onMove,
  onRemove,
  disabled = false,
}: {
  /** What the row is, for the buttons' accessible names ("level HIGH"). */
  name: string;
  index: number;
  count: number;
  /** Absent for lists whose order is fixed by their values (bands): then only "remove" is offered. */
  onMove?: (by: -1 | 1) => void;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const moves = onMove
    ? [
        {
          key: 'up',
          glyph: '↑',
          label: t('methodology.list.moveUp', { name }),
          off: index === 0,
          run: () => onMove(-1),
        },
        {
          key: 'down',
          glyph: '↓',
          label: t('methodology.list.moveDown', { name }),
          off: index === count - 1,
          run: () => onMove(1),
        },
      ]
    : [];
  const buttons = [
    ...moves,
    { key: 'remove', glyph: '✕', label: t('methodology.list.remove', { name }), off: false, run: onRemove },
  ];
  return (
    <Group gap={4} wrap="nowrap">
      {buttons.map((button) => (
        <Tooltip key={button.key} label={button.label} withinPortal>
          <ActionIcon
            variant="subtle"
            color={button.key === 'remove' ? 'red' : 'gray'}
            aria-label={button.label}
            disabled={disabled || button.off}
            onClick={button.run}
          >
            <span aria-hidden="true">{button.glyph}</span>
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
