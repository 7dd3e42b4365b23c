import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser';
import { onDevice, signInInCzech } from '../support/journey';
import { waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

const RUN = Date.now().toString(36);
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };
const NAME = `Upravovaná lokalita ${RUN}`;
const WEST = 14.42;
const EAST = 14.426;
const SOUTH = 50.08;
const NORTH = 50.084;
const SQUARE = { type: 'Polygon', coordinates: [[[WEST, SOUTH], [EAST, SOUTH], [EAST, NORTH], [WEST, NORTH], [WEST, SOUTH]]] };
// The north-east corner is dragged this far on screen (right and down).
const DRAG = { x: 60, y: 40 };
// The map fits the current boundary with 24 px of padding (create-map.ts, use-fit-bounds.ts).
const PADDING = 24;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/** Web Mercator for a map fitted to SQUARE: lon/lat ↔ pixels on the page, from the map's box alone. */
async function squareProjection(region: Locator) {
  const box = await region.boundingBox();
  if (!box) throw new Error('the map has no box on the page');
  const width = (EAST - WEST) * (Math.PI / 180);
  const height = mercatorY(NORTH) - mercatorY(SOUTH);
  const scale = Math.min((box.width - 2 * PADDING) / width, (box.height - 2 * PADDING) / height);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2, lon: (WEST + EAST) / 2, my: (mercatorY(NORTH) + mercatorY(SOUTH)) / 2 };
  return {
    toPixel: (lon: number, lat: number) => ({ x: centre.x + (lon - centre.lon) * (Math.PI / 180) * scale, y: centre.y - (mercatorY(lat) - centre.my) * scale }),
    toLonLat: (x: number, y: number): [number, number] => [centre.lon + ((x - centre.x) / scale) * (180 / Math.PI), latitudeOf(centre.my - (y - centre.y) / scale)],
  };
}

async function dragBy(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 });
  await page.mouse.up();
}

async function savedRing(page: Page, id: string): Promise<number[][]> {
  const locality = await page.evaluate(async (localityId) => (await (await fetch(`/api/v1/localities/${localityId}`)).json()) as { boundary: { type: string; coordinates: unknown } }, id);
  const polygon = (locality.boundary.type === 'MultiPolygon' ? (locality.boundary.coordinates as number[][][][])[0] : (locality.boundary.coordinates as number[][][]))!;
  return polygon[0]!.slice(0, -1);
}

describe('the coordinator drags a corner of an existing boundary', () => {
  test('one corner dragged on the map moves exactly that corner, by about the distance dragged; the mode on a phone too', async () => {
    const shots = new StepRecorder('territory-vertex-editing');
    const coordinator = await openPage(browser, baseUrl, { viewport: DESKTOP, locale: 'cs-CZ' });
    const { page } = coordinator;
    try {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');
      await page.goto('/localities/new');
      await waitForHeading(page, 'Nová lokalita');
      await page.getByLabel(/^Název/).fill(NAME);
      await page.getByLabel(/^Druh/).selectOption({ label: 'Sociálně vyloučená lokalita' });
      await page.getByText('Vložit GeoJSON', { exact: true }).click();
      await page.getByLabel('Hranice jako GeoJSON').fill(JSON.stringify(SQUARE));
      await page.getByRole('button', { name: 'Vytvořit lokalitu' }).click();
      await waitForHeading(page, NAME);
      const id = new URL(page.url()).pathname.split('/').at(-1)!;

      // The edit page opens on the current corners, draggable.
      await page.getByRole('link', { name: 'Upravit hranici' }).click();
      await waitForHeading(page, `Hranice lokality ${NAME}`);
      const map = page.getByRole('region', { name: 'Mapa pro úpravu bodů hranice' });
      await waitForMapIdle(page, map);
      await page.getByText('Body hranice: 4').waitFor();
      await page.getByText(/Úprava tažením vyžaduje myš nebo dotyk; z klávesnice zvolte „Vložit GeoJSON“/).waitFor();
      await map.scrollIntoViewIfNeeded();
      await waitForMapIdle(page, map);
      await expectAccessible(page, 'boundary vertex mode');
      await shots.shoot(page, 'vertex-mode');

      const projection = await squareProjection(map);
      const corner = projection.toPixel(EAST, NORTH);
      await dragBy(page, corner, DRAG);
      await expect.poll(() => page.getByRole('button', { name: 'Začít znovu od uložené hranice' }).isEnabled()).toBe(true);
      await page.getByText('Body hranice: 4').waitFor();
      await waitForMapIdle(page, map);
      await expectAccessible(page, 'boundary vertex mode, corner dragged');
      await shots.shoot(page, 'corner-dragged');

      await page.getByRole('button', { name: 'Uložit hranici' }).click();
      await waitForHeading(page, NAME);
      await page.getByText(`Hranice lokality ${NAME} byla uložena.`).waitFor();

      const ring = await savedRing(page, id);
      expect(ring).toHaveLength(4);
      const isAt = (point: number[], lon: number, lat: number) => Math.abs(point[0]! - lon) < 1e-7 && Math.abs(point[1]! - lat) < 1e-7;
      for (const [lon, lat] of [[WEST, SOUTH], [EAST, SOUTH], [WEST, NORTH]] as const) {
        expect(ring.filter((point) => isAt(point, lon, lat)), `corner ${lon}, ${lat} untouched`).toHaveLength(1);
      }
      const moved = ring.find((point) => ![[WEST, SOUTH], [EAST, SOUTH], [WEST, NORTH]].some(([lon, lat]) => isAt(point, lon!, lat!)))!;
      const [expectedLon, expectedLat] = projection.toLonLat(corner.x + DRAG.x, corner.y + DRAG.y);
      // Within a fifth of the drag: the pointer grabs the corner a pixel or two off its centre.
      expect(Math.abs(moved[0]! - expectedLon)).toBeLessThan((expectedLon - EAST) / 5);
      expect(Math.abs(moved[1]! - expectedLat)).toBeLessThan((NORTH - expectedLat) / 5);
      expect(moved[0]).toBeGreaterThan(EAST);
      expect(moved[1]).toBeLessThan(NORTH);
      await waitForMapIdle(page, page.getByRole('region', { name: `Mapa lokality ${NAME}` }));
      await shots.shoot(page, 'saved');

      await onDevice(browser, baseUrl, shots, PHONE, async (phone) => {
        await signInInCzech(phone, COORDINATOR, 'Jana Nováková');
        await phone.goto(`/localities/${id}/boundary`);
        await waitForHeading(phone, `Hranice lokality ${NAME}`);
        await waitForMapIdle(phone, phone.getByRole('region', { name: 'Mapa pro úpravu bodů hranice' }));
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'boundary vertex mode (phone)');
        await shots.shoot(phone, 'vertex-mode-phone');
      });
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (coordinator.problems.length > 0) console.error(`browser problems:\n${coordinator.problems.join('\n')}`);
      throw error;
    } finally {
      await coordinator.context.close();
    }
  }, 240_000);
});
