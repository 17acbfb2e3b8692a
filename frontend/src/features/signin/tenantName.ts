/** A name a tenant configured, per language ("displayName": { "en": "Kazakhstan", "kk": "Қазақстан" }). */
export type LocalizedName = Record<string, string | undefined>;

export interface ShownName {
  text: string;
  /** The language of the text, for the lang attribute: it may differ from the UI's. */
  lang: string;
}

function present(name: LocalizedName, language: string | undefined): ShownName | null {
  if (!language) return null;
  const text = name[language]?.trim();
  return text ? { text, lang: language } : null;
}

/**
 * The name in the UI language; else in the tenant's default language; else English; else any name given; else
 * the code. Regional UI tags ("ru-RU") match their base language.
 */
export function tenantName(
  name: LocalizedName | null | undefined,
  uiLanguage: string,
  defaultLanguage: string | undefined,
  code: string,
): ShownName {
  const names = name ?? {};
  const base = uiLanguage.toLowerCase().split('-')[0];
  const found =
    present(names, uiLanguage) ??
    present(names, base) ??
    present(names, defaultLanguage) ??
    present(names, 'en') ??
    Object.keys(names)
      .sort()
      .map((language) => present(names, language))
      .find((shown) => shown !== null);
  return found ?? { text: code, lang: 'en' };
}
