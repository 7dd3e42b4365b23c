import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { launchBrowser, openPage, PHONE } from '../support/browser';
import { signInInCzech } from '../support/journey';
import { waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

const ASSISTANT = { tenant: 'demo', email: 'assistant@demo.test', password: DEMO_PASSWORD };
const SUPERVISOR = { tenant: 'demo', email: 'supervisor@demo.test', password: DEMO_PASSWORD };
/** Inside Demo City (Prague 5), where the phone says it is. */
const HERE = { latitude: 50.0702, longitude: 14.4005, accuracy: 12 };

beforeAll(async () => {
  browser = await launchBrowser();
  // The assistant's language is remembered on the server, and other journeys may have switched it:
  // this one starts in Czech whatever ran before it.
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const login = await context.request.post('/api/v1/auth/login', { data: ASSISTANT });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const reset = await context.request.patch('/api/v1/me', { data: { language: 'cs' }, headers: { 'x-csrf-token': csrfToken } });
    expect(reset.status()).toBe(200);
  } finally {
    await context.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

interface StoredRecord {
  id: string;
  content: { category: string; occurredAt: string; note?: string; locationSource?: string };
}

/** The records the field app holds in IndexedDB on this phone. */
function readPhoneRecords(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('saferhood-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('records').objectStore('records').getAll();
          request.onsuccess = () => resolve(request.result as StoredRecord[]);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** A small real JPEG, drawn by the browser itself: a street corner in three colours. */
async function makeFixtureJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#8ab4d8';
    context.fillRect(0, 0, 1200, 500);
    context.fillStyle = '#6b6b6b';
    context.fillRect(0, 500, 1200, 400);
    context.fillStyle = '#2b8a3e';
    context.fillRect(700, 420, 300, 180);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** `fullPage: false` for forms: their Save bar sticks to the bottom of the screen, as the person sees it. */
async function checkPhoneScreen(page: Page, shots: StepRecorder, step: string, options: { fullPage?: boolean } = {}): Promise<void> {
  expect(await hasHorizontalOverflow(page), `${step}: nothing sticks out sideways`).toBe(false);
  await expectAccessible(page, `field app: ${step}`);
  await shots.shoot(page, step, options);
}

/** Signs in to the field app on a fresh phone and waits until its service worker holds the app. */
async function signInToFieldApp(page: Page, options: { path?: string; onSignInScreen?: () => Promise<void> } = {}): Promise<void> {
  await page.goto(options.path ?? '/field/');
  expect(new URL(page.url()).pathname).toBe('/field/');
  await waitForHeading(page, 'Přihlášení');
  await options.onSignInScreen?.();
  await page.getByLabel('Město', { exact: true }).fill(ASSISTANT.tenant);
  await page.getByLabel('E-mail', { exact: true }).fill(ASSISTANT.email);
  await page.getByLabel('Heslo', { exact: true }).fill(ASSISTANT.password);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
  await waitForHeading(page, 'Dnes');
  await page.getByText(/^Aktualizováno /).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

async function createRecord(page: Page, category: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('button', { name: 'Nový záznam' }).click();
  await waitForHeading(page, 'Nový záznam');
  await page.getByRole('button', { name: new RegExp(`^${category}`) }).click();
  // The place is the phone's position without a tap.
  await page.getByText(/^Vaše poloha \(GPS, ±12 m\)$/).waitFor();
  await fill(page);
  await page.getByRole('button', { name: 'Uložit', exact: true }).click();
  await waitForHeading(page, 'Dnes');
  await page.getByText('Uloženo. Odešle se, jakmile bude síť.').waitFor();
}

describe('an assistant records a shift offline on a cheap phone, and the mentor approves a record', () => {
  test('sign in, go offline, start a shift, three records (one with a photo), reload from the service worker, back online, all synced once, approved', async () => {
    const shots = new StepRecorder('field-offline');
    const journeyStart = new Date().toISOString();
    const assistant = await openPage(browser, baseUrl, { viewport: PHONE, locale: 'cs-CZ' });
    const { page, context } = assistant;
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation(HERE);
    try {
      // First visit, online: sign in; the app fetches the day and its service worker caches the app.
      // A typed "/field" lands inside the service worker's scope, which is /field/.
      await signInToFieldApp(page, { path: '/field', onSignInScreen: () => checkPhoneScreen(page, shots, 'sign-in') });
      const startShift = page.getByRole('button', { name: 'Zahájit službu' }).first();
      await startShift.waitFor();
      await checkPhoneScreen(page, shots, 'today-online');

      // No signal from here on (DevTools network emulation).
      await context.setOffline(true);
      await page.getByText('Bez připojení', { exact: true }).waitFor();
      await startShift.click();
      await page.getByText(/^Zahájeno v \d{1,2}:\d{2}$/).first().waitFor();
      await page.getByText('1 začátek nebo konec služby čeká').waitFor();
      await checkPhoneScreen(page, shots, 'shift-started-offline');

      // Three records: the common case (category, then Save), one with people and a note, one with a photo.
      await page.getByRole('button', { name: 'Nový záznam' }).click();
      await waitForHeading(page, 'Nový záznam');
      await checkPhoneScreen(page, shots, 'category-grid');
      await page.getByRole('button', { name: /^Veřejný pořádek/ }).click();
      await page.getByText(/^Vaše poloha \(GPS, ±12 m\)$/).waitFor();
      await checkPhoneScreen(page, shots, 'record-form', { fullPage: false });
      await page.getByRole('button', { name: 'Uložit', exact: true }).click();
      await waitForHeading(page, 'Dnes');
      await page.getByText('1 záznam čeká na odeslání').waitFor();

      await createRecord(page, 'Kontakt s obyvateli', async () => {
        await page.getByRole('button', { name: 'O osobu více' }).click();
        await page.getByRole('button', { name: 'O osobu více' }).click();
        await page.getByLabel('Krátká poznámka (nepovinné)').fill('Rozhovor se správcem domu o hluku ve dvoře.');
      });
      await page.getByText('2 záznamy čekají na odeslání').waitFor();

      const jpeg = await makeFixtureJpeg(page);
      await createRecord(page, 'Nepořádek a nebezpečí', async () => {
        await page.locator('#photo').setInputFiles({ name: 'skladka.jpg', mimeType: 'image/jpeg', buffer: jpeg });
        await page.getByRole('img', { name: 'Fotka k odeslání' }).waitFor();
        await page.getByLabel('Naléhavé').check();
        await page.getByRole('img', { name: 'Fotka k odeslání' }).scrollIntoViewIfNeeded();
        await checkPhoneScreen(page, shots, 'record-with-photo', { fullPage: false });
      });
      await page.getByText('3 záznamy čekají na odeslání').waitFor();
      await checkPhoneScreen(page, shots, 'three-waiting-offline');

      // Still offline, the page reloads: the service worker serves the app, IndexedDB still has the outbox.
      await page.reload();
      await waitForHeading(page, 'Dnes');
      await page.getByText('3 záznamy čekají na odeslání').waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page came from the service worker').toBe(true);
      await page.getByTestId('waiting-count').click();
      await waitForHeading(page, 'Moje záznamy');
      await expect.poll(() => page.getByText('Čeká na odeslání', { exact: true }).count()).toBe(3);
      await checkPhoneScreen(page, shots, 'records-pending-after-reload');

      // The network returns: everything goes, once.
      await context.setOffline(false);
      await page.getByText('Vše odesláno').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByText('Čeká na odeslání', { exact: true }).count(), { timeout: 15_000 }).toBe(0);
      await checkPhoneScreen(page, shots, 'records-synced');

      // The same day in Hungarian: long words must still fit a 360 px screen. Then back to Czech (it is saved).
      await page.goto('/field/');
      await waitForHeading(page, 'Dnes');
      await page.getByRole('button', { name: 'Magyar' }).click();
      await waitForHeading(page, 'Ma');
      await checkPhoneScreen(page, shots, 'today-hungarian');
      await page.getByRole('button', { name: 'Új bejegyzés' }).click();
      await waitForHeading(page, 'Új bejegyzés');
      await checkPhoneScreen(page, shots, 'category-grid-hungarian');
      await page.goto('/field/');
      await page.getByRole('button', { name: 'Čeština' }).click();
      await waitForHeading(page, 'Dnes');

      const phoneIds = new Set((await readPhoneRecords(page)).map((record) => record.id));
      // Days around today in any time zone: the city's day may differ from the machine's.
      const dayBefore = new Date(Date.parse(journeyStart) - 86_400_000).toISOString().slice(0, 10);
      const dayAfter = new Date(Date.parse(journeyStart) + 86_400_000).toISOString().slice(0, 10);
      const response = await page.request.get(`/api/v1/field-records?from=${dayBefore}&to=${dayAfter}&limit=1000`);
      expect(response.status()).toBe(200);
      const { items } = (await response.json()) as { items: { id: string; createdAt: string; hasPhoto: boolean; shiftId: string | null; peopleCount: number | null }[] };
      const createdNow = items.filter((item) => item.createdAt >= journeyStart);
      // Exactly three new records on the server, each stored once, each with the id the phone gave it.
      expect(createdNow.every((item) => phoneIds.has(item.id))).toBe(true);
      expect(new Set(createdNow.map((item) => item.id)).size).toBe(createdNow.length);
      expect(createdNow).toHaveLength(3);
      expect(createdNow.filter((item) => item.hasPhoto)).toHaveLength(1);
      expect(createdNow.every((item) => item.shiftId !== null), 'records belong to the started shift').toBe(true);
      expect(createdNow.find((item) => item.peopleCount === 2)).toBeDefined();
      const shifts = (await (await page.request.get(`/api/v1/shifts?from=${dayBefore}&to=${dayAfter}`)).json()) as {
        items: { assistants: { checkedInAt: string | null }[] }[];
      };
      const checkIns = shifts.items.flatMap((shift) => shift.assistants.map((person) => person.checkedInAt)).filter((at) => at !== null && at >= journeyStart);
      expect(checkIns, 'the check-in made offline reached the server, once').toHaveLength(1);

      // The mentor approves the record with the photo in the office app.
      const withPhoto = createdNow.find((item) => item.hasPhoto)!;
      const supervisor = await openPage(browser, baseUrl, { viewport: PHONE, locale: 'cs-CZ' });
      try {
        await signInInCzech(supervisor.page, SUPERVISOR, 'Petr Dvořák');
        await supervisor.page.goto(`/field-records/${withPhoto.id}`);
        await waitForHeading(supervisor.page, 'Záznam z terénu');
        await supervisor.page.getByRole('button', { name: /^Schválit/ }).click();
        await supervisor.page.getByText('Schváleno, uzamčeno').first().waitFor();
        await expectAccessible(supervisor.page, 'office: the approved field record');
        await shots.shoot(supervisor.page, 'supervisor-approved');
      } finally {
        await supervisor.context.close();
      }

      // Back on the phone: the next refresh shows it approved, and it can no longer be edited there.
      await page.goto(`/field/records/${withPhoto.id}`);
      await waitForHeading(page, 'Záznam');
      await page.getByText('Schváleno', { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByText('S fotkou.').waitFor();
      expect(await page.getByRole('button', { name: 'Upravit' }).count()).toBe(0);
      await checkPhoneScreen(page, shots, 'phone-sees-approval');
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (assistant.problems.length > 0) console.error(`browser problems:\n${assistant.problems.join('\n')}`);
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);
  test('a place tapped on the map offline; an edit made elsewhere meanwhile is shown beside the phone’s, and the person keeps theirs', async () => {
    const shots = new StepRecorder('field-conflict');
    // This phone does not let the app use its position.
    const assistant = await openPage(browser, baseUrl, { viewport: PHONE, locale: 'cs-CZ' });
    const { page, context } = assistant;
    try {
      await signInToFieldApp(page);
      // The worker takes the page on its first visit, so the map's lazy chunk is there offline.
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // The territory copy is on the phone once the shift names its locality.
      await page.getByText(/^Lokalita: /).first().waitFor();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Nový záznam' }).click();
      await page.getByRole('button', { name: /^Jiné \/ mimořádný úkol/ }).click();
      await page.getByText('Telefon aplikaci nedovoluje zjistit polohu. Vyberte místo služby nebo klepněte do mapy.').waitFor();
      // Without GPS the record falls back to a duty place of today's shifts (which one depends on the time
      // of day: the demo assistant has a school crossing on weekday mornings and a patrol every day);
      // the person picks a spot on the map instead.
      await page.getByText(/^Na místě služby: (Přechod u ZŠ Grafická|Autobusové nádraží Na Knížecí)$/).waitFor();
      await page.getByRole('button', { name: 'Vybrat na mapě' }).click();
      const map = page.getByRole('region', { name: 'Mapa pro výběr místa' });
      await waitForMapIdle(page, page);
      // Above the Save bar that sticks to the bottom of the screen.
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      await map.click({ position: { x: box.width / 2, y: box.height / 3 } });
      await page.getByText('Vybráno na mapě', { exact: true }).waitFor();
      await checkPhoneScreen(page, shots, 'place-from-map-offline', { fullPage: false });
      await page.getByRole('button', { name: 'Uložit', exact: true }).click();
      await waitForHeading(page, 'Dnes');
      await page.getByText('1 záznam čeká na odeslání').waitFor();

      await context.setOffline(false);
      await page.getByText('Vše odesláno').waitFor({ timeout: 30_000 });
      const [record] = (await readPhoneRecords(page))
        .filter((stored) => stored.content.category === 'other' && stored.content.locationSource === 'map')
        .sort((a, b) => b.content.occurredAt.localeCompare(a.content.occurredAt));
      expect(record).toBeDefined();

      // The same person changes the note on another phone (through the API, with this session).
      const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
      const elsewhere = await page.request.put(`/api/v1/field-records/${record!.id}`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { ...record!.content, note: 'Upraveno na druhém telefonu.', baseVersion: 1 },
      });
      expect(elsewhere.status()).toBe(200);

      // Offline again, this phone edits the version it saw.
      await context.setOffline(true);
      await page.goto('/field/records/' + record!.id);
      await waitForHeading(page, 'Záznam');
      await page.getByRole('button', { name: 'Upravit' }).click();
      await waitForHeading(page, 'Úprava záznamu');
      await page.getByLabel('Krátká poznámka (nepovinné)').fill('Upraveno v tomto telefonu.');
      await page.getByRole('button', { name: 'Uložit', exact: true }).click();
      await waitForHeading(page, 'Záznam');
      await page.getByText('Čeká na odeslání', { exact: true }).first().waitFor();

      // Back online: the server refuses the stale edit; both versions are shown, nothing overwritten.
      await context.setOffline(false);
      await page.getByText('Změněno jinde', { exact: true }).first().waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: 'Záznam byl mezitím změněn jinde' }).waitFor();
      await page.getByText('Upraveno na druhém telefonu.').waitFor();
      await page.getByText('Upraveno v tomto telefonu.').waitFor();
      await checkPhoneScreen(page, shots, 'conflict-theirs-and-mine');
      const onServer = (await (await page.request.get(`/api/v1/field-records/${record!.id}`)).json()) as { note: string; version: number };
      expect(onServer).toMatchObject({ note: 'Upraveno na druhém telefonu.', version: 2 });

      await page.getByRole('button', { name: 'Ponechat moji' }).click();
      await page.getByText('Odesláno', { exact: true }).waitFor({ timeout: 30_000 });
      await checkPhoneScreen(page, shots, 'conflict-resolved');
      const resolved = (await (await page.request.get(`/api/v1/field-records/${record!.id}`)).json()) as { note: string; version: number };
      expect(resolved).toMatchObject({ note: 'Upraveno v tomto telefonu.', version: 3 });
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (assistant.problems.length > 0) console.error(`browser problems:\n${assistant.problems.join('\n')}`);
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);
});
