import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FIELD_CATALOGUES, FIELD_LANGUAGES, makeTranslate, pluralKey } from '../../src/field/lib/i18n';

const FIELD_SRC = fileURLToPath(new URL('../../src/field/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the field app catalogues', () => {
  test('cs, hu and en have exactly the same keys', () => {
    const english = Object.keys(FIELD_CATALOGUES.en!).sort();
    for (const language of FIELD_LANGUAGES) expect(Object.keys(FIELD_CATALOGUES[language]!).sort(), language).toEqual(english);
  });

  test('no string is empty, and every placeholder of the English string is in each translation', () => {
    for (const [key, english] of Object.entries(FIELD_CATALOGUES.en!)) {
      const placeholders = english.match(/\{\w+\}/g) ?? [];
      for (const language of FIELD_LANGUAGES) {
        const text = FIELD_CATALOGUES[language]![key]!;
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        for (const placeholder of placeholders) expect(text, `${language} ${key}`).toContain(placeholder);
      }
    }
  });

  test('every key the screens use with a literal is in the catalogue', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(FIELD_SRC)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\('([a-zA-Z.]+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/\btn\('([a-zA-Z.]+)'/g)) for (const form of ['one', 'few', 'many']) used.add(`${match[1]}.${form}`);
      for (const match of source.matchAll(/'((?:today|new|records|record|edit)\.title)'/g)) used.add(match[1]!);
    }
    const missing = [...used].filter((key) => !(key in FIELD_CATALOGUES.en!));
    expect(missing).toEqual([]);
  });

  test('Czech counts take their three forms', () => {
    const t = makeTranslate('cs');
    expect(t(pluralKey('cs', 'status.waiting', 1), { count: 1 })).toBe('1 záznam čeká na odeslání');
    expect(t(pluralKey('cs', 'status.waiting', 3), { count: 3 })).toBe('3 záznamy čekají na odeslání');
    expect(t(pluralKey('cs', 'status.waiting', 5), { count: 5 })).toBe('5 záznamů čeká na odeslání');
  });
});
