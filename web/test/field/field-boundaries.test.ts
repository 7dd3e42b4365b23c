import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const FIELD_SRC = fileURLToPath(new URL('../../src/field/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

describe('the field app bundle stays small', () => {
  test('imports neither Mantine, nor the office app, nor the contracts index, nor i18next', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(FIELD_SRC)) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const isForbidden =
          /^@mantine\//.test(specifier) ||
          /^@tabler\//.test(specifier) ||
          /^(i18next|react-i18next|@tanstack\/|react-router|echarts)/.test(specifier) ||
          specifier === '@saferhood/contracts' ||
          // Relative paths must stay inside src/field.
          (specifier.startsWith('.') && relative(FIELD_SRC, join(file, '..', specifier)).startsWith('..'));
        if (isForbidden) offences.push(`${relative(FIELD_SRC, file)} imports ${specifier}`);
      }
    }
    expect(offences).toEqual([]);
  });

  test('the sync engine touches no DOM and no network: it is given its store and transport', () => {
    for (const file of sourceFiles(join(FIELD_SRC, 'sync'))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(window|document|fetch|indexedDB|navigator)\b/);
    }
  });
});
