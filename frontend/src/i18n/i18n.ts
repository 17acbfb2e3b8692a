import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { LANGUAGES, directionOf, type Language } from './languages';

/**
 * Loads /locales/<lng>/<ns>.json over HTTP, as keycloak's admin-ui does: messages are not bundled, so adding a
 * language or fixing a word needs no rebuild of the JavaScript.
 */
const httpMessages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    fetch(`/locales/${encodeURIComponent(language)}/${encodeURIComponent(namespace)}.json`, {
      headers: { Accept: 'application/json' },
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`messages ${language}/${namespace}: HTTP ${response.status}`);
        callback(null, await response.json());
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false));
  },
};

/** Mirrors the language on <html lang dir>, so the whole page (and assistive technology) follows it. */
function reflectOnDocument(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** The one i18next instance of the app; fallback English; messages loaded over HTTP. */
export async function initI18n(language: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  instance.on('languageChanged', reflectOnDocument);
  await instance
    .use(httpMessages)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      load: 'languageOnly',
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      react: { useSuspense: true },
    });
  reflectOnDocument(instance.language);
  return instance;
}
