// Chooses which of a tenant's names to show. Shared by the page and its tests; no DOM access.

/** The browser's preferred languages, most preferred first, lower-case. */
export function preferredLanguages() {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return tags.filter(Boolean).map((tag) => tag.toLowerCase());
}

/**
 * Picks the tenant's name in the browser's language, else in the tenant's default language, else English,
 * else any name it has. Returns the text and the language it is written in.
 */
export function pickName(displayName, defaultLanguage, languages = []) {
  const names = new Map(
    Object.entries(displayName ?? {})
      .filter(([, text]) => typeof text === 'string' && text.trim() !== '')
      .map(([lang, text]) => [lang.toLowerCase(), { lang, text }]),
  );
  const wanted = [];
  for (const tag of languages) wanted.push(tag, tag.split('-')[0]);
  if (defaultLanguage) wanted.push(String(defaultLanguage).toLowerCase());
  wanted.push('en');
  for (const lang of wanted) {
    if (names.has(lang)) return names.get(lang);
  }
  return names.values().next().value ?? null;
}
