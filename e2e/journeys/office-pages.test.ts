import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser';
import { onDevice, signInAs, signInInCzech } from '../support/journey';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;
const RUN = Date.now().toString(36);
const COORDINATOR = { tenant: 'demo', email: 'coordinator@demo.test', password: DEMO_PASSWORD };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openFromNavigation(page: Page, entry: string, heading: string, isPhone: boolean): Promise<void> {
  if (isPhone) await page.getByRole('button', { name: 'Otevřít navigaci' }).click();
  await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: entry }).click();
  await waitForHeading(page, heading);
}

describe('the office pages work on a desktop and on a 360 px phone', () => {
  test("the site's own address opens the app at sign-in", async () => {
    const shots = new StepRecorder('office-pages/root-address');
    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      await waitForHeading(page, 'Přihlášení');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await shots.shoot(page, 'sign-in');
    });
  });

  test('the platform operator lists cities and adds one', async () => {
    const shots = new StepRecorder('office-pages/operator-cities');
    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      await signInInCzech(page, { tenant: 'platform', email: 'operator@platform.test', password: DEMO_PASSWORD }, 'Platform Operator');
      await openFromNavigation(page, 'Města', 'Města', true);
      // On a phone, one card per city.
      await page.getByRole('listitem').filter({ hasText: 'Demo City' }).getByText('Čeština').waitFor();
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await expectAccessible(page, 'cities (phone)');
      await shots.shoot(page, 'cities');

      await page.getByRole('button', { name: 'Nové město' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nové město' });
      await dialog.getByLabel(/^Krátký název/).fill(`kapuvar-${RUN}`);
      await dialog.getByLabel(/^Název/).fill('Kapuvár');
      await dialog.getByLabel(/^Časové pásmo/).selectOption('Europe/Budapest');
      await dialog.getByLabel(/^Výchozí jazyk/).selectOption('hu');
      await dialog.getByLabel(/^Měna/).fill('huf');
      const firstAdmin = dialog.getByRole('group', { name: 'První správce města' });
      await firstAdmin.getByLabel(/^Jméno a příjmení/).fill('Szabó Katalin');
      await firstAdmin.getByLabel(/^E-mail/).fill(`admin@kapuvar-${RUN}.test`);
      await firstAdmin.getByLabel(/^První heslo/).fill('kapuvar-elso-jelszo');
      await expectAccessible(page, 'new city form (phone)');
      await shots.shoot(page, 'new-city-form', { fullPage: false });
      await dialog.getByRole('button', { name: 'Založit město' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('listitem').filter({ hasText: `kapuvar-${RUN}` }).getByText('Magyar · Europe/Budapest · HUF').waitFor();
      await shots.shoot(page, 'city-created');
    });

    // The new city's first admin signs in; the city speaks Hungarian, but this browser is Czech.
    await onDevice(browser, baseUrl, shots, DESKTOP, async (page) => {
      await signInAs(page, { tenant: `kapuvar-${RUN}`, email: `admin@kapuvar-${RUN}.test`, password: 'kapuvar-elso-jelszo' });
      await waitForHeading(page, 'Dobrý den, Szabó Katalin');
      await page.getByText('Správce systému · Kapuvár').waitFor();
      await shots.shoot(page, 'first-admin-home');
    });
  });

  test('the coordinator sees who is on staff but cannot change accounts', async () => {
    const shots = new StepRecorder('office-pages/coordinator-users');
    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      await signInInCzech(page, COORDINATOR, 'Jana Nováková');
      await openFromNavigation(page, 'Uživatelé', 'Uživatelé', true);
      // On a phone the list is one card per person.
      await page.getByRole('listitem').filter({ hasText: 'admin@demo.test' }).getByText('Správce systému').waitFor();
      expect(await page.getByRole('button', { name: 'Nový uživatel' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Zablokovat/ }).count()).toBe(0);
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await expectAccessible(page, 'users as cards (phone)');
      await shots.shoot(page, 'users-cards');

      // On another computer she signs out everywhere; this phone's session ends too.
      await onDevice(browser, baseUrl, shots, DESKTOP, async (desktop) => {
        await signInInCzech(desktop, COORDINATOR, 'Jana Nováková');
        await desktop.goto('/account');
        await waitForHeading(desktop, 'Můj účet');
        await desktop.getByRole('button', { name: 'Odhlásit na všech zařízeních' }).click();
        await waitForHeading(desktop, 'Přihlášení');
        await shots.shoot(desktop, 'signed-out-everywhere');
      });
      await page.reload();
      await waitForHeading(page, 'Přihlášení');
      expect(new URL(page.url()).search).toBe('?next=%2Fusers');
      // Signing in again returns her to the page she was on.
      await page.getByLabel('E-mail', { exact: true }).fill(COORDINATOR.email);
      await page.getByLabel('Heslo', { exact: true }).fill(COORDINATOR.password);
      await page.getByRole('button', { name: 'Přihlásit se' }).click();
      await waitForHeading(page, 'Uživatelé');
    });
  });

  test('the admin sees loading and error states, and the audit log on a phone', async () => {
    const shots = new StepRecorder('office-pages/admin-states');
    await onDevice(browser, baseUrl, shots, PHONE, async (page) => {
      await signInInCzech(page, { tenant: 'demo', email: 'admin@demo.test', password: DEMO_PASSWORD }, 'Pavel Novotný');

      // A slow server: the list shows placeholders and says it is loading.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/v1/users', async (route) => {
        await held;
        await route.continue();
      });
      await openFromNavigation(page, 'Uživatelé', 'Uživatelé', true);
      await page.getByRole('status').filter({ hasText: 'Načítá se…' }).waitFor();
      await expectAccessible(page, 'users loading (phone)');
      await shots.shoot(page, 'users-loading');
      release();
      await page.getByRole('listitem').filter({ hasText: 'coordinator@demo.test' }).waitFor();
      await page.unroute('**/api/v1/users');

      // A failing server: a translated message and a way to try again.
      await page.route('**/api/v1/users', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'x', status: 503, code: 'service_unavailable', detail: 'x' }),
        }),
      );
      await page.reload();
      await waitForHeading(page, 'Uživatelé');
      await page.getByRole('alert').filter({ hasText: 'Služba je dočasně nedostupná.' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Zkusit znovu' }).waitFor();
      await expectAccessible(page, 'users error (phone)');
      await shots.shoot(page, 'users-error');
      await page.unroute('**/api/v1/users');
      await page.getByRole('button', { name: 'Zkusit znovu' }).click();
      await page.getByRole('listitem').filter({ hasText: 'coordinator@demo.test' }).waitFor();

      await openFromNavigation(page, 'Auditní záznam', 'Auditní záznam', true);
      // On a phone, one card per record.
      await page.getByRole('listitem').filter({ hasText: 'Přihlášení' }).first().waitFor();
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await expectAccessible(page, 'audit log (phone)');
      await shots.shoot(page, 'audit-log');
      await page.getByRole('button', { name: /^Podrobnosti záznamu č\. / }).first().click();
      await page.getByRole('dialog').getByText('Po změně').waitFor();
      await expectAccessible(page, 'audit record details (phone)');
      await shots.shoot(page, 'audit-details', { fullPage: false });
    });
  });

  test('a person manages their own account', async () => {
    const shots = new StepRecorder('office-pages/account');
    await onDevice(browser, baseUrl, shots, DESKTOP, async (page) => {
      await signInInCzech(page, { tenant: 'demo', email: 'evaluator@demo.test', password: DEMO_PASSWORD }, 'Eva Králová');
      await page.getByRole('button', { name: /^Nabídka účtu/ }).click();
      await page.getByRole('menuitem', { name: 'Můj účet' }).click();
      await waitForHeading(page, 'Můj účet');
      await expectAccessible(page, 'account');
      await shots.shoot(page, 'account');

      // Keyboard: the first Tab reaches the skip link, which moves focus past the header and navigation.
      await page.reload();
      await waitForHeading(page, 'Můj účet');
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Přeskočit na obsah' });
      expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
      await shots.shoot(page, 'skip-link-focused', { fullPage: false });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      const currentPassword = page.getByLabel(/^Současné heslo/);
      await currentPassword.fill('not-my-password');
      await page.getByLabel(/^Nové heslo/).fill('kratke');
      await page.getByRole('button', { name: 'Změnit heslo' }).click();
      await page.getByText('Hodnota je příliš krátká nebo malá (nejméně 12).').waitFor();
      await page.getByLabel(/^Nové heslo/).fill('dlouhe-nove-heslo-2026');
      await page.getByRole('button', { name: 'Změnit heslo' }).click();
      await page.getByRole('alert').filter({ hasText: 'Současné heslo nesouhlasí.' }).waitFor();
      await expectAccessible(page, 'account with a refused password change');
      await shots.shoot(page, 'password-refused');
    });
  });
});
