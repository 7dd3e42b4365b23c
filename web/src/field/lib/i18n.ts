import { createContext, useContext } from 'react';
import cs from '../locales/cs.json';
import en from '../locales/en.json';
import hu from '../locales/hu.json';

/**
 * The field app's own small i18n: three flat catalogues, `{name}` placeholders. i18next would cost more
 * than the whole app; the office app's catalogues stay out of this bundle.
 */
export const FIELD_CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = { cs, hu, en };
export const FIELD_LANGUAGES = ['cs', 'hu', 'en'] as const;
export type FieldLanguage = (typeof FIELD_LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<FieldLanguage, string> = { cs: 'Čeština', hu: 'Magyar', en: 'English' };

export function isFieldLanguage(value: unknown): value is FieldLanguage {
  return typeof value === 'string' && (FIELD_LANGUAGES as readonly string[]).includes(value);
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function makeTranslate(language: FieldLanguage): Translate {
  const catalogue: Readonly<Record<string, string>> = FIELD_CATALOGUES[language] ?? en;
  return (key, values) => {
    const text = catalogue[key] ?? (en as Record<string, string>)[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in values ? String(values[name]) : whole)) : text;
  };
}

/** Czech "1 záznam, 2 záznamy, 5 záznamů": the catalogue has `key.one`, `key.few`, `key.many`. */
export function pluralKey(language: FieldLanguage, key: string, count: number): string {
  const rule = new Intl.PluralRules(language).select(count);
  return `${key}.${rule === 'one' ? 'one' : rule === 'few' ? 'few' : 'many'}`;
}

export interface I18nValue {
  language: FieldLanguage;
  t: Translate;
  /** Pluralised: `tn('status.waiting', 3)`. */
  tn: (key: string, count: number) => string;
  setLanguage: (language: FieldLanguage) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside I18nContext');
  return value;
}

const STORAGE_KEY = 'saferhood.field.language';

export function readStoredLanguage(): FieldLanguage | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isFieldLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: FieldLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the choice lasts for this page.
  }
}

/** The browser's first language we have (cs-CZ → cs), else Czech. */
export function findInitialLanguage(): FieldLanguage {
  const stored = readStoredLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isFieldLanguage(primary)) return primary;
  }
  return 'cs';
}
