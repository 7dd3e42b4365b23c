import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES, FIELD_ERROR_CODES } from '../src/index';

/** Every catalogue folder holds one JSON per language; all languages must have the same keys. */
const CATALOGUES = ['contracts/locales', 'web/src/locales'];

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

function load(dir: string): Map<string, Record<string, unknown>> {
  const files = readdirSync(dir).filter((file) => /^[a-z]{2,3}\.json$/.test(file));
  return new Map(files.map((file) => [file.slice(0, -5), JSON.parse(readFileSync(join(dir, file), 'utf8'))]));
}

describe.each(CATALOGUES)('translations in %s', (dir) => {
  const catalogues = load(dir);

  it('exist for Czech, Hungarian and English', () => {
    expect([...catalogues.keys()]).toEqual(expect.arrayContaining(['cs', 'hu', 'en']));
  });

  it('have the same keys in every language, none empty', () => {
    const keysByLanguage = [...catalogues].map(([language, catalogue]) => [language, flatten(catalogue).sort()] as const);
    const all = [...new Set(keysByLanguage.flatMap(([, keys]) => keys))].sort();
    for (const [language, keys] of keysByLanguage) {
      expect(all.filter((key) => !keys.includes(key)), `${dir}/${language}.json lacks`).toEqual([]);
    }
    for (const [language, catalogue] of catalogues) {
      const empty = flatten(catalogue).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, `${dir}/${language}.json has empty or non-text values`).toEqual([]);
    }
  });
});

describe('error catalogue', () => {
  const server = load('contracts/locales');

  it('has a message for every error code and field error code in every language', () => {
    for (const [language, catalogue] of server) {
      const keys = flatten(catalogue);
      expect(ERROR_CODES.filter((code) => !keys.includes(`errors.${code}`)), language).toEqual([]);
      expect(FIELD_ERROR_CODES.filter((code) => !keys.includes(`validation.${code}`)), language).toEqual([]);
    }
  });

  it('has no message without a code', () => {
    for (const [language, catalogue] of server) {
      const orphans = Object.keys((catalogue as { errors: object }).errors).filter((code) => !(code in ERROR_CATALOGUE));
      expect(orphans, language).toEqual([]);
    }
  });

  it('maps every code to a 4xx or 5xx status and says when it is thrown', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.when.length, code).toBeGreaterThan(10);
    }
  });
});
