import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../i18n/languages';

/** A plain select (keyboard and screen-reader friendly everywhere); each language is named in itself. */
export function LanguageSwitcher({
  onChange,
  disabled = false,
}: {
  onChange: (language: Language) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switcher"
      value={i18n.resolvedLanguage ?? i18n.language}
      disabled={disabled}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) onChange(value);
      }}
      data={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
      w={150}
    />
  );
}
