// The office app's first-load budget (issue 8): the gzipped JavaScript the sign-in page (/sign-in, where
// everyone lands first) loads before it is usable — the entry chunk, its static imports, and the lazy
// chunks it fetches before the first render anyway: the Czech catalogues (the default language; each
// language is its own chunk and only one is loaded) and the sign-in page. Run after `vite build`; the
// argument is the build's folder (web/dist by default).
import { distOf, measureFirstLoad, report } from './first-load.mjs';

const BUDGET_BYTES = 200 * 1024;
const LANGUAGE = process.env.LANGUAGE_MEASURED ?? 'cs';
const loadedBeforeSignIn = (key) =>
  key.endsWith(`/locales/${LANGUAGE}.json`) || key.includes('features/auth/');
report(
  `Office app sign-in page (/sign-in, ${LANGUAGE}): JavaScript loaded before the first screen, gzipped`,
  measureFirstLoad(distOf(process.argv[2]), 'index.html', loadedBeforeSignIn),
  BUDGET_BYTES,
);
