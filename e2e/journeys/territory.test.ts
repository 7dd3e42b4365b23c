import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, switchLanguage, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser';
import { onDevice, signInInCzech } from '../support/journey';
import { clickMapCentre, waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

// Unique per run, so the journey also passes against a PostgreSQL database that outlives runs: the
// localities' codes (a second import with the same code would update, not create) and the offences' ids.
const RUN = Date.now().toString(36);
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };
const EVALUATOR = { tenant: 'demo', email: 'evaluator@demo.test', password: DEMO_PASSWORD };
const FIXTURES = new URL('../fixtures/', import.meta.url);

function localitiesFile(): Buffer {
  const text = readFileSync(new URL('localities-prague5.geojson', FIXTURES), 'utf8').replace(/"P5-([A-Z]+)"/g, `"P5-$1-${RUN}"`);
  return Buffer.from(text);
}

function policeFile(): Buffer {
  const base = 900_000_000 + (Date.now() % 90_000_000);
  const text = readFileSync(new URL('police-2026-07.csv', FIXTURES), 'utf8')
    .replace('990000001', String(base))
    .replace('990000002', String(base + 1));
  return Buffer.from(text);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openFromNavigation(page: Page, entry: string, heading: string): Promise<void> {
  const isPhone = (page.viewportSize()?.width ?? DESKTOP.width) < 768;
  if (isPhone) await page.getByRole('button', { name: /^(Otevřít navigaci|Menü megnyitása)$/ }).click();
  await page.getByRole('navigation', { name: /^(Hlavní navigace|Főmenü)$/ }).getByRole('link', { name: entry, exact: true }).click();
  await waitForHeading(page, heading);
}

describe('the coordinator keeps the territory: map, GeoJSON import, a locality and its indicators', () => {
  test('map, import with a repaired boundary, the new locality, an indicator value in its chart; on a phone and in Hungarian', async () => {
    const shots = new StepRecorder('territory');
    const coordinator = await openPage(browser, baseUrl, { viewport: DESKTOP, locale: 'cs-CZ' });
    const { page } = coordinator;
    try {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');
      // The home card that used to say "coming soon" now leads to the map.
      await page.getByRole('link', { name: 'Otevřít mapu' }).click();
      await waitForHeading(page, 'Mapa');
      const map = page.getByRole('region', { name: 'Mapa území – Demo City' });
      await waitForMapIdle(page, map);
      // The legend is HTML: the city's kinds, the places on the map and the crime scale of the latest month.
      const legend = page.getByRole('region', { name: 'Legenda a vrstvy' });
      await legend.getByText('Sociálně vyloučená lokalita').waitFor();
      await legend.getByText('Přechod u školy').waitFor();
      await legend.getByText('Skutky za červenec 2026, sečtené ve čtvercích 250 × 250 m.').waitFor();
      await legend.getByText(/^Počet skutků: \d+$/).first().waitFor();
      expect(await page.title()).toBe('Mapa · Saferhood');
      await expectAccessible(page, 'map');
      await shots.shoot(page, 'map');

      // Layers switch off and on from the legend.
      await legend.getByRole('checkbox', { name: 'Evidovaná kriminalita' }).uncheck();
      await waitForMapIdle(page, map);
      await shots.shoot(page, 'map-without-crime');
      await legend.getByRole('checkbox', { name: 'Evidovaná kriminalita' }).check();

      // Import: the file's properties are offered; the self-intersecting feature is listed as invalid.
      await openFromNavigation(page, 'Import dat', 'Import dat');
      const importForm = page.getByRole('region', { name: 'Lokality ze souboru GeoJSON' });
      await importForm.locator('input[type="file"]').setInputFiles({ name: 'lokality-praha5.geojson', mimeType: 'application/geo+json', buffer: localitiesFile() });
      await expect.poll(() => importForm.getByLabel(/^Vlastnost s názvem/).inputValue()).toBe('nazev');
      expect(await importForm.getByLabel(/^Vlastnost s kódem/).inputValue()).toBe('kod');
      await importForm.getByRole('button', { name: 'Náhled' }).click();
      await importForm.getByRole('heading', { name: 'Náhled – zatím se nic nezapsalo' }).waitFor();
      const invalidRow = importForm.getByRole('table', { name: 'Chybné prvky' }).getByRole('row').filter({ hasText: 'Hranice prvku není platná' });
      await invalidRow.getByRole('cell', { name: '2', exact: true }).waitFor();
      expect(await importForm.getByRole('button', { name: 'Importovat', exact: true }).isDisabled()).toBe(true);
      await expectAccessible(page, 'import preview with an invalid feature');
      await shots.shoot(page, 'import-preview-invalid');

      // Repairing splits the bow-tie into valid parts: both features can now be created.
      await importForm.getByRole('checkbox', { name: 'Opravit samoprotínající se plochy' }).check();
      await importForm.getByRole('button', { name: 'Náhled' }).click();
      const willDo = importForm.getByRole('table', { name: 'Co import provede' });
      await willDo.getByRole('row').filter({ hasText: 'Mrázovka – Ženské domovy' }).getByText('Nová').waitFor();
      await willDo.getByRole('row').filter({ hasText: 'Santoška' }).getByText('Nová').waitFor();
      expect(await importForm.getByRole('table', { name: 'Chybné prvky' }).count()).toBe(0);
      await shots.shoot(page, 'import-preview-repaired');
      await importForm.getByRole('button', { name: 'Importovat', exact: true }).click();
      await importForm.getByText('Nové lokality: 2, aktualizované: 0, opravené: 1, přeskočené: 0.').waitFor();
      await expectAccessible(page, 'import done');
      await shots.shoot(page, 'import-done');

      // The police's monthly file on the same page: new, already known, outside the city, invalid.
      const crimeImport = page.getByRole('region', { name: 'Data Policie ČR o kriminalitě' });
      await crimeImport.locator('input[type="file"]').setInputFiles({ name: 'kriminalita-2026-07.csv', mimeType: 'text/csv', buffer: policeFile() });
      await crimeImport.getByRole('button', { name: 'Importovat data o kriminalitě' }).click();
      await crimeImport.getByText('Import dokončen').waitFor();
      for (const [term, value] of [['Nově importováno', '2'], ['Již dříve importováno', '1'], ['Mimo území města (přeskočeno)', '1'], ['Chybné řádky (přeskočeno)', '1']]) {
        expect(await crimeImport.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent(), term).toBe(value);
      }
      await crimeImport.getByText('Skutek č. 5 v souboru: Neplatná nebo chybějící hodnota ve sloupci „x“.').waitFor();
      await expectAccessible(page, 'police data imported');
      await shots.shoot(page, 'crime-import-done');

      // The new localities are on the map and in its list.
      await importForm.getByRole('link', { name: 'Zobrazit na mapě' }).click();
      await waitForHeading(page, 'Mapa');
      const localityList = page.getByRole('region', { name: 'Lokality' });
      await localityList.getByRole('link', { name: 'Mrázovka – Ženské domovy' }).first().waitFor();
      await waitForMapIdle(page, map);
      await shots.shoot(page, 'map-with-imported-localities');

      // The locality's page: its map (click → popup with a link), details, an indicator value.
      await localityList.getByRole('link', { name: 'Santoška' }).first().click();
      await waitForHeading(page, 'Santoška');
      const localityMap = page.getByRole('region', { name: 'Mapa lokality Santoška' });
      await waitForMapIdle(page, localityMap);
      await clickMapCentre(page, localityMap);
      await localityMap.getByRole('link', { name: 'Otevřít lokalitu' }).waitFor();
      await localityMap.getByText('Sociálně vyloučená lokalita').waitFor();
      await page.getByText('Pro tuto lokalitu zatím nejsou zaznamenány žádné hodnoty ukazatelů.').waitFor();
      await expectAccessible(page, 'new locality with its popup');
      await shots.shoot(page, 'locality-new');

      const form = page.getByRole('form', { name: 'Zaznamenat hodnotu' });
      await form.getByLabel(/^Ukazatel/).selectOption({ label: 'Obyvatelé (osob)' });
      await form.getByLabel(/^Datum/).fill('2025-12-31');
      await form.getByLabel(/^Hodnota/).fill('1 234');
      await form.getByLabel(/^Zdroj/).fill('Terénní šetření 2025');
      await form.getByRole('button', { name: 'Zaznamenat hodnotu' }).click();
      const table = page.getByRole('table', { name: 'Hodnoty ukazatelů – Santoška' });
      await table.getByRole('row', { name: /Obyvatelé \(osob\)/ }).getByRole('cell', { name: /^1\s234$/ }).waitFor();
      const chart = page.getByRole('img', { name: /^Graf vývoje ukazatelů – Santoška\./ });
      await chart.locator('svg').waitFor();
      await expectAccessible(page, 'locality with an indicator value');
      await shots.shoot(page, 'locality-with-indicator-value');
      const localityPath = new URL(page.url()).pathname;

      // The same page on a 360 px phone.
      await onDevice(browser, baseUrl, shots, PHONE, async (phone) => {
        await signInInCzech(phone, COORDINATOR, 'Jana Nováková');
        await phone.goto(localityPath);
        await waitForHeading(phone, 'Santoška');
        await waitForMapIdle(phone, phone.getByRole('region', { name: 'Mapa lokality Santoška' }));
        await phone.getByRole('table', { name: 'Hodnoty ukazatelů – Santoška' }).waitFor();
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'locality (phone)');
        await shots.shoot(phone, 'locality-phone');

        await openFromNavigation(phone, 'Mapa', 'Mapa');
        await waitForMapIdle(phone, phone.getByRole('region', { name: 'Mapa území – Demo City' }));
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'map (phone)');
        await shots.shoot(phone, 'map-phone');

        await openFromNavigation(phone, 'Lokality', 'Lokality');
        await phone.getByRole('listitem').filter({ hasText: 'Santoška' }).first().getByText('Aktivní').waitFor();
        expect(await hasHorizontalOverflow(phone)).toBe(false);
        await expectAccessible(phone, 'localities (phone)');
        await shots.shoot(phone, 'localities-phone');
      });

      // In Hungarian: the locality page and the map.
      await switchLanguage(page, 'Magyar', { isSignedIn: true });
      await page.getByRole('heading', { level: 2, name: 'A mutatók alakulása' }).waitFor();
      await waitForMapIdle(page, page.getByRole('region', { name: 'Santoška térképe' }));
      await expectAccessible(page, 'locality (hu)');
      await shots.shoot(page, 'locality-hu');
      await openFromNavigation(page, 'Térkép', 'Térkép');
      await waitForMapIdle(page, page.getByRole('region', { name: 'Demo City térképe' }));
      await page.getByRole('region', { name: 'Jelmagyarázat és rétegek' }).getByText('Szegregátum').waitFor();
      await expectAccessible(page, 'map (hu)');
      await shots.shoot(page, 'map-hu');
      await switchLanguage(page, 'Čeština', { isSignedIn: true });

      // The other territory pages.
      await openFromNavigation(page, 'Lokality', 'Lokality');
      await page.getByRole('row').filter({ hasText: 'Mrázovka – Ženské domovy' }).first().getByText('Sociálně vyloučená lokalita').waitFor();
      await expectAccessible(page, 'localities');
      await shots.shoot(page, 'localities');

      await openFromNavigation(page, 'Ukazatele lokalit', 'Ukazatele lokalit');
      await page.getByRole('button', { name: /^Obyvatelé/ }).click();
      const byPlace = page.getByRole('table', { name: 'Obyvatelé podle místa a data' });
      await byPlace.getByRole('row', { name: /Santoška/ }).first().waitFor();
      // Many values from a table: all rows or none, each bad row named.
      const tableImport = page.getByRole('form', { name: 'Import hodnot z tabulky' });
      const values = (rows: string) => Buffer.from(`datum,lokalita,hodnota,zdroj\n${rows}`);
      await tableImport.locator('input[type="file"]').setInputFiles({ name: 'obyvatele.csv', mimeType: 'text/csv', buffer: values('2026-06-30,,86 500,Odhad\n2026-06-30,Neexistující lokalita,10,Odhad\n') });
      await tableImport.getByRole('button', { name: 'Importovat hodnoty' }).click();
      await tableImport.getByRole('alert').getByText(/^Řádek 3: /).waitFor();
      await expectAccessible(page, 'indicator values refused');
      await shots.shoot(page, 'indicator-import-refused');
      await tableImport.locator('input[type="file"]').setInputFiles({ name: 'obyvatele.csv', mimeType: 'text/csv', buffer: values('2026-06-30,,86 500,Odhad\n2026-06-30,Radlice – ubytovny,1 350,Odhad\n') });
      await tableImport.getByRole('button', { name: 'Importovat hodnoty' }).click();
      await byPlace.getByRole('columnheader', { name: '30. 6. 2026' }).waitFor();
      await byPlace.getByRole('row', { name: /Radlice – ubytovny/ }).getByRole('cell', { name: /^1\s350$/ }).waitFor();
      await expectAccessible(page, 'indicators');
      await shots.shoot(page, 'indicators');

      await openFromNavigation(page, 'Evidovaná kriminalita', 'Evidovaná kriminalita');
      await page.getByText(/^červenec 2026: celkem \d+$/).waitFor();
      await page.getByRole('table', { name: 'Skutky podle lokalit a druhů – červenec 2026' }).getByRole('row', { name: /Mimo lokality/ }).waitFor();
      await page.getByRole('img', { name: /^Graf počtu skutků po měsících/ }).locator('svg').waitFor();
      await expectAccessible(page, 'registered crime');
      await shots.shoot(page, 'crime');
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (coordinator.problems.length > 0) console.error(`browser problems:\n${coordinator.problems.join('\n')}`);
      throw error;
    } finally {
      await coordinator.context.close();
    }
  });

  test('the evaluator sees the territory read-only', async () => {
    const shots = new StepRecorder('territory-evaluator');
    await onDevice(browser, baseUrl, shots, DESKTOP, async (page) => {
      await signInInCzech(page, EVALUATOR, 'Eva Králová');
      const navigation = page.getByRole('navigation', { name: 'Hlavní navigace' });
      for (const entry of ['Mapa', 'Lokality', 'Ukazatele lokalit', 'Evidovaná kriminalita']) expect(await navigation.getByRole('link', { name: entry, exact: true }).count(), entry).toBe(1);
      expect(await navigation.getByRole('link', { name: 'Import dat', exact: true }).count()).toBe(0);
      await openFromNavigation(page, 'Lokality', 'Lokality');
      await page.getByRole('link', { name: 'Radlice – ubytovny' }).click();
      await waitForHeading(page, 'Radlice – ubytovny');
      await page.getByRole('table', { name: 'Hodnoty ukazatelů – Radlice – ubytovny' }).waitFor();
      expect(await page.getByRole('button', { name: /^Archivovat/ }).count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Zaznamenat hodnotu' }).count()).toBe(0);
      await waitForMapIdle(page);
      await expectAccessible(page, 'locality (evaluator)');
      await shots.shoot(page, 'locality-read-only');
      // The import page is refused, not just hidden.
      await page.goto('/import');
      await waitForHeading(page, 'Přístup odepřen');
    });
  });
});
