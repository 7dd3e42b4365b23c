import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, switchLanguage, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser';
import { onDevice, signInInCzech } from '../support/journey';
import { waitForDrawnPoints, waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

// Unique per run, so the journey also passes against a database that outlives runs.
const RUN = Date.now().toString(36);
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };
const KIND_CODE = `ubytovny_${RUN}`;
// Long words on purpose: the table, the cards and the dialog must wrap them.
const KIND_CS = `Oblast nízkoprahových ubytovacích zařízení ${RUN}`;
const KIND_HU = `Alacsonyküszöbű munkásszállások környéke ${RUN}`;
const KIND_EN = `Hostel area ${RUN}`;
const BIKE_PATH = `Cyklostezka podél Vltavy ${RUN}`;
const BIKE_PATH_RENAMED = `Cyklostezka Smíchovské nábřeží ${RUN}`;
const IMPORTED_CROSSING = `Přechod u ZŠ Podbělohorská ${RUN}`;
const IMPORTED_PATH = `Cyklostezka Prokopské údolí ${RUN}`;

/** Places as a city might keep them: Czech property names, a kind per feature, and one feature that is an area. */
function placesFile(): Buffer {
  const feature = (properties: Record<string, string>, geometry: object) => ({ type: 'Feature', properties, geometry });
  return Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ nazev: IMPORTED_CROSSING, kod: `PR-1-${RUN}`, druh: 'school_crossing' }, { type: 'Point', coordinates: [14.3905, 50.0695] }),
        feature({ nazev: IMPORTED_PATH, kod: `CS-1-${RUN}`, druh: 'bike_path' }, { type: 'LineString', coordinates: [[14.3861, 50.0602], [14.3912, 50.0611], [14.3968, 50.0627]] }),
        feature({ nazev: `Hřiště ${RUN}`, kod: `HR-1-${RUN}`, druh: 'park' }, { type: 'Polygon', coordinates: [[[14.40, 50.06], [14.401, 50.06], [14.401, 50.061], [14.40, 50.06]]] }),
      ],
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Clicks at offsets (in pixels) from the middle of a map, one vertex each. */
async function clickVertices(page: Page, region: Locator, offsets: readonly (readonly [number, number])[]): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  const box = await region.boundingBox();
  if (!box) throw new Error('the map has no box on the page');
  for (const [index, [dx, dy]] of offsets.entries()) {
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
    await waitForDrawnPoints(page, index + 1);
  }
}

