/** The languages of the UI, in the order the language switcher lists them. */
export const LANGUAGES = ['en', 'ru', 'kk', 'ky', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name for itself: the switcher shows these, whatever the UI language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
  ky: 'Кыргызча',
  fr: 'Français',
  ar: 'العربية',
};

const RTL: ReadonlySet<string> = new Set(['ar']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** The first supported language among the browser's preferences (matching "ru-RU" to "ru"), else English. */
export function detectLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
