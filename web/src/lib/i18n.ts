import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Catalogue = Record<string, unknown>;

// The languages on offer are the files present: adding Slovak is adding web/src/locales/sk.json and
// contracts/locales/sk.json, no code change.
const webCatalogues = import.meta.glob<Catalogue>('../locales/*.json', { eager: true, import: 'default' });
const sharedCatalogues = import.meta.glob<Catalogue>('@contracts-locales/*.json', { eager: true, import: 'default' });

const STORAGE_KEY = 'saferhood.language';
const DEFAULT_LANGUAGE = 'cs';

function languageOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

function byLanguage(catalogues: Record<string, Catalogue>): Map<string, Catalogue> {
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
  return i18n.getFixedT(language)('language.name');
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

function buildResources(): Record<string, { translation: Catalogue }> {
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, { translation: { ...web.get(language), ...shared.get(language) } }]),
  );
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: findInitialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** Shows the app in `language` now and remembers the choice on this device. */
export function switchLanguage(language: string): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}
