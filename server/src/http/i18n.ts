import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import Negotiator from 'negotiator';

/**
 * Server-side translations (error messages) from the shared catalogues in contracts/locales. The set of
 * languages is the set of files there: adding Slovak is adding `sk.json`.
 */
const localesDir = dirname(createRequire(import.meta.url).resolve('@saferhood/contracts/locales/en.json'));

const resources = Object.fromEntries(
  readdirSync(localesDir)
    .filter((file) => /^[a-z]{2,3}\.json$/.test(file))
    .map((file) => [file.slice(0, -'.json'.length), { translation: JSON.parse(readFileSync(join(localesDir, file), 'utf8')) }]),
);

export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(resources).sort();
export const FALLBACK_LANGUAGE = 'en';

const i18n = i18next.createInstance();
await i18n.init({
  resources,
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function isSupportedLanguage(language: string): boolean {
  return SUPPORTED_LANGUAGES.includes(language);
}

export function translator(language: string): TFunction {
  return i18n.getFixedT(language);
}

/** The language to answer in: what the client asks for if we have it, else the user's, else English. */
export function negotiateLanguage(acceptLanguage: string | undefined, preferred?: string | null): string {
  if (acceptLanguage) {
    const match = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...SUPPORTED_LANGUAGES]);
    if (match) return match;
  }
  return preferred && isSupportedLanguage(preferred) ? preferred : FALLBACK_LANGUAGE;
}

interface LanguageSource {
  headers: { 'accept-language'?: string | undefined };
  auth: { user: { language: string | null }; tenant: { defaultLanguage: string } } | null;
}

/** The caller's language: Accept-Language, else their own, else their city's. */
export function requestLanguage(request: LanguageSource): string {
  const preferred = request.auth ? (request.auth.user.language ?? request.auth.tenant.defaultLanguage) : null;
  return negotiateLanguage(request.headers['accept-language'], preferred);
}

/** A translator in the caller's language. */
export function requestTranslator(request: LanguageSource): TFunction {
  return translator(requestLanguage(request));
}

/** The text of one key in every language we have, e.g. to read back a column header we wrote. */
export function inEveryLanguage(key: string): string[] {
  return SUPPORTED_LANGUAGES.map((language) => translator(language)(key));
}
