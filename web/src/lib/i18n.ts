import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
// Each language's name in itself, built from contracts/locales by vite.config.ts (not the catalogues).
import { languageNames } from 'virtual:language-names';

type Catalogue = Record<string, unknown>;

// The languages on offer are the files present: adding Slovak is adding web/src/locales/sk.json and
// contracts/locales/sk.json, no code change. Each language's catalogues are a chunk of their own, loaded
// when that language is shown: a Czech user never downloads the Hungarian and English ones.
const webCatalogues = import.meta.glob<Catalogue>('../locales/*.json', { import: 'default' });
const sharedCatalogues = import.meta.glob<Catalogue>('@contracts-locales/*.json', { import: 'default' });

const STORAGE_KEY = 'saferhood.language';
const DEFAULT_LANGUAGE = 'cs';

function languageOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

function byLanguage<T>(catalogues: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(catalogues).map(([path, catalogue]) => [languageOfPath(path), catalogue]));
}

const web = byLanguage(webCatalogues);
const shared = byLanguage(sharedCatalogues);

/** Language codes with a web catalogue, sorted. */
export const LANGUAGES: readonly string[] = [...web.keys()].sort();

export function isSupportedLanguage(language: string | null | undefined): language is string {
  return typeof language === 'string' && LANGUAGES.includes(language);
}

/** The language's name in itself ("Čeština", "Magyar"), from the shared catalogue. */
export function languageName(language: string): string {
  return languageNames[language] ?? language;
}

/** The language this device was last switched to, if any. */
export function readStoredLanguage(): string | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isSupportedLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the choice then lasts for this page only.
  }
}

/** The first of the browser's preferred languages we have, by primary subtag (cs-CZ → cs). */
export function findBrowserLanguage(): string | null {
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isSupportedLanguage(primary)) return primary;
  }
  return null;
}

/** Before sign-in: this device's choice, else the browser's language, else Czech. */
export function findInitialLanguage(): string {
  return readStoredLanguage() ?? findBrowserLanguage() ?? (isSupportedLanguage(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : (LANGUAGES[0] ?? 'en'));
}

/** i18next asks for a language when it is to be shown (at start, on a switch): its two catalogues, merged. */
const catalogueLoader: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const loadWeb = web.get(language);
    const loadShared = shared.get(language);
    if (!loadWeb || !loadShared) return callback(new Error(`no catalogue for "${language}"`), false);
    Promise.all([loadWeb(), loadShared()]).then(
      ([webCatalogue, sharedCatalogue]) => callback(null, { ...webCatalogue, ...sharedCatalogue }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

i18n.on('languageChanged', applyDocumentLanguage);

/**
 * Settles once the first language's catalogues are in: main.tsx renders after it, so no text flashes in
 * a key or another language. Every key is in every language (contracts/test/locales.test.ts), so there is
 * no fallback language to load as well.
 */
export const i18nReady: Promise<unknown> = i18n
  .use(catalogueLoader)
  .use(initReactI18next)
  .init({
    lng: findInitialLanguage(),
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    // A switch keeps showing the old language until the new one has arrived (i18next changes the
    // language once loaded), so nothing needs to suspend.
    react: { useSuspense: false },
  });

/** Shows the app in `language` now and remembers the choice on this device. */
export function switchLanguage(language: string): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}
