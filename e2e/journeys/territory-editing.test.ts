import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser';
import { onDevice, signInInCzech } from '../support/journey';
import { clickMapCentre, waitForDrawnPoints, waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

// Unique per run, so the journey also passes against a database that outlives runs.
const RUN = Date.now().toString(36);
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };
const KIND = 'Sociálně vyloučená lokalita';
const PASTED = `Vložená lokalita ${RUN}`;
const DRAWN = `Nakreslená lokalita ${RUN}`;
const PLACE = `Přechod u školy ${RUN}`;
const PASTED_POLYGON = {
  type: 'Polygon',
  coordinates: [[[14.402, 50.066], [14.408, 50.066], [14.408, 50.07], [14.402, 50.07], [14.402, 50.066]]],
};

const EDITED_POLYGON = {
  type: 'Polygon',
  coordinates: [[[14.41, 50.066], [14.416, 50.066], [14.416, 50.07], [14.41, 50.07], [14.41, 50.066]]],
};
// Valid GeoJSON, but all on one line: no area, nothing the server can repair.
const FLAT = {
  type: 'Polygon',
  coordinates: [[[14.41, 50.066], [14.412, 50.066], [14.414, 50.066], [14.41, 50.066]]],
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Four clicks around the middle of the map: the corners of a boundary. */
async function drawSquare(page: Page, region: Locator): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  const box = await region.boundingBox();
  if (!box) throw new Error('the map has no box on the page');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  for (const [index, [dx, dy]] of ([[-50, -40], [50, -40], [50, 40], [-50, 40]] as const).entries()) {
    await page.mouse.click(x + dx, y + dy);
    await waitForDrawnPoints(page, index + 1);
  }
}

async function fillNameAndKind(page: Page, name: string): Promise<void> {
  await page.getByLabel(/^Název/).fill(name);
  await page.getByLabel(/^Druh/).selectOption({ label: KIND });
}

