import { Button, Collapse, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { LANGUAGES, LANGUAGE_NAMES, directionOf } from '../../../i18n/languages';
import { useFormat, type Texts } from './format';
import { useFieldError, useProblems } from './ProblemsContext';

/** Sets one language's text; a blank text removes the language (the API wants no empty entries). */
export function withText(texts: Texts | undefined, language: string, text: string): Texts {
  const others = Object.entries(texts ?? {}).filter(([key]) => key !== language);
  return Object.fromEntries(text.trim() === '' ? others : [...others, [language, text]]);
}

/**
 * A text a country configures in several languages (a name, a label, a reason). The country's default language is
 * always shown and required; the other languages open on demand. Each input is written in its own direction.
 */
export function TextsInput({
  path,
  label,
  value,
  onChange,
  readOnly = false,
  multiline = false,
  optional = false,
}: {
  /** Dotted path of the texts in the document ("levels.0.name"); a language's problem is at "<path>.<lang>". */
  path: string;
  label: string;
  value: Texts | undefined;
  onChange: (value: Texts) => void;
  readOnly?: boolean;
  multiline?: boolean;
  /** Not even the default language is required (guidance, descriptions). */
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const { defaultLanguage, number } = useFormat();
  const problems = useProblems();
  const others = LANGUAGES.filter((language) => language !== defaultLanguage);
  const otherProblems = others.some((language) => problems.at(`${path}.${language}`).length > 0);
  const [opened, { toggle }] = useDisclosure(otherProblems);
  const regionId = useId();
  const given = others.filter((language) => value?.[language]).length;

  const input = (language: string, main: boolean) => (
    <LanguageText
      key={language}
      path={`${path}.${language}`}
      label={main ? label : `${label} · ${LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES] ?? language}`}
      language={language}
      value={value?.[language] ?? ''}
      onChange={(text) => onChange(withText(value, language, text))}
      readOnly={readOnly}
      required={main && !optional}
      multiline={multiline}
      hint={
        main && !optional ? t('methodology.texts.defaultLanguage', { language: languageName(language) }) : undefined
      }
    />
  );

  return (
    <Stack gap={4}>
      {input(defaultLanguage, true)}
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={regionId}
          color={otherProblems ? 'red' : undefined}
        >
          {t(opened ? 'methodology.texts.hideLanguages' : 'methodology.texts.showLanguages', {
            given: number(given),
            total: number(others.length),
          })}
        </Button>
      </Group>
      <Collapse expanded={opened} id={regionId}>
        <Stack gap={4} ps="md">
          {others.map((language) => input(language, false))}
        </Stack>
      </Collapse>
    </Stack>
  );
}

function languageName(language: string): string {
  return LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES] ?? language;
}

function LanguageText({
  path,
  label,
  language,
  value,
  onChange,
  readOnly,
  required,
  multiline,
  hint,
}: {
  path: string;
  label: string;
  language: string;
  value: string;
  onChange: (text: string) => void;
  readOnly: boolean;
  required: boolean;
  multiline: boolean;
  hint: string | undefined;
}) {
  const error = useFieldError(path);
  const common = {
    label,
    description: hint,
    value,
    lang: language,
    dir: directionOf(language),
    readOnly,
    required,
    error,
    'data-path': path,
  };
  return multiline ? (
    <Textarea {...common} autosize minRows={1} maxRows={6} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}
