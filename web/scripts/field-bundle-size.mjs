// The field app's bundle budget (issue 4): the gzipped size of all JavaScript /field loads before its
// first screen is usable — the entry chunk and everything it imports statically, read from Vite's
// manifest. Lazy chunks (the map) are listed apart and do not count. Run after `vite build`; the argument
// is the build's folder (web/dist by default).
import { distOf, measureFirstLoad, report } from './first-load.mjs';

const BUDGET_BYTES = 200 * 1024;
report('Field app (/field): JavaScript loaded before the first screen, gzipped', measureFirstLoad(distOf(process.argv[2]), 'field/index.html'), BUDGET_BYTES);
