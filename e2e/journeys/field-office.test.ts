import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, switchLanguage, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser';
import { onDevice, signInInCzech } from '../support/journey';
import { waitForMapIdle } from '../support/map';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
// Each test signs in and walks several pages; a loaded two-core machine needs more than the default.
const JOURNEY_TIMEOUT = 300_000;
let browser: Browser;

// Unique per run, so the journey also passes against a database that outlives runs.
const RUN = Date.now().toString(36);
const SUPERVISOR = { tenant: 'demo', email: 'supervisor@demo.test', password: DEMO_PASSWORD };
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };
const ASSISTANT = { tenant: 'demo', email: 'assistant@demo.test', password: DEMO_PASSWORD };
const TO_APPROVE = `Ke schválení ${RUN}`;
const TO_RETURN = `K vrácení ${RUN}`;
const URGENT = `Naléhavé ${RUN}`;

/** A day far enough ahead that the demo's shifts (two weeks ahead at most) never meet ours; moves with each run. */
function planningDay(): string {
  const day = new Date(Date.now() + (120 + (Math.floor(Date.now() / 60_000) % 300)) * 86_400_000);
  // A Monday, so the series after it starts on a school day.
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}
const DAY = planningDay();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The demo assistant sends three records through the API, as the field app would. */
async function recordAsAssistant(): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ASSISTANT) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.getSetCookie?.() ?? []).map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const records = [
    { category: 'school_supervision', note: TO_APPROVE, minutesAgo: 90 },
    { category: 'resident_contact', note: TO_RETURN, minutesAgo: 60 },
    { category: 'public_order', note: URGENT, minutesAgo: 30, urgent: true },
  ];
  for (const record of records) {
    const response = await fetch(`${baseUrl}/api/v1/field-records/${randomUUID()}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        category: record.category,
        occurredAt: new Date(Date.now() - record.minutesAgo * 60_000).toISOString(),
        location: { type: 'Point', coordinates: [14.3888, 50.0578] },
        locationSource: 'gps',
        peopleCount: 2,
        note: record.note,
        urgent: record.urgent ?? false,
      }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  await recordAsAssistant();
});

afterAll(async () => {
  await browser?.close();
});

async function expectFits(page: Page): Promise<void> {
  expect(await hasHorizontalOverflow(page)).toBe(false);
}

/** The dialog's form, filled for one shift of the demo assistant on `date`. */
async function fillShift(page: Page, date: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Datum').fill(date);
  await dialog.getByRole('checkbox', { name: 'Tomáš Horváth' }).check();
}

describe('field work in the office', () => {
  test('the mentor plans a shift and a series, meets a double-booking, reviews records and downloads the statement', async () => {
    const shots = new StepRecorder('field-office/supervisor');
    await onDevice(browser, baseUrl, shots, DESKTOP, async (page) => {
      await signInInCzech(page, SUPERVISOR, 'Petr Dvořák');
      await page.getByRole('heading', { level: 2, name: 'Kontrola záznamů' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Dnešní směny' }).waitFor();
      await expectAccessible(page, 'the mentor’s home');
      await shots.shoot(page, 'supervisor-home');

      // A week of shifts, then one shift planned.
      await page.getByRole('link', { name: 'Plán směn' }).click();
      await waitForHeading(page, 'Plán směn');
      await page.getByRole('heading', { level: 2, name: /dnes/ }).waitFor();
      await expectAccessible(page, 'the week of shifts');
      await shots.shoot(page, 'shift-week');
      await page.getByRole('button', { name: 'Nová směna' }).click();
      await fillShift(page, DAY);
      await expectAccessible(page, 'the new shift dialog');
      await shots.shoot(page, 'shift-new', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Naplánovat směnu' }).click();
      await page.getByText('Směna je naplánována.').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // The same assistant at the same time again: refused, and the form says who and when.
      await page.getByRole('button', { name: 'Nová směna' }).click();
      await fillShift(page, DAY);
      await page.getByRole('dialog').getByRole('button', { name: 'Naplánovat směnu' }).click();
      const clash = page.getByRole('dialog').getByRole('alert');
      await clash.getByText('Někdo by měl dvě směny zároveň').waitFor();
      await expect(clash.getByRole('listitem').first().textContent()).resolves.toContain('Tomáš Horváth');
      await expectAccessible(page, 'the double-booking refusal');
      await shots.shoot(page, 'shift-overlap', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Zrušit', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // A series: school days for two weeks, one holiday skipped, in the afternoon.
      await page.getByRole('button', { name: 'Opakované směny' }).click();
      const series = page.getByRole('dialog');
      await series.getByLabel(/^Od( \*)?$/).fill(addDays(DAY, 7));
      await series.getByLabel(/^Do( \*)?$/).fill(addDays(DAY, 18));
      await series.getByLabel('Vynechat den').fill(addDays(DAY, 9));
      await series.getByRole('button', { name: 'Vynechat', exact: true }).click();
      await series.getByLabel(/^Začátek( \*)?$/).fill('14:00');
      await series.getByLabel(/^Konec( \*)?$/).fill('15:00');
      await series.getByRole('checkbox', { name: 'Tomáš Horváth' }).check();
      // Mon–Fri of two weeks is ten days, less the skipped Wednesday.
      await series.getByText('Naplánuje se směn: 9').waitFor();
      await expectAccessible(page, 'the series dialog');
      await shots.shoot(page, 'shift-series', { fullPage: false });
      await series.getByRole('button', { name: /^Naplánovat směny/ }).click();
      await page.getByText('Naplánováno směn: 9').waitFor();

      // The planned week, one assistant's.
      await page.goto(`/shifts?week=${addDays(DAY, 7)}`);
      await page.getByRole('heading', { level: 2, name: /^po / }).waitFor();
      await page.getByText('14:00–15:00').first().waitFor();
      await shots.shoot(page, 'shift-week-planned');

      // The review queue: urgent first, approve one, return one with a comment.
      await page.getByRole('link', { name: 'Kontrola záznamů' }).click();
      await waitForHeading(page, 'Kontrola záznamů');
      await page.getByRole('button', { name: /^Tomáš Horváth/ }).click();
      const toApprove = page.getByRole('article').filter({ hasText: TO_APPROVE });
      await toApprove.waitFor();
      const firstUrgent = page.getByRole('article').first();
      await expect(firstUrgent.getByText('Naléhavé', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await expectAccessible(page, 'the review queue');
      await shots.shoot(page, 'review-queue');
      await toApprove.getByRole('button', { name: /^Schválit: Dohled u škol a přechodů, / }).click();
      await page.getByText(/^Schváleno: Dohled u škol/).waitFor();
      await toApprove.waitFor({ state: 'detached' });

      const toReturn = page.getByRole('article').filter({ hasText: TO_RETURN });
      await toReturn.getByRole('button', { name: /^Vrátit: / }).click();
      await toReturn.getByRole('button', { name: /^Vrátit asistentovi: / }).click();
      await toReturn.getByText('Napište, proč záznam vracíte.').waitFor();
      await expectAccessible(page, 'a return without a comment');
      await shots.shoot(page, 'review-return-needs-comment');
      await toReturn.getByLabel('Komentář pro asistenta').fill('Doplňte prosím, o který dům šlo.');
      await toReturn.getByRole('button', { name: /^Vrátit asistentovi: / }).click();
      await page.getByText(/^Vráceno asistentovi: Kontakt s obyvateli/).waitFor();

      // The approved record is locked; a correction is an amendment with a reason, kept in its history.
      await page.getByRole('tab', { name: 'Schválené' }).click();
      const approved = page.getByRole('article').filter({ hasText: TO_APPROVE });
      await approved.getByText('Schváleno, uzamčeno').waitFor();
      await approved.getByRole('button', { name: /^Opravit: / }).click();
      const amend = page.getByRole('dialog');
      await amend.getByLabel('Počet osob').fill('5');
      await amend.getByLabel('Důvod opravy').fill('Asistent opravil počet dětí telefonicky.');
      await expectAccessible(page, 'the amendment dialog');
      await shots.shoot(page, 'review-amend', { fullPage: false });
      await amend.getByRole('button', { name: 'Uložit opravu' }).click();
      await page.getByText('Oprava je uložena; původní údaje zůstávají v historii.').waitFor();
      await approved.getByRole('button', { name: 'Historie oprav (1)' }).click();
      await approved.getByText('Počet osob: 2 → 5').waitFor();
      await expectAccessible(page, 'an approved record with its amendment');
      await shots.shoot(page, 'review-approved-history');

      // The month's statement, shown and downloaded.
      await page.getByRole('link', { name: 'Měsíční výkaz' }).click();
      await waitForHeading(page, 'Měsíční výkaz činnosti');
      await page.getByRole('heading', { level: 2, name: /^Celý program: / }).waitFor();
      await page.getByRole('table', { name: /^Záznamy podle kategorií/ }).waitFor();
      await expectAccessible(page, 'the monthly statement');
      await shots.shoot(page, 'statement');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Stáhnout XLSX: Celý program/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(await download.failure()).toBeNull();

      await page.goto('/notifications');
      await waitForHeading(page, 'Upozornění');
      await expectAccessible(page, 'the notifications');
      await shots.shoot(page, 'notifications');
      await page.goto('/signals');
      await waitForHeading(page, 'Signály skryté trestné činnosti');
      await page.getByText(/Každé otevření se zaznamenává/).waitFor();
      await expectAccessible(page, 'the signals');
      await shots.shoot(page, 'signals');
    });

  }, JOURNEY_TIMEOUT);

  test('on the mentor’s phone: the week as a list of days, the queue, the teams, the statement; in Hungarian too', async () => {
    const shots = new StepRecorder('field-office/supervisor-phone');
    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      await signInInCzech(page, SUPERVISOR, 'Petr Dvořák');
      await shots.shoot(page, 'phone-supervisor-home');
      await page.goto(`/shifts?week=${addDays(DAY, 7)}`);
      await page.getByText('14:00–15:00').first().waitFor();
      await expectAccessible(page, 'the week on a phone');
      await expectFits(page);
      await shots.shoot(page, 'phone-shift-week');
      await page.goto('/field-review');
      await page.getByRole('button', { name: /^Tomáš Horváth/ }).click();
      await page.getByRole('article').filter({ hasText: URGENT }).waitFor();
      await expectAccessible(page, 'the queue on a phone');
      await expectFits(page);
      await shots.shoot(page, 'phone-review-queue');
      await page.goto('/field-teams');
      await page.getByRole('heading', { level: 2, name: 'Tým Smíchov' }).waitFor();
      await expectAccessible(page, 'the teams on a phone');
      await expectFits(page);
      await shots.shoot(page, 'phone-teams');
      await page.goto('/activity-statement');
      await page.getByRole('heading', { level: 2, name: /^Celý program: / }).waitFor();
      await expectFits(page);
      await shots.shoot(page, 'phone-statement');
      await switchLanguage(page, 'Magyar', { isSignedIn: true });
      await page.goto(`/shifts?week=${addDays(DAY, 7)}`);
      await waitForHeading(page, 'Műszaktervezés');
      await page.getByText('14:00–15:00').first().waitFor();
      await expectAccessible(page, 'the week in Hungarian on a phone');
      await expectFits(page);
      await shots.shoot(page, 'phone-shift-week-hu');
      await switchLanguage(page, 'Čeština', { isSignedIn: true });
    });

  }, JOURNEY_TIMEOUT);

  test('the coordinator sees the overview by category and on the map, and sets up categories', async () => {
    const shots = new StepRecorder('field-office/coordinator');
    await onDevice(browser, baseUrl, shots, DESKTOP, async (page) => {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');
      await page.getByRole('link', { name: 'Otevřít přehled' }).click();
      await waitForHeading(page, 'Přehled práce v terénu');
      await page.getByRole('table', { name: /^Záznamy podle kategorií/ }).waitFor();
      await page.getByRole('table', { name: /^Záznamy podle lokalit/ }).waitFor();
      await waitForMapIdle(page);
      await expectAccessible(page, 'the field-work overview');
      await shots.shoot(page, 'coordinator-overview');
      await page.getByRole('link', { name: 'Nastavení práce v terénu' }).click();
      await waitForHeading(page, 'Nastavení práce v terénu');
      await page.getByRole('heading', { level: 2, name: 'Kategorie záznamů z terénu' }).waitFor();
      await page.getByText('school_supervision').waitFor();
      await expectAccessible(page, 'the field-work set-up');
      await shots.shoot(page, 'coordinator-setup');
      await page.getByRole('button', { name: /^Změnit kategorii Dohled u škol/ }).click();
      await page.getByRole('dialog').getByLabel('Název – English').waitFor();
      await expectAccessible(page, 'a category dialog');
      await shots.shoot(page, 'coordinator-category', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Zrušit', exact: true }).click();
      // Nothing has happened that the coordinator must be told about: the empty list says so.
      await page.getByRole('link', { name: /^Upozornění/ }).click();
      await waitForHeading(page, 'Upozornění');
      await page.getByText('Žádná upozornění.').waitFor();
      await expectAccessible(page, 'no notifications');
      await shots.shoot(page, 'coordinator-notifications-empty');
    });

    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');
      await page.goto('/field-overview');
      await page.getByRole('table', { name: /^Záznamy podle lokalit/ }).waitFor();
      await waitForMapIdle(page);
      await expectAccessible(page, 'the overview on a phone');
      await expectFits(page);
      await shots.shoot(page, 'phone-coordinator-overview');
    });
  }, JOURNEY_TIMEOUT);
});
