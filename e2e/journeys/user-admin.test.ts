import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hasHorizontalOverflow, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser';
import { onDevice, signInAs, signInInCzech } from '../support/journey';
import { StepRecorder } from '../support/screenshots';

const baseUrl = inject('baseUrl');
let browser: Browser;

// Unique per run, so the journey also passes against a PostgreSQL database that outlives runs.
const RUN = Date.now().toString(36);
const NEW_USER = { name: 'Alžběta Nováčková', email: `alzbeta.${RUN}@demo.test`, password: 'bezpecne-heslo-2026' };
const RENAMED = 'Alžběta Nováčková-Veselá';
const ADMIN = { tenant: 'demo', email: 'admin@demo.test', password: DEMO_PASSWORD };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function onThisDevice(shots: StepRecorder, viewport: { width: number; height: number }, steps: (page: Page) => Promise<void>) {
  return onDevice(browser, baseUrl, shots, viewport, steps);
}

/** Another admin's edit, made through the API with this session's CSRF token. */
async function renameElsewhere(page: Page, email: string, displayName: string): Promise<void> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const users = (await (await page.request.get('/api/v1/users')).json()) as { items: { id: string; email: string; version: number }[] };
  const user = users.items.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no user ${email}`);
  const response = await page.request.patch(`/api/v1/users/${user.id}`, {
    data: { displayName, version: user.version },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.status()).toBe(200);
}

describe('an admin runs the accounts of their city', () => {
  test('a wrong password is refused with a Czech message, and the form stays usable', async () => {
    const shots = new StepRecorder('user-admin/wrong-password');
    await onThisDevice(shots, PHONE, async (page) => {
      await signInAs(page, { ...ADMIN, password: 'not-the-password' });
      await page.getByRole('alert').filter({ hasText: 'Město, e-mail nebo heslo nesouhlasí.' }).waitFor();
      // The password is cleared for the next try; the city and email stay.
      expect(await page.getByLabel('Heslo', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('E-mail', { exact: true }).inputValue()).toBe(ADMIN.email);
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await expectAccessible(page, 'sign-in with an error');
      await shots.shoot(page, 'wrong-password');

      // An empty form is checked before it is sent, with the shared messages.
      await page.getByLabel('E-mail', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Přihlásit se' }).click();
      await page.getByText('Toto pole je povinné.').first().waitFor();
      await expectAccessible(page, 'sign-in with field errors');
      await shots.shoot(page, 'required-fields');

      // Guessing is slowed down: after five failures the account is locked for a while (429 + Retry-After).
      const guessed = `nobody.${RUN}@demo.test`;
      await page.getByLabel('E-mail', { exact: true }).fill(guessed);
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        await page.getByLabel('Heslo', { exact: true }).fill(`guess-${attempt}`);
        const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
        await page.getByRole('button', { name: 'Přihlásit se' }).click();
        await answered;
      }
      await page.getByRole('alert').filter({ hasText: /^Příliš mnoho neúspěšných pokusů o přihlášení\. Zkuste to znovu za \d+\smin\.$/ }).waitFor();
      await expectAccessible(page, 'sign-in throttled');
      await shots.shoot(page, 'throttled');
    });
  });

  test('the admin creates a user, who signs in; once disabled, they cannot', async () => {
    const shots = new StepRecorder('user-admin/create-and-disable');
    const admin = await openPage(browser, baseUrl, { viewport: DESKTOP, locale: 'cs-CZ' });
    const { page } = admin;
    try {
      await signInInCzech(page, ADMIN, 'Pavel Novotný');
      await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Uživatelé' }).click();
      await waitForHeading(page, 'Uživatelé');
      await page.getByRole('cell', { name: /coordinator@demo\.test/ }).waitFor();
      expect(await page.title()).toBe('Uživatelé · Saferhood');
      await expectAccessible(page, 'users');
      await shots.shoot(page, 'users');

      await page.getByRole('button', { name: 'Nový uživatel' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nový uživatel' });
      await dialog.waitFor();
      // Submitting an incomplete form explains each field in Czech and sends nothing.
      await dialog.getByRole('button', { name: 'Založit účet' }).click();
      await dialog.getByText('Toto pole je povinné.').first().waitFor();
      await dialog.getByLabel(/^Jméno a příjmení/).fill(NEW_USER.name);
      await dialog.getByLabel(/^E-mail/).fill(NEW_USER.email);
      await dialog.getByLabel(/^Role/).selectOption({ label: 'Asistent prevence kriminality' });
      await dialog.getByLabel(/^První heslo/).fill('kratke');
      await dialog.getByRole('button', { name: 'Založit účet' }).click();
      await dialog.getByText('Hodnota je příliš krátká nebo malá (nejméně 12).').waitFor();
      await expectAccessible(page, 'new user form with errors');
      await shots.shoot(page, 'new-user-form-errors', { fullPage: false });

      await dialog.getByLabel(/^První heslo/).fill(NEW_USER.password);
      await dialog.getByRole('button', { name: 'Založit účet' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: NEW_USER.email });
      await row.getByText('Aktivní').waitFor();
      await row.getByText('Asistent prevence kriminality').waitFor();
      await shots.shoot(page, 'user-created');

      await onThisDevice(shots, PHONE, async (phone) => {
        await signInAs(phone, { tenant: 'demo', email: NEW_USER.email, password: NEW_USER.password });
        await waitForHeading(phone, `Dobrý den, ${NEW_USER.name}`);
        await phone.getByRole('heading', { level: 2, name: 'Dnešní služby' }).waitFor();
        await shots.shoot(phone, 'new-user-home');
      });

      // Another admin renames her while this one is changing her role: the save is refused as a version
      // conflict, the list reloads, and saving again keeps both changes.
      await row.getByRole('button', { name: `Upravit uživatele ${NEW_USER.name}` }).click();
      const editDialog = page.getByRole('dialog', { name: 'Upravit uživatele' });
      await editDialog.getByLabel(/^Role/).selectOption({ label: 'Tazatel' });
      await renameElsewhere(page, NEW_USER.email, RENAMED);
      const reloaded = page.waitForResponse((response) => response.url().endsWith('/api/v1/users') && response.request().method() === 'GET');
      await editDialog.getByRole('button', { name: 'Uložit' }).click();
      await editDialog.getByRole('alert').filter({ hasText: 'Záznam mezitím změnil někdo jiný. Načtěte jej znovu a změnu zopakujte.' }).waitFor();
      await reloaded;
      // The name she did not touch now shows the other admin's version; her role choice stays.
      expect(await editDialog.getByLabel(/^Jméno a příjmení/).inputValue()).toBe(RENAMED);
      expect(await editDialog.getByLabel(/^Role/).inputValue()).toBe('interviewer');
      await expectAccessible(page, 'edit refused by a version conflict');
      await shots.shoot(page, 'version-conflict', { fullPage: false });
      await editDialog.getByRole('button', { name: 'Uložit' }).click();
      await editDialog.waitFor({ state: 'detached' });
      await row.getByText(RENAMED).waitFor();
      await row.getByText('Tazatel').waitFor();

      await row.getByRole('button', { name: `Zablokovat uživatele ${RENAMED}` }).click();
      await row.getByText('Zablokovaný').waitFor();
      await expectAccessible(page, 'users after disabling');
      await shots.shoot(page, 'user-disabled');

      await onThisDevice(shots, PHONE, async (phone) => {
        await signInAs(phone, { tenant: 'demo', email: NEW_USER.email, password: NEW_USER.password });
        await phone.getByRole('alert').filter({ hasText: 'Tento účet je zablokovaný. Obraťte se na správce.' }).waitFor();
        await expectAccessible(phone, 'sign-in of a disabled account');
        await shots.shoot(phone, 'disabled-user-refused');
      });

      // Everything above is in the audit log, and its hash chain holds.
      await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Auditní záznam' }).click();
      await waitForHeading(page, 'Auditní záznam');
      await page.getByRole('row').filter({ hasText: 'Zablokování účtu' }).first().waitFor();
      await page.getByRole('button', { name: 'Ověřit řetězec' }).click();
      await page.getByText('Auditní záznam je neporušený').waitFor();
      await expectAccessible(page, 'audit log');
      await shots.shoot(page, 'audit-verified');
    } catch (error) {
      await shots.shoot(page, 'failure').catch(() => undefined);
      if (admin.problems.length > 0) console.error(`browser problems:\n${admin.problems.join('\n')}`);
      throw error;
    } finally {
      await admin.context.close();
    }
  });
});
