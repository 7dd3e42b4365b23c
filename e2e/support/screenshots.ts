import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Numbered screenshots of one journey: e2e/artifacts/<journey>/<nn>-<step>.png. */
export class StepRecorder {
  private step = 0;
  private readonly dir: string;

  constructor(journey: string) {
    this.dir = join(ARTIFACTS, journey);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** `fullPage: false` for an open dialog: a full-page capture of a fixed overlay only shows its top. */
  async shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    this.step += 1;
    const file = `${String(this.step).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`;
    const isFullPage = options.fullPage ?? true;
    // A full-page capture of a scrolled page draws the fixed header in the middle of it.
    if (isFullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(this.dir, file), fullPage: isFullPage });
  }
}
