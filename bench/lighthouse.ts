/**
 * Lighthouse, mobile profile (its defaults: simulated slow 4G, 4× CPU slowdown, a Moto G Power screen),
 * against the built web app served by the real server on the embedded database: the office app's sign-in
 * page (where everyone lands first) and the field app (/field/, its own first screen). Targets (issue 8):
 * field interactive ≤ 2.5 s and performance ≥ 95; office sign-in interactive ≤ 4 s and performance ≥ 85;
 * accessibility 100 on both.
 *
 *   npm run bench:lighthouse -w bench            # 3 runs per page, the median run reported
 *   LIGHTHOUSE_RUNS=5 npm run bench:lighthouse -w bench
 *
 * Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium); never downloads a browser. The web
 * app is built first if stale (web/scripts/build-if-stale.mjs). The data folder is kept in
 * node_modules/.cache so later runs start warm. Results go to docs/benchmarks.md by hand, with the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const DATA_DIR = process.env.DATA_DIR ?? `${ROOT}node_modules/.cache/lighthouse-data`;
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const BASE = `http://127.0.0.1:${PORT}`;

const PAGES = [
  { name: 'office sign-in', path: '/sign-in', target: { interactiveMs: 4000, performance: 85, accessibility: 100 } },
  { name: 'field app', path: '/field/', target: { interactiveMs: 2500, performance: 95, accessibility: 100 } },
];

interface Run {
  performance: number;
  accessibility: number;
  interactiveMs: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferKb: number;
  scriptKb: number;
  failedAccessibility: string[];
  opportunities: string[];
}

async function isReady(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/readyz`)).ok;
  } catch {
    return false;
  }
}

function buildWebAppIfStale(): void {
  const build = spawnSync(process.execPath, ['web/scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web app did not build');
}

async function startServer() {
  if (await isReady()) throw new Error(`something already answers on port ${PORT}: set BENCH_PORT`);
  mkdirSync(DATA_DIR, { recursive: true });
  const server = spawn('npm', ['run', 'start', '-w', 'server'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(PORT), DATA_DIR, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  server.on('exit', () => (exited = true));
  while (!(await isReady())) {
    if (exited) throw new Error('the server exited before it was ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    stop: async () => {
      // The group this script started (npm, tsx, node), by its id.
      process.kill(-server.pid!, 'SIGTERM');
      if (!exited) await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const transferOf = (type: string) => (items.find((item) => item.resourceType === type)?.transferSize ?? 0) / 1024;
  const accessibility = lhr.categories.accessibility!;
  return {
    performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    accessibility: Math.round((accessibility.score ?? 0) * 100),
    interactiveMs: numeric('interactive'),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    transferKb: transferOf('total'),
    scriptKb: transferOf('script'),
    failedAccessibility: accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]!.title}`),
    opportunities: Object.values(lhr.audits)
      .filter((entry) => entry.details?.type === 'opportunity' && (entry.score ?? 1) < 0.9)
      .map((entry) => `${entry.id}${entry.displayValue ? ` (${entry.displayValue})` : ''}`),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

buildWebAppIfStale();
const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: CHROME_PATH,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let missed = 0;
try {
  for (const page of PAGES) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await audit(BASE + page.path, chrome.port));
    // The median run by performance score, as Lighthouse's own guidance for variable machines.
    runs.sort((a, b) => a.performance - b.performance);
    const median = runs[Math.floor(runs.length / 2)]!;
    const { target } = page;
    const verdicts = [
      median.interactiveMs <= target.interactiveMs,
      median.performance >= target.performance,
      median.accessibility >= target.accessibility,
    ];
    missed += verdicts.filter((met) => !met).length;
    console.log(`\n${page.name} (${page.path}), median of ${runs.length} runs (performance scores ${runs.map((run) => run.performance).join(', ')})`);
    console.log(`  performance ${median.performance} (target ≥ ${target.performance})   accessibility ${median.accessibility} (target ${target.accessibility})`);
    console.log(`  interactive ${seconds(median.interactiveMs)} (target ≤ ${seconds(target.interactiveMs)})   FCP ${seconds(median.fcpMs)}   LCP ${seconds(median.lcpMs)}   TBT ${Math.round(median.tbtMs)} ms   CLS ${median.cls.toFixed(3)}`);
    console.log(`  transferred ${Math.round(median.transferKb)} KiB, of it script ${Math.round(median.scriptKb)} KiB`);
    if (median.failedAccessibility.length > 0) console.log(`  accessibility findings: ${median.failedAccessibility.join('; ')}`);
    if (median.opportunities.length > 0) console.log(`  opportunities: ${median.opportunities.join('; ')}`);
  }
} finally {
  chrome.kill();
  await server.stop();
}
console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
