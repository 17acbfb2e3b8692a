import { useTranslation } from 'react-i18next';

import { useContext, useMemo } from 'react';

import { SignedInContext } from '../../../auth/SignedInContext';
import { tenantName, type LocalizedName, type ShownName } from '../../signin/tenantName';

/** Multilingual texts a country configured: language → text. */
export type Texts = Record<string, string>;

/**
 * Shows configured texts (names, labels, reasons) in the user's language, falling back to the country's default
 * language; numbers and dates through Intl in the user's language.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  // Outside the signed-in app (unit tests) there is no country: English is the default language then.
  const defaultLanguage = useContext(SignedInContext)?.me.tenant?.defaultLanguage;
  const language = i18n.language;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      /** The country's default language: the one every configured text must have. */
      defaultLanguage: defaultLanguage ?? 'en',
      text: (texts: LocalizedName | null | undefined, code = ''): ShownName =>
        tenantName(texts, language, defaultLanguage, code),
      number: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : numbers.format(value),
      date: (value: string | null | undefined) => (value ? dates.format(new Date(value)) : '—'),
    };
  }, [language, defaultLanguage]);
}
