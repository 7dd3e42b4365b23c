import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The shared catalogues (language names, error and validation messages) live in contracts/locales;
// an alias lets import.meta.glob find every language file there without a path into another workspace.
const contractsLocales = dirname(createRequire(import.meta.url).resolve('@saferhood/contracts/locales/en.json'));

const apiServer = 'http://localhost:3000';
const webRoot = dirname(fileURLToPath(import.meta.url));
// Where this build writes (dist/, or elsewhere for the bundle benchmark), known once the config resolves.
let outDir = resolve(webRoot, 'dist');

const LANGUAGE_NAMES_MODULE = 'virtual:language-names';

/**
 * Each language's name in itself ("Čeština"), read from contracts/locales at build time, for the language
 * menus: the catalogues themselves are loaded one language at a time, and these few bytes must not pull
 * all of them into the first load.
 */
function languageNames() {
  return {
    name: 'saferhood-language-names',
    resolveId: (id: string) => (id === LANGUAGE_NAMES_MODULE ? `\0${LANGUAGE_NAMES_MODULE}` : undefined),
    load(id: string) {
      if (id !== `\0${LANGUAGE_NAMES_MODULE}`) return undefined;
      const names = Object.fromEntries(
        readdirSync(contractsLocales)
          .filter((file) => file.endsWith('.json'))
          .map((file) => {
            this.addWatchFile(resolve(contractsLocales, file));
            const catalogue = JSON.parse(readFileSync(resolve(contractsLocales, file), 'utf8')) as { language?: { name?: string } };
            return [file.slice(0, -'.json'.length), catalogue.language?.name ?? file];
          }),
      );
      return `export const languageNames = ${JSON.stringify(names)};`;
    },
  } satisfies Plugin;
}

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The files the field app can ever load: its entry page and every chunk and stylesheet reachable from it,
 * lazy ones included (the map), read from Vite's manifest. The service worker precaches these and nothing
 * of the office app.
 */
function findFieldAppFiles(): Set<string> {
  const manifest = JSON.parse(readFileSync(resolve(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit('field/index.html');
  return files;
}

export default defineConfig({
  plugins: [
    react(),
    languageNames(),
    {
      name: 'saferhood-out-dir',
      configResolved(config) {
        outDir = resolve(config.root, config.build.outDir);
      },
    },
    // Only the field app (/field) is a PWA. Its manifest and icons are static files in public/field/ and it
    // registers its own worker, so nothing is injected into the office app's page.
    VitePWA({
      injectRegister: null,
      manifest: false,
      filename: 'field/sw.js',
      scope: '/field/',
      workbox: {
        globPatterns: ['field/**/*.{html,webmanifest,png,svg}', 'assets/**/*.{js,mjs,css}'],
        // Absolute URLs: the worker lives in /field/ but the bundles in /assets/.
        modifyURLPrefix: { '': '/' },
        manifestTransforms: [
          (entries) => {
            const fieldFiles = findFieldAppFiles();
            const manifest = entries.filter((entry) => !entry.url.startsWith('/assets/') || fieldFiles.has(entry.url.slice(1)));
            return { manifest, warnings: [] };
          },
        ],
        navigateFallback: '/field/index.html',
        navigateFallbackAllowlist: [/^\/field(\/|$)/],
        // The map library is the largest lazy chunk; it must be there offline for "tap on the map".
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Nothing at runtime: API answers (personal data) are kept by the app in IndexedDB, never by the worker.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // On the first visit the worker takes the open page at once, so a lazy chunk (the map) opened
        // offline right after signing in comes from the precache. Updates still wait for the tabs to close.
        clientsClaim: true,
      },
    }),
  ],
  resolve: { alias: { '@contracts-locales': contractsLocales } },
  // Mantine's PostCSS preset (rem(), light-dark(), breakpoint mixins) for our CSS.
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  server: {
    proxy: { '/api': apiServer, '/healthz': apiServer, '/readyz': apiServer },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The field app's bundle budget and its service worker read the chunk graph from here.
    manifest: true,
    rollupOptions: {
      // Two pages: the office app and the assistants' field app (/field, its own PWA).
      input: { main: resolve(webRoot, 'index.html'), field: resolve(webRoot, 'field/index.html') },
    },
  },
});
