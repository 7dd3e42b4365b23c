/**
 * How long `npm start` takes to be ready (GET /readyz answers 200), run as a person runs it from the
 * repository root, on a warm data folder (migrated and seeded by a first start, which is not counted).
 * The web app is built if it is missing or stale — the first run of a fresh checkout — and not counted
 * either unless BENCH_COLD_BUILD=1 removes its stamp first.
 *
 *   npm run bench:start -w bench                 # 5 starts, embedded PGlite in a temporary data folder
 *   BENCH_RUNS=10 DATA_DIR=/path npm run bench:start -w bench
 *
 * Prints each start's time and the server's own timeline (its "startup" log lines). Results go to
 * docs/benchmarks.md by hand, with the machine they were measured on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'saferhood-start-'));

async function isReady(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok;
  } catch {
    return false;
  }
}

/** Runs `npm start` until ready, then stops it; answers the milliseconds to ready and the server's startup lines. */
async function startOnce(): Promise<{ ms: number; timeline: string[] }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  while (!(await isReady())) {
    if (exited) throw new Error(`npm start exited before it was ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = performance.now() - started;
  // The whole group (npm, tsx, node), by its id: this script started it.
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((resolve) => (exited ? resolve(undefined) : child.once('exit', resolve)));
  while (await isReady()) await new Promise((resolve) => setTimeout(resolve, 50));
  const timeline = output
    .split('\n')
    .filter((line) => line.includes('"startup"') || line.includes('building the web app') || line.includes('web app is up to date'))
    .map((line) => {
      try {
        const entry = JSON.parse(line) as { msg: string; sinceProcessStartMs?: number; cpuMs?: number };
        return `${String(entry.sinceProcessStartMs ?? '').padStart(6)} ms (CPU ${String(entry.cpuMs ?? '').padStart(5)} ms)  ${entry.msg}`;
      } catch {
        return line;
      }
    });
  return { ms, timeline };
}

if (await isReady()) throw new Error(`something already answers on port ${PORT}: set BENCH_PORT`);
console.log(`data folder ${dataDir}; warming it (first start: migrations, demo seed, maybe a web build) …`);
const warm = await startOnce();
console.log(`first start: ${(warm.ms / 1000).toFixed(1)} s (not counted)`);
const times: number[] = [];
for (let run = 1; run <= RUNS; run += 1) {
  const { ms, timeline } = await startOnce();
  times.push(ms);
  console.log(`start ${run}: ready in ${(ms / 1000).toFixed(2)} s`);
  if (run === RUNS) for (const line of timeline) console.log(`  ${line}`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`npm start on a warm data folder: median ${(median / 1000).toFixed(2)} s, best ${(times[0]! / 1000).toFixed(2)} s, worst ${(times.at(-1)! / 1000).toFixed(2)} s (target ≤ 6 s)`);
if (!process.env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
