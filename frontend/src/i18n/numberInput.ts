import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The decimal separator of the user's language, from Intl, for Mantine's NumberInput (which otherwise always
 * shows "."): 2,5 in Russian or French, 2.5 in English. Digits stay Latin (numberingSystem "latn") so what the user
 * types is what they see. No grouping while typing: a separator appearing mid-entry moves the caret.
 */
export function numberSeparators(language: string): { decimalSeparator: string } {
  const parts = new Intl.NumberFormat(language, { numberingSystem: 'latn' }).formatToParts(1.5);
  return { decimalSeparator: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** numberSeparators for the current UI language: spread it on every NumberInput. */
export function useNumberInputLocale() {
  const { i18n } = useTranslation();
  return useMemo(() => numberSeparators(i18n.language), [i18n.language]);
}