describe('the coordinator keeps the code list of kinds, the places of duty and the city area', () => {
  test('a kind added and relabelled, a bike path drawn, edited by keyboard and archived, places imported from GeoJSON, the city area drawn, crime by type; on a phone and in Hungarian', async () => {
    const shots = new StepRecorder('territory-places');
    const coordinator = await openPage(browser, baseUrl, { viewport: DESKTOP, locale: 'cs-CZ' });
    const { page } = coordinator;
    try {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');

      // The code list of locality kinds, reached from the localities.
      await page.goto('/localities');
      await waitForHeading(page, 'Lokality');
      await page.getByRole('link', { name: 'Druhy lokalit' }).click();
      await waitForHeading(page, 'Druhy lokalit');
      await page.getByRole('cell', { name: 'Sociálně vyloučená lokalita', exact: true }).waitFor();
      await expectAccessible(page, 'locality kinds');
      await shots.shoot(page, 'kinds');

      await page.getByRole('button', { name: 'Přidat druh' }).click();
      const addDialog = page.getByRole('dialog', { name: 'Nový druh lokality' });
      await addDialog.getByRole('button', { name: 'Přidat druh' }).click();
      await addDialog.getByLabel(/^Kód/).fill('Ubytovny');
      await addDialog.getByRole('button', { name: 'Přidat druh' }).click();
      await addDialog.getByText('Použijte malá písmena bez diakritiky, číslice a _, na začátku písmeno.').waitFor();
      await expectAccessible(page, 'new kind refused');
      await shots.shoot(page, 'kind-refused', { fullPage: false });
      await addDialog.getByLabel(/^Kód/).fill(KIND_CODE);
      await addDialog.getByLabel(/^Název \(Čeština\)/).fill(KIND_CS);
      await addDialog.getByLabel(/^Název \(Magyar\)/).fill(KIND_HU);
      await addDialog.getByLabel(/^Název \(English\)/).fill('Hostels');
      await addDialog.getByLabel(/^Barva v mapě/).fill('#0B7285');
      // Leaving the field closes its colour picker, which otherwise lies over the buttons.
      await page.keyboard.press('Tab');
      await addDialog.getByRole('button', { name: 'Přidat druh' }).click();
      await page.getByText(`Druh ${KIND_CS} byl přidán.`).waitFor();
      const kindRow = page.getByRole('row').filter({ hasText: KIND_CODE });
      await kindRow.getByRole('cell', { name: '#0b7285', exact: true }).waitFor();

      await page.getByRole('button', { name: `Upravit druh ${KIND_CS}` }).click();
      const editDialog = page.getByRole('dialog', { name: `Úprava druhu: ${KIND_CS}` });
      await editDialog.getByLabel(/^Název \(English\)/).fill(KIND_EN);
      await editDialog.getByLabel(/^Barva v mapě/).fill('#5f3dc4');
      await page.keyboard.press('Tab');
      await expectAccessible(page, 'edit kind');
      await shots.shoot(page, 'kind-edit', { fullPage: false });
      await editDialog.getByRole('button', { name: 'Uložit' }).click();
      await page.getByText(`Druh ${KIND_CS} byl uložen.`).waitFor();
      await kindRow.getByRole('cell', { name: KIND_EN, exact: true }).waitFor();
      await kindRow.getByRole('cell', { name: '#5f3dc4', exact: true }).waitFor();
      // The new kind is offered for new localities at once.
      await page.goto('/localities/new');
      await waitForHeading(page, 'Nová lokalita');
      await page.getByLabel(/^Druh/).selectOption({ label: KIND_CS });

      // A bike path: choosing the kind makes it a line, drawn with three clicks.
      await page.goto('/places');
      await waitForHeading(page, 'Místa výkonu služby');
      await expectAccessible(page, 'places');
      await shots.shoot(page, 'places');
      await page.getByRole('link', { name: 'Přidat místo' }).click();
      await waitForHeading(page, 'Nové místo výkonu služby');
      await page.getByLabel(/^Název/).fill(BIKE_PATH);
      await page.getByLabel(/^Druh/).selectOption({ label: 'Cyklostezka' });
      const lineMap = page.getByRole('region', { name: 'Mapa pro kreslení čáry' });
      await waitForMapIdle(page, lineMap);
      await clickVertices(page, lineMap, [[-120, 40], [-20, -10], [100, -50]]);
      await page.getByText('Nakreslené body: 3 (potřeba jsou alespoň 2)').waitFor();
      await page.getByRole('button', { name: 'Dokončit' }).click();
      await page.getByText('Čára je dokončena, má 3 bodů.').waitFor();
      expect((await page.getByLabel('Souřadnice čáry').inputValue()).split('\n')).toHaveLength(3);
      await waitForMapIdle(page, lineMap);
      await expectAccessible(page, 'new bike path drawn');
      await shots.shoot(page, 'bike-path-drawn');
      await page.getByRole('button', { name: 'Uložit místo' }).click();
      await page.getByText(`Místo ${BIKE_PATH} bylo přidáno do mapy.`).waitFor();
      await waitForHeading(page, 'Místa výkonu služby');
      const row = page.getByRole('row').filter({ hasText: BIKE_PATH });
      await row.getByRole('cell', { name: 'Čára', exact: true }).waitFor();

      // Edited by keyboard: the coordinates typed, a bad row named first.
      await page.getByRole('link', { name: `Upravit místo ${BIKE_PATH}` }).click();
      await waitForHeading(page, `Úprava místa ${BIKE_PATH}`);
      await waitForMapIdle(page, page.getByRole('region', { name: 'Mapa pro kreslení čáry' }));
      await page.getByText('Čára je dokončena, má 3 bodů.').waitFor();
      await page.getByLabel(/^Název/).fill(BIKE_PATH_RENAMED);
      const coordinates = page.getByLabel('Souřadnice čáry');
      await coordinates.fill('14.4065, 50.0680\nSmíchovské nábřeží');
      await page.getByText('Řádek 2 není ve tvaru „délka, šířka“.').waitFor();
      await expectAccessible(page, 'bike path coordinates refused');
      await shots.shoot(page, 'bike-path-bad-row');
      await coordinates.fill('14.4065, 50.0680\n14.4080 50.0710\n14,4095 50,0745\n14.4100, 50.0790');
      await page.getByText('Čára je dokončena, má 4 bodů.').waitFor();
      await waitForMapIdle(page, page.getByRole('region', { name: 'Mapa pro kreslení čáry' }));
      await shots.shoot(page, 'bike-path-typed');
      await page.getByRole('button', { name: 'Uložit změny' }).click();
      await page.getByText(`Místo ${BIKE_PATH_RENAMED} bylo uloženo.`).waitFor();
      await waitForHeading(page, 'Místa výkonu služby');
      const saved = await page.evaluate(async (name) => {
        const { items } = (await (await fetch('/api/v1/places')).json()) as { items: { name: string; geometry: { type: string; coordinates: number[][] } }[] };
        return items.find((place) => place.name === name)?.geometry;
      }, BIKE_PATH_RENAMED);
      expect(saved).toEqual({ type: 'LineString', coordinates: [[14.4065, 50.068], [14.408, 50.071], [14.4095, 50.0745], [14.41, 50.079]] });

      // Archived: off the active list, on the archived one, and back.
      await page.getByRole('button', { name: `Archivovat místo ${BIKE_PATH_RENAMED}` }).click();
      await page.getByText(`Místo ${BIKE_PATH_RENAMED} bylo archivováno.`, { exact: false }).waitFor();
      await expect.poll(() => page.getByRole('row').filter({ hasText: BIKE_PATH_RENAMED }).count()).toBe(0);
      await page.getByText('Archivované', { exact: true }).click();
      await page.getByRole('row').filter({ hasText: BIKE_PATH_RENAMED }).getByText('Archivované', { exact: true }).waitFor();
      await expectAccessible(page, 'archived places');
      await shots.shoot(page, 'places-archived');
      await page.getByRole('button', { name: `Obnovit místo ${BIKE_PATH_RENAMED}` }).click();
      await page.getByText(`Místo ${BIKE_PATH_RENAMED} je opět aktivní.`).waitFor();
      await page.getByText('Aktivní', { exact: true }).click();
      await page.getByRole('button', { name: `Archivovat místo ${BIKE_PATH_RENAMED}` }).click();
      await expect.poll(() => page.getByRole('row').filter({ hasText: BIKE_PATH_RENAMED }).count()).toBe(0);

      // Places from GeoJSON: a preview names the feature that is not a point or line; skipping it imports the rest.
      await page.goto('/import');
      await waitForHeading(page, 'Import dat');
      const placeImport = page.getByRole('region', { name: 'Místa výkonu služby ze souboru GeoJSON' });
      await placeImport.locator('input[type="file"]').setInputFiles({ name: 'mista.geojson', mimeType: 'application/geo+json', buffer: placesFile() });
      await expect.poll(() => placeImport.getByLabel(/^Vlastnost s názvem/).inputValue()).toBe('nazev');
      expect(await placeImport.getByLabel('Vlastnost s kódem').inputValue()).toBe('kod');
      expect(await placeImport.getByLabel('Vlastnost s druhem').inputValue()).toBe('druh');
      await placeImport.getByRole('button', { name: 'Náhled' }).click();
      await placeImport.getByText('Náhled – zatím se nic nezapsalo').waitFor();
      await placeImport.getByRole('table', { name: 'Chybné prvky' }).getByRole('cell', { name: '3', exact: true }).waitFor();
      expect(await placeImport.getByRole('button', { name: 'Importovat' }).isDisabled()).toBe(true);
      await expectAccessible(page, 'places import preview');
      await shots.shoot(page, 'places-import-preview');
      await placeImport.getByLabel('Přeskočit chybné prvky').check();
      await placeImport.getByRole('button', { name: 'Náhled' }).click();
      await placeImport.getByRole('button', { name: 'Importovat' }).click();
      await placeImport.getByText('Nová místa: 2, aktualizovaná: 0, přeskočená: 1.').waitFor();
      await expectAccessible(page, 'places imported');
      await shots.shoot(page, 'places-imported');
      await placeImport.getByRole('link', { name: 'Seznam míst' }).click();
      await waitForHeading(page, 'Místa výkonu služby');
      await page.getByRole('row').filter({ hasText: IMPORTED_CROSSING }).getByRole('cell', { name: 'Bod', exact: true }).waitFor();
      await page.getByRole('row').filter({ hasText: IMPORTED_PATH }).getByRole('cell', { name: 'Čára', exact: true }).waitFor();

      // The city area drawn on the map and saved; then the real one pasted back for the other journeys.
      await page.goto('/import');
      await waitForHeading(page, 'Import dat');
      const original = await page.evaluate(async () => ((await (await fetch('/api/v1/city-area')).json()) as { boundary: unknown }).boundary);
      expect(original).not.toBeNull();
      const cityCard = page.getByRole('region', { name: 'Území města' });
      await cityCard.getByText('Nakreslit nebo vložit', { exact: true }).click();
      // The editor opens on the saved area's corners ("Upravit body"); this draws a new one instead.
      await cityCard.getByText('Nakreslit do mapy', { exact: true }).click();
      const areaMap = cityCard.getByRole('region', { name: 'Mapa pro kreslení hranice' });
      await waitForMapIdle(page, areaMap);
      await clickVertices(page, areaMap, [[-80, -60], [80, -60], [80, 60], [-80, 60]]);
      await cityCard.getByRole('button', { name: 'Dokončit' }).click();
      await cityCard.getByText('Hranice je dokončena, má 4 bodů.').waitFor();
      await waitForMapIdle(page, areaMap);
      await expectAccessible(page, 'city area drawn');
      await shots.shoot(page, 'city-area-drawn');
      const putArea = () => page.waitForResponse((response) => response.url().endsWith('/api/v1/city-area') && response.request().method() === 'PUT');
      const [drawnSaved] = await Promise.all([putArea(), cityCard.getByRole('button', { name: 'Nahradit území města' }).click()]);
      expect(drawnSaved.status()).toBe(200);
      await cityCard.getByText('Území města bylo uloženo.').waitFor();
      const drawnArea = await page.evaluate(async () => ((await (await fetch('/api/v1/city-area')).json()) as { boundary: { coordinates: number[][][][] } }).boundary);
      expect(drawnArea.coordinates[0]![0]).toHaveLength(5);
      await cityCard.getByText('Vložit GeoJSON', { exact: true }).click();
      await cityCard.getByLabel('Hranice jako GeoJSON').fill(JSON.stringify(original));
      const [restored] = await Promise.all([putArea(), cityCard.getByRole('button', { name: 'Nahradit území města' }).click()]);
      expect(restored.status()).toBe(200);
      const restoredArea = await page.evaluate(async () => ((await (await fetch('/api/v1/city-area')).json()) as { boundary: unknown }).boundary);
      expect(restoredArea).toEqual(original);

      // Registered crime by the police's own types; their names stay Czech, and the English page says so.
      await page.goto('/crime');
      await waitForHeading(page, 'Evidovaná kriminalita');
      const byType = page.getByRole('region', { name: 'Podle typu skutku' });
      await byType.getByText('Skutek s více typy se počítá u každého z nich', { exact: false }).waitFor();
      await byType.getByRole('row').nth(2).waitFor();
      await expectAccessible(page, 'crime by type');
      await shots.shoot(page, 'crime-by-type');
      await switchLanguage(page, 'English', { isSignedIn: true });
      await page.getByRole('region', { name: 'By type of offence' }).getByText('Type names are in Czech, as the police code list gives them', { exact: false }).waitFor();
      await expectAccessible(page, 'crime by type (en)');
      await shots.shoot(page, 'crime-by-type-en');
      await switchLanguage(page, 'Čeština', { isSignedIn: true });

      // The same screens on a 360 px phone, then in Hungarian.
      await onDevice(browser, baseUrl, shots, PHONE, async (phone) => {
        await signInInCzech(phone, COORDINATOR, 'Jana Nováková');
        const check = async (name: string) => {
          expect(await hasHorizontalOverflow(phone), `${name} scrolls sideways`).toBe(false);
          await expectAccessible(phone, name);
          await shots.shoot(phone, name);
        };
        await phone.goto('/locality-kinds');
        await waitForHeading(phone, 'Druhy lokalit');
        await phone.getByText(KIND_CS).first().waitFor();
        await check('kinds-phone');

        await phone.goto('/places?status=all');
        await waitForHeading(phone, 'Místa výkonu služby');
        await phone.getByText(BIKE_PATH_RENAMED).first().waitFor();
        await check('places-phone');

        await phone.goto('/places/new');
        await waitForHeading(phone, 'Nové místo výkonu služby');
        await phone.getByLabel(/^Druh/).selectOption({ label: 'Cyklostezka' });
        const phoneLineMap = phone.getByRole('region', { name: 'Mapa pro kreslení čáry' });
        await waitForMapIdle(phone, phoneLineMap);
        await clickVertices(phone, phoneLineMap, [[-60, 30], [40, -30]]);
        await phone.getByText('Nakreslené body: 2 (potřeba jsou alespoň 2)').waitFor();
        await check('new-place-phone');

        await phone.goto('/import');
        await waitForHeading(phone, 'Import dat');
        const phoneCityCard = phone.getByRole('region', { name: 'Území města' });
        await phoneCityCard.getByText('Nakreslit nebo vložit', { exact: true }).click();
        // The editor opens on the saved area's corners, ready to drag.
        await waitForMapIdle(phone, phoneCityCard.getByRole('region', { name: 'Mapa pro úpravu bodů hranice' }));
        await check('city-area-phone');
        await phone.getByRole('region', { name: 'Místa výkonu služby ze souboru GeoJSON' }).locator('input[type="file"]').setInputFiles({ name: 'mista.geojson', mimeType: 'application/geo+json', buffer: placesFile() });
        await phone.getByRole('region', { name: 'Místa výkonu služby ze souboru GeoJSON' }).getByRole('button', { name: 'Náhled' }).click();
        await phone.getByText('Náhled – zatím se nic nezapsalo').waitFor();
        await check('places-import-preview-phone');

        await phone.goto('/crime');
        await waitForHeading(phone, 'Evidovaná kriminalita');
        await phone.getByRole('region', { name: 'Podle typu skutku' }).getByRole('row').nth(2).waitFor();
        await check('crime-by-type-phone');

        await switchLanguage(phone, 'Magyar', { isSignedIn: true });
        try {
          await phone.goto('/locality-kinds');
          await waitForHeading(phone, 'Területtípusok');
          await phone.getByText(KIND_HU).first().waitFor();
          await check('kinds-phone-hu');
          await phone.goto('/places/new');
          await waitForHeading(phone, 'Új szolgálati hely');
          await phone.getByText('Vonal', { exact: true }).click();
          await waitForMapIdle(phone, phone.getByRole('region', { name: 'Térkép a vonal megrajzolásához' }));
          await check('new-place-phone-hu');
        } finally {
          await switchLanguage(phone, 'Čeština', { isSignedIn: true });
        }
      });
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (coordinator.problems.length > 0) console.error(`browser problems:\n${coordinator.problems.join('\n')}`);
      throw error;
    } finally {
      await coordinator.context.close();
    }
  }, 300_000);
});
