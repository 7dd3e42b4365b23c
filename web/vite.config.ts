import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

// The shared catalogues (language names, error and validation messages) live in contracts/locales;
// an alias lets import.meta.glob find every language file there without a path into another workspace.
const contractsLocales = dirname(createRequire(import.meta.url).resolve('@saferhood/contracts/locales/en.json'));

const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@contracts-locales': contractsLocales } },
  // Mantine's PostCSS preset (rem(), light-dark(), breakpoint mixins) for our CSS.
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  server: {
    proxy: { '/api': apiServer, '/healthz': apiServer, '/readyz': apiServer },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
