import type { Locator, Page } from 'playwright-core';

/**
 * Waits until the MapLibre map has drawn everything it was given (the app marks its container with
 * data-map-idle="true" on the map's `idle` event). Only then is a screenshot of it worth looking at.
 */
export async function waitForMapIdle(page: Page, within: Locator | Page = page): Promise<void> {
  await within.locator('[data-map-idle="true"]').first().waitFor({ timeout: 30_000 });
  // Two frames more, so the canvas the screenshot copies is the finished one.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Clicks the middle of the map (a locality page's map is centred on its locality). */
export async function clickMapCentre(page: Page, region: Locator): Promise<void> {
  const box = await region.boundingBox();
  if (!box) throw new Error('the map has no box on the page');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Waits until a drawing on a map (a boundary or a line, in Czech) counts `count` points: each click is
 * taken before the next, without a fixed pause.
 */
export async function waitForDrawnPoints(page: Page, count: number): Promise<void> {
  await page.getByText(new RegExp(`^Nakreslené body: ${count} \\(`)).first().waitFor({ timeout: 30_000 });
}