describe('the coordinator draws localities and adds places on the map', () => {
  test('a locality from pasted GeoJSON, one drawn with four clicks, a place clicked on the map; on a phone too', async () => {
    const shots = new StepRecorder('territory-editing');
    const coordinator = await openPage(browser, baseUrl, { viewport: DESKTOP, locale: 'cs-CZ' });
    const { page } = coordinator;
    try {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');

      // The keyboard path: the boundary pasted as GeoJSON.
      await page.goto('/localities');
      await waitForHeading(page, 'Lokality');
      await page.getByRole('link', { name: 'Nová lokalita' }).click();
      await waitForHeading(page, 'Nová lokalita');
      expect(await page.title()).toBe('Nová lokalita · Saferhood');
      await waitForMapIdle(page, page.getByRole('region', { name: 'Mapa pro kreslení hranice' }));
      await expectAccessible(page, 'new locality');
      await shots.shoot(page, 'new-locality');

      await fillNameAndKind(page, PASTED);
      await page.getByText('Vložit GeoJSON', { exact: true }).click();
      const pasteField = page.getByLabel('Hranice jako GeoJSON');
      await pasteField.fill('{ "type": "Point" }');
      await page.getByText('Toto není platný GeoJSON Polygon ani MultiPolygon.').waitFor();
      await pasteField.fill(JSON.stringify(PASTED_POLYGON, null, 2));
      await expectAccessible(page, 'new locality, pasted boundary');
      await shots.shoot(page, 'new-locality-pasted');
      await page.getByRole('button', { name: 'Vytvořit lokalitu' }).click();
      await waitForHeading(page, PASTED);
      await waitForMapIdle(page, page.getByRole('region', { name: `Mapa lokality ${PASTED}` }));
      await expectAccessible(page, 'pasted locality');
      await shots.shoot(page, 'pasted-locality');

      // The pointer path: four clicks on the map and "Finish".
      await page.goto('/localities/new');
      await waitForHeading(page, 'Nová lokalita');
      await fillNameAndKind(page, DRAWN);
      const drawMap = page.getByRole('region', { name: 'Mapa pro kreslení hranice' });
      await waitForMapIdle(page, drawMap);
      await drawSquare(page, drawMap);
      await page.getByText('Nakreslené body: 4 (potřeba jsou alespoň 3)').waitFor();
      await page.getByRole('button', { name: 'Dokončit' }).click();
      await page.getByText('Hranice je dokončena, má 4 bodů.').waitFor();
      await waitForMapIdle(page, drawMap);
      await expectAccessible(page, 'new locality, drawn boundary');
      await shots.shoot(page, 'new-locality-drawn');
      await page.getByRole('button', { name: 'Vytvořit lokalitu' }).click();
      await waitForHeading(page, DRAWN);
      await waitForMapIdle(page, page.getByRole('region', { name: `Mapa lokality ${DRAWN}` }));
      await shots.shoot(page, 'drawn-locality');

      // A new boundary for it: a flat one is refused with the server's reason, a square is saved.
      await page.getByRole('link', { name: 'Upravit hranici' }).click();
      await waitForHeading(page, `Hranice lokality ${DRAWN}`);
      await page.getByText('Vložit GeoJSON', { exact: true }).click();
      const newBoundary = page.getByLabel('Hranice jako GeoJSON');
      await newBoundary.fill(JSON.stringify(FLAT));
      await page.getByRole('button', { name: 'Uložit hranici' }).click();
      await page.getByRole('alert').filter({ hasText: /Hranice/ }).first().waitFor();
      await expectAccessible(page, 'boundary refused');
      await shots.shoot(page, 'boundary-refused');
      await newBoundary.fill(JSON.stringify(EDITED_POLYGON));
      await page.getByRole('button', { name: 'Uložit hranici' }).click();
      await waitForHeading(page, DRAWN);
      await page.getByText(`Hranice lokality ${DRAWN} byla uložena.`).waitFor();

      // The city area: the card says it is set; uploading the same area again keeps the other journeys' frame.
      await page.goto('/import');
      await waitForHeading(page, 'Import dat');
      const cityCard = page.getByRole('region', { name: 'Území města' });
      const current = await page.evaluate(async () => (await (await fetch('/api/v1/city-area')).json()) as { boundary: unknown });
      if (current.boundary) {
        await cityCard.getByText('Území je nastaveno').waitFor();
        const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: current.boundary }] };
        await cityCard.locator('input[type="file"]').setInputFiles({ name: 'uzemi.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
        await cityCard.getByRole('button', { name: 'Nahradit území města' }).click();
        await cityCard.getByText('Území města bylo uloženo.').waitFor();
      }
      await expectAccessible(page, 'city area');
      await shots.shoot(page, 'city-area');

      // Both are on the map; a place is added by clicking it.
      await page.goto('/map');
      await waitForHeading(page, 'Mapa');
      const localityList = page.getByRole('region', { name: 'Lokality' });
      await localityList.getByRole('link', { name: PASTED }).first().waitFor();
      await localityList.getByRole('link', { name: DRAWN }).first().waitFor();
      await waitForMapIdle(page, page.getByRole('region', { name: 'Mapa území – Demo City' }));
      await shots.shoot(page, 'map-with-new-localities');

      await page.getByRole('button', { name: 'Přidat místo' }).click();
      const placeForm = page.getByRole('region', { name: 'Nové místo výkonu služby' });
      await placeForm.getByLabel(/^Název/).fill(PLACE);
      await placeForm.getByLabel(/^Druh/).selectOption({ label: 'Přechod u školy' });
      const pickMap = placeForm.getByRole('region', { name: 'Mapa pro výběr místa' });
      await waitForMapIdle(page, pickMap);
      await pickMap.scrollIntoViewIfNeeded();
      await clickMapCentre(page, pickMap);
      await expect.poll(() => placeForm.getByLabel('Zeměpisná délka').inputValue()).not.toBe('');
      await waitForMapIdle(page, pickMap);
      await expectAccessible(page, 'add place');
      await shots.shoot(page, 'add-place');
      await placeForm.getByRole('button', { name: 'Uložit místo' }).click();
      await page.getByText(`Místo ${PLACE} bylo přidáno do mapy.`).waitFor();
      await waitForMapIdle(page, page.getByRole('region', { name: 'Mapa území – Demo City' }));
      await shots.shoot(page, 'map-with-new-place');

      // The same pages on a 360 px phone.
      await onDevice(browser, baseUrl, shots, PHONE, async (phone) => {
        await signInInCzech(phone, COORDINATOR, 'Jana Nováková');
        await phone.goto('/localities/new');
        await waitForHeading(phone, 'Nová lokalita');
        await waitForMapIdle(phone, phone.getByRole('region', { name: 'Mapa pro kreslení hranice' }));
        await drawSquare(phone, phone.getByRole('region', { name: 'Mapa pro kreslení hranice' }));
        await phone.getByText('Nakreslené body: 4 (potřeba jsou alespoň 3)').waitFor();
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'new locality (phone)');
        await shots.shoot(phone, 'new-locality-phone');

        await phone.goto('/map');
        await waitForHeading(phone, 'Mapa');
        await phone.getByRole('button', { name: 'Přidat místo' }).click();
        await waitForMapIdle(phone, phone.getByRole('region', { name: 'Mapa pro výběr místa' }));
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'add place (phone)');
        await shots.shoot(phone, 'add-place-phone');
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
