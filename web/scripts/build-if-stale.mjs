// `npm start` builds the web app only when it has to: when web/dist is missing, or when a file it is
// built from (the web app's sources, the shared contracts and catalogues, the build's own configuration,
// the installed packages) changed since the last build. The build writes dist/.build-stamp last (precompress.mjs),
// so an interrupted build is redone. Set BUILD_WEB=always to build regardless, BUILD_WEB=never to skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const root = join(web, '..');
const stamp = join(web, 'dist', '.build-stamp');
const SOURCES = [
  join(web, 'src'),
  join(web, 'field'),
  join(web, 'public'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  join(web, 'tsconfig.json'),
  join(web, 'scripts', 'precompress.mjs'),
  join(root, 'contracts', 'src'),
  join(root, 'contracts', 'locales'),
  join(root, 'package-lock.json'),
];

/** The newest modification time below `path` (a file or a folder), 0 if absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function whyBuild() {
  if (process.env.BUILD_WEB === 'always') return 'BUILD_WEB=always';
  if (!existsSync(join(web, 'dist', 'index.html')) || !existsSync(stamp)) return 'web/dist is missing or incomplete';
  const built = statSync(stamp).mtimeMs;
  const changed = SOURCES.find((source) => newest(source) > built);
  return changed ? `${changed.slice(root.length + 1)} changed since the last build` : null;
}

const reason = process.env.BUILD_WEB === 'never' ? null : whyBuild();
if (!reason) {
  console.log('web app is up to date (web/dist), not rebuilding');
} else {
  console.log(`building the web app: ${reason}`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: web, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
