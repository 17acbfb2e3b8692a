import type { TFunction } from 'i18next';

import type { Item } from '../methodology/instruments/api';
import type { useFormat } from '../methodology/shared/format';

/** An answer in words, for comparing two versions of it: option labels, yes/no, numbers through Intl. */
export function formatAnswer(
  item: Item | undefined,
  value: unknown,
  format: ReturnType<typeof useFormat>,
  t: TFunction,
): string {
  if (value === undefined || value === null) return t('entry.unanswered');
  const option = (code: unknown) => {
    const found = (item?.options ?? []).find((o) => o.code === code);
    return found ? format.text(found.label, String(code)).text : String(code);
  };
  if (typeof value === 'boolean') return t(value ? 'entry.yes' : 'entry.no');
  if (typeof value === 'number') return format.number(value);
  if (Array.isArray(value)) return value.length === 0 ? t('entry.noneChosen') : value.map(option).join(', ');
  if (item?.type === 'SINGLE_CHOICE') return option(value);
  return String(value);
}
